// How a paper's bytes reach pdf.js in the reader, for the server (which notes the bytes page 1 needs when it stores a
// paper, lib/documents/firstpage.ts) and the browser (which asks for exactly those first, components/reader/boot.ts):
// both must cut the file into the same chunks, or the ranges noted are not the ranges pdf.js asks for.

/**
 * pdf.js's range chunk (its `rangeChunkSize`). 16 KB rather than pdf.js's default 64 KB: page 1 of the bench's 200-page
 * paper needs 111 KB of its 340 KB in 16 KB chunks, 262 KB in 64 KB chunks (the catalog, page tree and fonts that
 * pdf-lib writes at the end, page 1's content at the start). pdf.js asks for contiguous missing chunks in one request,
 * so a later page's large image is still one request.
 */
export const PAPER_CHUNK = 16_384;

/** Bytes [begin, end) of a file. */
export type ByteRange = [begin: number, end: number];

/** The same bytes as fewer ranges: sorted, overlapping and touching ones joined. */
export function mergeRanges(ranges: readonly ByteRange[]): ByteRange[] {
  const out: ByteRange[] = [];
  for (const [b, e] of [...ranges].filter(([b, e]) => e > b).sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && b <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([b, e]);
  }
  return out;
}

// Byte ranges (RFC 9110 §14): pdf.js reads a large paper in pieces, so a tablet shows page 1 before the rest arrives.
import { BODY_LENGTH } from "./body-length.ts";

/** Inclusive, as in Content-Range. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The one byte range a Range header asks for within `size` bytes. null: send the whole file (no header, not bytes,
 * malformed, or several ranges: a server may always answer those in full). "unsatisfiable": nothing of it exists (416).
 */
export function byteRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? "").trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== "" && Number(m[2]) < start) return null; // malformed: ignored, like any invalid range
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/** If-Range: the range applies only while the file is still the one the client has (else the whole new file). */
export const rangeStillApplies = (ifRange: string | null, etag: string) => ifRange === null || ifRange === etag;

/**
 * The answer for a stored PDF read in ranges: 200 with the whole file, 206 with the asked range, 416 for one beyond
 * its end; its content hash is the strong ETag that If-Range compares. Papers may be confidential: never kept by
 * shared caches or a browser's disk cache. `extra`: further headers (the file name).
 */
export async function pdfFileResponse(
  req: Request,
  version: { fileHash: string; size: number },
  open: (range?: ByteRange) => Promise<ReadableStream<Uint8Array>>,
  extra: Record<string, string> = {},
): Promise<Response> {
  const etag = `"${version.fileHash}"`;
  const headers = { "Content-Type": "application/pdf", ...extra, "Accept-Ranges": "bytes", ETag: etag, "Cache-Control": "private, no-store" };
  const range = rangeStillApplies(req.headers.get("if-range"), etag) ? byteRange(req.headers.get("range"), version.size) : null;
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${version.size}` } });
  const stream = await open(range ?? undefined);
  // The length twice: Next drops Content-Length, server.ts puts it back from BODY_LENGTH (lib/http/body-length.ts).
  const length = (n: number) => ({ "Content-Length": String(n), [BODY_LENGTH]: String(n) });
  if (!range) return new Response(stream, { headers: { ...headers, ...length(version.size) } });
  return new Response(stream, {
    status: 206,
    headers: { ...headers, ...length(range.end - range.start + 1), "Content-Range": `bytes ${range.start}-${range.end}/${version.size}` },
  });
}

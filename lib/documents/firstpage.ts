// A picture of each stored paper's first page, drawn on the server by pdf.js itself (pdfjs-dist in Node, its canvas
// being @napi-rs/canvas, pdfjs-dist's own optional dependency) and kept as a WebP beside the paper. The reader's page
// shows it in page 1's place at once, under the same marks, until pdf.js has drawn page 1 in the browser: on a busy
// tablet pdf.js needs about a second for that (bench/RESULTS-reader.md), the picture a few hundred milliseconds.
// Made after an upload's answer (or on first request for papers stored before), one at a time, never on the way of a
// request that does not need it. No picture (a paper pdf.js cannot draw, no canvas binary on this platform) is not an
// error: the reader then works as it did without one.
import fs from "node:fs/promises";
import path from "node:path";
import "./pdf.ts"; // pdf.js's Node 20 polyfills
import { PDFJS_ROOT } from "./pdfjs-version.ts";
import { firstPagePaths, readBlob, writeAtomically } from "./storage.ts";
import { mergeRanges, PAPER_CHUNK, type ByteRange } from "../reading/paper-bytes.ts";

/**
 * Width in pixels: sharp at fit-width on a tablet (a 1024 px wide screen shows it at ~984 CSS px) without being large:
 * a full page of text is ~170 KB at this width and quality, a sparser page far less (bench/RESULTS-reader.md).
 */
export const FIRST_PAGE_WIDTH = 1280;
/** WebP quality: text stays crisp at 30 (compared by eye at 30, 40, 45; 45 is +10% bytes for no visible gain). */
const QUALITY = 30;

/** What the reader's page needs to lay the picture out as pdf.js will lay page 1 out (no jump when it takes over). */
export interface FirstPage {
  /** The picture, in pixels. */
  width: number;
  height: number;
  /** The page's width in PDF units: the marks over the picture are sized as pdf.js sizes them over the page. */
  pageWidth: number;
  /**
   * The bytes pdf.js reads to open the paper and show page 1 (drawn, its text, links and structure), in PAPER_CHUNK
   * chunks, joined: the reader asks for these at once, before pdf.js has started, instead of the whole file or one
   * round trip after another (absent for pictures stored before they were noted).
   */
  ranges?: ByteRange[];
}

/**
 * Page 1 of a PDF drawn by pdf.js, as WebP, and the byte ranges pdf.js read for it; throws when pdf.js cannot draw it
 * or there is no canvas. pdf.js reads the paper here as it does in the reader: in ranges of PAPER_CHUNK bytes, asked
 * for as it needs them (no stream, no fetching ahead), so the ranges it asks for are the ones the reader's pdf.js will.
 */
export async function drawFirstPage(bytes: Uint8Array): Promise<{ webp: Buffer; info: FirstPage }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const asked: ByteRange[] = [];
  let closed = false;
  const range = new pdfjs.PDFDataRangeTransport(bytes.length, null, false);
  range.requestDataRange = (begin: number, end: number) => {
    asked.push([begin, end]);
    // Not once the document is closed (a paper pdf.js gave up on): pdf.js has no reader left for the range.
    setImmediate(() => closed || range.onDataRange(begin, bytes.slice(begin, end)));
  };
  const task = pdfjs.getDocument({
    range,
    rangeChunkSize: PAPER_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
    // Fonts a paper names without embedding them, and CJK encodings: pdf.js's own data files, read from the disk.
    standardFontDataUrl: path.join(PDFJS_ROOT, "standard_fonts") + path.sep,
    cMapUrl: path.join(PDFJS_ROOT, "cmaps") + path.sep,
    cMapPacked: true,
  });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const pageWidth = page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale: FIRST_PAGE_WIDTH / pageWidth });
    // pdf.js's canvas factory in Node makes @napi-rs/canvas canvases (it throws when that package is missing).
    const factory = (doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: NapiCanvas; context: CanvasRenderingContext2D } } }).canvasFactory;
    const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
    // What pdf.js's viewer reads for page 1 besides drawing it: optional content, metadata, forms and scripts (its
    // annotation layer waits for them), the text layer, links, structure.
    await Promise.all([doc.getOptionalContentConfig(), doc.getMetadata(), doc.hasJSActions(), doc.getFieldObjects()]);
    const render = page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport });
    // pdf.js draws in slices of ~15 ms and goes on at once; let the server's other work (sockets, requests) in between.
    render.onContinue = (go: () => void) => void setImmediate(go);
    await render.promise;
    await Promise.all([page.getTextContent(), page.getAnnotations(), page.getStructTree()]);
    page.cleanup();
    const webp = await canvas.encode("webp", QUALITY);
    return { webp, info: { width: canvas.width, height: canvas.height, pageWidth, ranges: mergeRanges(asked) } };
  } finally {
    closed = true;
    await task.destroy();
  }
}
interface NapiCanvas {
  width: number;
  height: number;
  encode(format: "webp", quality: number): Promise<Buffer>;
}

// One picture at a time (each is ~0.3–0.6 s of CPU), each hash once: concurrent asks share the same promise. Hashes
// pdf.js could not draw are remembered until the server restarts, so a broken paper is not drawn again per request.
const making = new Map<string, Promise<Buffer | null>>();
const failed = new Set<string>();
let queue: Promise<unknown> = Promise.resolve();

/** The stored picture, if it was stored whole: its sizes are written last, so a picture without them is made again. */
async function readPicture(hash: string): Promise<Buffer | null> {
  const paths = firstPagePaths(hash);
  try {
    await fs.access(paths.info);
    return await fs.readFile(paths.picture);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

/**
 * The pictures last asked for, kept in memory (a picture never changes under its paper's hash): when a meeting's
 * members open the same paper at once, each answer is sent from here instead of waiting for a disk read in Node's
 * thread pool, busy with the paper's own ranges. At most PICTURES_KEPT_BYTES, the least recently asked for dropped.
 */
const kept = new Map<string, Buffer>();
let keptBytes = 0;
const PICTURES_KEPT_BYTES = 32 * 1024 * 1024;
function keep(hash: string, picture: Buffer) {
  if (kept.has(hash) || picture.length > PICTURES_KEPT_BYTES) return;
  kept.set(hash, picture);
  keptBytes += picture.length;
  for (const [oldest, p] of kept) {
    if (keptBytes <= PICTURES_KEPT_BYTES) break;
    kept.delete(oldest);
    keptBytes -= p.length;
  }
}

/**
 * The first-page picture of the stored paper `hash`, made now if it is not there yet (`bytes`: the paper, when the
 * caller has it in memory). null when pdf.js cannot draw it; never throws.
 */
export function firstPagePicture(hash: string, bytes?: Uint8Array): Promise<Buffer | null> {
  const inMemory = kept.get(hash);
  if (inMemory) {
    // Most recently asked for: last in the map's order.
    kept.delete(hash);
    kept.set(hash, inMemory);
    return Promise.resolve(inMemory);
  }
  const running = making.get(hash);
  if (running) return running;
  const work = (async () => {
    const stored = await readPicture(hash).catch(() => null);
    if (stored || failed.has(hash)) return stored;
    const turn = queue.then(async () => {
      try {
        const { webp, info } = await drawFirstPage(bytes ?? (await readBlob(hash)));
        // The picture first: where the sizes are, the picture is.
        const paths = firstPagePaths(hash);
        await writeAtomically(paths.picture, webp);
        await writeAtomically(paths.info, Buffer.from(JSON.stringify(info)));
        return webp;
      } catch (e) {
        failed.add(hash);
        console.warn(`[documents] no first-page picture for ${hash}: ${(e as Error).message}`);
        return null;
      }
    });
    queue = turn;
    return turn;
  })();
  making.set(hash, work);
  void work.then((picture) => picture && keep(hash, picture)).finally(() => making.delete(hash));
  return work;
}

/** Sizes read once (they never change under a hash): the reader's page of every member needs them, not a disk read. */
const sizes = new Map<string, FirstPage>();
const SIZES_KEPT = 4096;

/** The stored picture's sizes, for the reader's page; null when there is none (yet: then it is made for next time). */
export async function firstPageSize(hash: string): Promise<FirstPage | null> {
  const known = sizes.get(hash);
  if (known) return known;
  try {
    const { width, height, pageWidth, ranges } = JSON.parse(await fs.readFile(firstPagePaths(hash).info, "utf8")) as FirstPage;
    const size: FirstPage = { width, height, pageWidth, ...(ranges ? { ranges } : {}) };
    sizes.set(hash, size);
    if (sizes.size > SIZES_KEPT) sizes.delete(sizes.keys().next().value!);
    return size;
  } catch {
    if (!failed.has(hash)) void firstPagePicture(hash);
    return null;
  }
}

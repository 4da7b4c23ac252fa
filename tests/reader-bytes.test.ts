// How the reader hands a paper's bytes to pdf.js (components/reader/boot.ts: prefetchRanges, paperTransport), with
// pdf.js itself (pdfjs-dist in Node) and a real HTTP server answering Range requests: the ranges the server noted for
// page 1 are asked for once and are all pdf.js needs for page 1; requests spanning several of them are answered from
// them; a failed one is asked for again; the rest comes in the background in pieces; nothing reaches pdf.js once it
// has closed the document (pdf.js asserts that a range it is handed has a reader waiting for it).
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "@/lib/documents/pdf";
import { drawFirstPage } from "@/lib/documents/firstpage";
import { PDFJS_ROOT } from "@/lib/documents/pdfjs-version";
import type { PDFDocumentProxy } from "pdfjs-dist";
import type { ByteRange } from "@/lib/reading/paper-bytes";
import { documentParams, paperTransport, prefetchRanges, type PdfLib } from "@/components/reader/boot";
import { longTextPdf } from "./files/bad-pdfs";

let bytes: Uint8Array;
let noted: ByteRange[];
let server: http.Server;
let url: string;
/** Every Range the server was asked for, as "begin-end" (end exclusive), in order. */
const asked: string[] = [];
/** Ranges answered 500 once, and ranges answered only after `hold` resolves. */
const failOnce = new Set<string>();
let hold: Promise<void> | null = null;

beforeAll(async () => {
  bytes = await longTextPdf(150);
  noted = (await drawFirstPage(bytes)).info.ranges!;
  server = http.createServer(async (req, res) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
    if (!m) return void res.writeHead(400).end();
    const [b, e] = [Number(m[1]), Number(m[2]) + 1];
    const key = `${b}-${e}`;
    asked.push(key);
    if (failOnce.delete(key)) return void res.writeHead(500).end();
    if (hold) await hold;
    res.writeHead(206, { "Content-Range": `bytes ${b}-${e - 1}/${bytes.length}`, "Content-Length": String(e - b) }).end(Buffer.from(bytes.subarray(b, e)));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/paper.pdf`;
}, 60_000);
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const lib = () => import("pdfjs-dist/legacy/build/pdf.mjs") as unknown as Promise<PdfLib>;
const keys = (ranges: ByteRange[]) => ranges.map(([b, e]) => `${b}-${e}`);

/** The paper opened as the reader opens it with noted ranges: those asked for first, pdf.js reading in their chunks. */
async function open() {
  const pdfjs = await lib();
  const pre = prefetchRanges(url, noted, Promise.resolve());
  const { transport, failed, rest } = await paperTransport(pdfjs, url, bytes.length, true, null, pre);
  const { disableAutoFetch, disableStream, rangeChunkSize } = documentParams("test", bytes.length, true);
  const task = pdfjs.getDocument({ range: transport, disableAutoFetch, disableStream, rangeChunkSize, verbosity: 0, standardFontDataUrl: path.join(PDFJS_ROOT, "standard_fonts") + path.sep });
  return { task, failed, rest };
}
const words = async (doc: PDFDocumentProxy, n: number) =>
  (await (await doc.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");

describe("the paper's bytes in the reader", () => {
  it("asks for page 1's noted ranges once, and pdf.js needs nothing else for page 1; the rest comes in pieces, then no page asks", async () => {
    expect(noted.length).toBeGreaterThan(1);
    asked.length = 0;
    const { task, rest } = await open();
    const doc = await task.promise;
    expect(await words(doc, 1)).toContain("Page 1, line 0: the draft resolution");
    // Exactly the noted ranges, each once: pdf.js's own requests (a chunk or several) were answered from them.
    expect([...asked].sort()).toEqual(keys(noted).sort());
    rest();
    rest(); // once only
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBeGreaterThan(noted.length);
    const pieces = asked.slice(noted.length).map((k) => k.split("-").map(Number) as ByteRange);
    // The gaps, in pieces of at most 256 KB, together with the noted ranges: the whole file, nothing twice.
    for (const [b, e] of pieces) expect(e - b).toBeLessThanOrEqual(262_144);
    const all = [...noted, ...pieces].sort((x, y) => x[0] - y[0]);
    let at = 0;
    for (const [b, e] of all) {
      expect(b).toBe(at);
      at = e;
    }
    expect(at).toBe(bytes.length);
    const before = asked.length;
    expect(await words(doc, 75)).toContain("Page 75, line 59");
    expect(await words(doc, 150)).toContain("Page 150, line 0");
    expect(asked.length).toBe(before);
    await task.destroy();
  });

  it("asks again for a noted range that failed, and still shows page 1", async () => {
    asked.length = 0;
    const [first] = keys(noted);
    failOnce.add(first);
    const { task } = await open();
    const doc = await task.promise;
    expect(await words(doc, 1)).toContain("Page 1, line 0");
    expect(asked.filter((k) => k === first).length).toBe(2);
    await task.destroy();
  });

  it("hands pdf.js nothing once it has closed the paper, though the bytes asked for before come after", async () => {
    // pdf.js's own transport object, as pdf.js gets it; what it is handed is noted instead of passed to its worker.
    const handed = async (close: boolean) => {
      let release!: () => void;
      hold = new Promise((r) => (release = r));
      const pre = prefetchRanges(url, noted, Promise.resolve());
      const { transport } = await paperTransport(await lib(), url, bytes.length, true, null, pre);
      const got: number[] = [];
      transport.onDataRange = (begin: number) => void got.push(begin);
      const [b] = noted[0];
      transport.requestDataRange(b, b + 16_384);
      if (close) transport.abort(); // what pdf.js does when the reader is closed
      hold = null;
      release();
      await new Promise((r) => setTimeout(r, 300));
      return got;
    };
    expect(await handed(false)).toEqual([noted[0][0]]);
    expect(await handed(true)).toEqual([]);
  });
});

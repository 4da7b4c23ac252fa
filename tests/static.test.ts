// Next's and pdf.js's unchanging files answered by server.ts itself (lib/http/static.ts): the bytes of the file,
// compressed once (brotli or gzip, as the browser takes it), cached for good, 304 for a matching ETag, the security
// headers; everything it does not know (other methods, ranges, other types, missing files, paths that would leave
// the folder, pdf.js's generated l10n files) goes on to Next.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextStaticSource, staticFiles } from "@/lib/http/static";
import { pdfjsStaticSource } from "@/lib/documents/pdfjs-files";
import { PDFJS_ROOT, pdfjsVersion } from "@/lib/documents/pdfjs-version";
import { rawRequest } from "./raw-http";

let server: http.Server;
let base: string;
let dist: string;
const script = Buffer.from(`export const words = ${JSON.stringify("Tờ trình Chính phủ về dự thảo Nghị quyết. ".repeat(200))};\n`);

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "oc-static-"));
  fs.mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  fs.writeFileSync(path.join(dist, "static", "chunks", "app-1a2b.js"), script);
  fs.writeFileSync(path.join(dist, "static", "chunks", "small.css"), "body{margin:0}");
  fs.writeFileSync(path.join(dist, "static", "chunks", "notes.txt"), "not a type answered here");
  fs.writeFileSync(path.join(dist, "secret.js"), "outside the static folder");
  const answer = staticFiles([nextStaticSource(dist), pdfjsStaticSource], (_req, res) => void res.writeHead(298, { "x-fallback": "1" }).end(), false);
  server = http.createServer((req, res) => {
    if (!answer(req, res)) res.writeHead(299, { "x-next": "1" }).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (urlPath: string, headers: Record<string, string> = {}, method = "GET") => rawRequest(`${base}${urlPath}`, headers, method);

describe("unchanging files answered by server.ts", () => {
  const url = "/_next/static/chunks/app-1a2b.js";

  it("sends the file, brotli or gzip as the browser takes it, with Next's caching and the security headers", async () => {
    const br = await get(url, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);
    expect(br.headers["content-length"]).toBe(String(br.body.length));
    expect(br.body.length).toBeLessThan(script.length / 4);
    expect(br.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect(br.headers["x-content-type-options"]).toBe("nosniff");
    expect(br.headers["x-frame-options"]).toBe("DENY");
    const gz = await get(url, { "accept-encoding": "gzip, br;q=0" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(script)).toBe(true);
    const plain = await get(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
    expect(new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]).size).toBe(1);
  });

  it("answers 304 to its ETag, and HEAD with the headers only", async () => {
    const { headers } = await get(url);
    const again = await get(url, { "if-none-match": String(headers.etag), "accept-encoding": "br" });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect((await get(url, { "if-none-match": '"other"' })).status).toBe(200);
    const head = await get(url, { "accept-encoding": "gzip" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
  });

  it("sends a small file as it is", async () => {
    const css = await get("/_next/static/chunks/small.css", { "accept-encoding": "gzip, br" });
    expect(css.status).toBe(200);
    expect(css.headers["content-encoding"]).toBeUndefined();
    expect(css.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(css.body.toString()).toBe("body{margin:0}");
  });

  it("leaves to Next what it does not know, and a file that is not there (asked again once it is)", async () => {
    for (const [p, method, headers] of [
      [url, "POST", {}],
      [url, "GET", { range: "bytes=0-10" }],
      ["/_next/static/chunks/notes.txt", "GET", {}],
      ["/_next/static/", "GET", {}],
      ["/_next/static/chunks/../../secret.js", "GET", {}],
      ["/_next/static/chunks/..%2F..%2Fsecret.js", "GET", {}],
      ["/_next/static/chunks/%2e%2e/%2e%2e/secret.js", "GET", {}],
      ["/_next/static/chunks/app-1a2b.js%00", "GET", {}],
      ["/_next/static/chunks/%E0%A4%A", "GET", {}],
      ["/_next/image?url=x", "GET", {}],
    ] as const) {
      const res = await get(p, headers, method);
      expect([p, method, res.status, res.headers["x-next"]]).toEqual([p, method, 299, "1"]);
    }
    const later = "/_next/static/chunks/later-9f.js";
    expect((await get(later)).status).toBe(298);
    fs.writeFileSync(path.join(dist, "static", "chunks", "later-9f.js"), script);
    const found = await get(later);
    expect(found.status).toBe(200);
    expect(found.body.equals(script)).toBe(true);
  });

  it("sends pdf.js's files of the installed version, the same bytes as on disk; its l10n files and other paths go to Next", async () => {
    const v = pdfjsVersion();
    const worker = await get(`/pdfjs/${v}/build/pdf.worker.min.mjs`, { "accept-encoding": "br" });
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toBe("text/javascript");
    expect(brotliDecompressSync(worker.body).equals(fs.readFileSync(path.join(PDFJS_ROOT, "build", "pdf.worker.min.mjs")))).toBe(true);
    const cmap = await get(`/pdfjs/${v}/cmaps/UniGB-UCS2-H.bcmap`, { "accept-encoding": "gzip" });
    expect(cmap.status).toBe(200);
    expect(cmap.headers["content-encoding"]).toBeUndefined();
    expect(cmap.body.equals(fs.readFileSync(path.join(PDFJS_ROOT, "cmaps", "UniGB-UCS2-H.bcmap")))).toBe(true);
    for (const p of [`/pdfjs/${v}/l10n/vi.ftl`, `/pdfjs/${v}/l10n/locale.json`, `/pdfjs/0.0.1/build/pdf.worker.min.mjs`, `/pdfjs/${v}/build/pdf.mjs`, `/pdfjs/${v}/constructor/x.mjs`, `/pdfjs/${v}/build/../package.json`]) {
      const res = await get(p);
      expect([p, res.status]).toEqual([p, 299]);
    }
  });
});

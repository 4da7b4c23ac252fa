// Files that never change under their URL, answered by server.ts itself, compressed once: Next's own scripts and
// styles (/_next/static/…, content-hashed names) and pdf.js's (/pdfjs/<version>/…). Through Next, every answer was
// compressed again: pdf.js's worker (1.2 MB) cost the server 37 ms of CPU per request and a 224 KB chunk of the app
// 6.7 ms (bench/page-cpu.ts), so a room of tablets opening the app or a paper for the first time kept the server busy
// for seconds, and each tablet's first page waited behind the others' scripts. Here each file is read and compressed
// (gzip, and brotli when the browser takes it) on its first request and kept in memory: the files are a fixed set per
// build and per pdf.js version, a few MB. The answer carries what Next's would: the type, `public, max-age=31536000,
// immutable`, an ETag (304 when it matches), `Vary: Accept-Encoding` and the security headers of next.config.js.
// Anything else (another method, a Range request, an unknown type, a file that is not there) goes on to Next.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { accepts, COMPRESS_FROM, compressible } from "./encoding.ts";
import { securityHeaders } from "./headers.js";

const gzipped = promisify(gzip);
const brotli = promisify(brotliCompress);
/** Brotli's quality: about gzip's time (~40 ms for pdf.js's worker, once), 6-7% fewer bytes than gzip for these scripts. */
const BROTLI_QUALITY = 5;

export interface StaticSource {
  /** The URL path's prefix, ending with "/". */
  prefix: string;
  /** The file for the path's decoded segments after the prefix, or null: not one of this source's files. */
  file(segments: string[]): string | null;
}

/** Types answered here, by extension (compressed or not by their type, encoding.ts); any other file is left to Next. */
const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".mjs": "text/javascript",
  ".css": "text/css; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".gif": "image/gif",
  ".png": "image/png",
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
};

interface Entry {
  headers: Record<string, string>;
  raw: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
}

async function read(file: string, type: string, dev: boolean): Promise<Entry | null> {
  const raw = await fs.readFile(file).catch(() => null); // not there, a folder, unreadable: Next answers
  if (!raw) return null;
  const compress = compressible(type) && raw.length >= COMPRESS_FROM;
  const [gz, br] = compress
    ? await Promise.all([gzipped(raw), brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })])
    : [null, null];
  const etag = `"${createHash("sha256").update(raw).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable", ETag: etag };
  if (compress) headers.Vary = "Accept-Encoding";
  for (const { key, value } of securityHeaders(dev)) headers[key] = value;
  return { headers, raw, gzip: gz, br, etag };
}

function send(req: IncomingMessage, res: ServerResponse, entry: Entry) {
  const match = String(req.headers["if-none-match"] ?? "").split(",").some((t) => t.trim().replace(/^W\//, "") === entry.etag);
  if (match) {
    res.writeHead(304, entry.headers).end();
    return;
  }
  const [body, encoding] = entry.br && accepts(req, "br") ? [entry.br, "br"] : entry.gzip && accepts(req, "gzip") ? [entry.gzip, "gzip"] : [entry.raw, null];
  res.writeHead(200, { ...entry.headers, ...(encoding ? { "Content-Encoding": encoding } : {}), "Content-Length": String(body.length) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A segment of a path that could leave its folder or is not a plain name. */
const unsafe = (s: string) => s === "" || s === "." || s === ".." || /[\\/\0]/.test(s);

/**
 * A request handler for server.ts: answers a GET or HEAD of one of `sources`' files and returns true (handing the
 * request to `fallback`, Next, should the file not be there after all), or returns false and leaves it to Next.
 */
export function staticFiles(sources: StaticSource[], fallback: (req: IncomingMessage, res: ServerResponse) => void, dev = process.env.NODE_ENV !== "production") {
  const cache = new Map<string, Promise<Entry | null>>();
  const entry = (file: string, type: string) => {
    let found = cache.get(file);
    if (!found) {
      found = read(file, type, dev);
      cache.set(file, found);
      // Not there (yet): asked again next time.
      void found.then((e) => e || cache.delete(file), () => cache.delete(file));
    }
    return found;
  };
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.headers.range !== undefined) return false;
    const urlPath = (req.url ?? "/").split("?", 1)[0];
    const source = sources.find((s) => urlPath.startsWith(s.prefix));
    if (!source) return false;
    let segments: string[];
    try {
      segments = urlPath.slice(source.prefix.length).split("/").map(decodeURIComponent);
    } catch {
      return false;
    }
    if (segments.some(unsafe)) return false;
    const file = source.file(segments);
    const type = file ? TYPES[path.extname(file).toLowerCase()] : undefined;
    if (!file || !type) return false;
    entry(file, type).then(
      (found) => (found ? send(req, res, found) : fallback(req, res)),
      () => fallback(req, res),
    );
    return true;
  };
}

/** Next's build output: /_next/static/… is the folder .next/static. */
export function nextStaticSource(distDir = path.join(process.cwd(), ".next")): StaticSource {
  const root = path.join(distDir, "static");
  return { prefix: "/_next/static/", file: (segments) => path.join(root, ...segments) };
}

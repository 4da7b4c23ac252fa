// The reader bench's one origin for both readers (bench/reader.ts), in a process of its own: /__plain/* (pdf.js's own
// viewer page and pdfjs-dist's files) from here, every other request and websocket upgrade passed to the app. Run in
// the bench's own process it shared an event loop with Playwright, which stalled it for up to 0.45 s during a load
// (monitorEventLoopDelay, BENCH_READER_LAG=1): a request of either reader could wait that long for its first byte.
//   READER_PROXY_PORT, READER_APP_PORT, READER_FILE_URL; says "ready" over IPC once listening.
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const pdfjsDir = path.join(root, "node_modules", "pdfjs-dist");
const pdfjsVersion = JSON.parse(fs.readFileSync(path.join(pdfjsDir, "package.json"), "utf8")).version as string;

/** The plain viewer: pdf.js's own components, default options, the app's worker (the same file our reader uses). */
const plainPage = (fileUrl: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>pdf.js plain viewer</title>
<link rel="stylesheet" href="/__plain/web/pdf_viewer.css">
<style>body{margin:0}#viewerContainer{position:absolute;inset:0;overflow:auto;background:#ccc}</style></head>
<body><div id="viewerContainer"><div id="viewer" class="pdfViewer"></div></div>
<script type="module">
import * as pdfjsLib from "/__plain/build/pdf.min.mjs";
globalThis.pdfjsLib = pdfjsLib;
pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdfjs/${pdfjsVersion}/build/pdf.worker.min.mjs";
const { EventBus, PDFLinkService, PDFViewer } = await import("/__plain/web/pdf_viewer.mjs");
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const pdfViewer = new PDFViewer({ container: document.getElementById("viewerContainer"), eventBus, linkService });
linkService.setViewer(pdfViewer);
eventBus.on("pagesinit", () => { pdfViewer.currentScaleValue = "page-width"; });
eventBus.on("pagerendered", (e) => { if (e.pageNumber === 1 && !document.documentElement.dataset.pagerendered) document.documentElement.dataset.pagerendered = String(performance.now()); });
const pdf = await pdfjsLib.getDocument({ url: ${JSON.stringify(fileUrl)}, cMapUrl: "/pdfjs/${pdfjsVersion}/cmaps/", cMapPacked: true, standardFontDataUrl: "/pdfjs/${pdfjsVersion}/standard_fonts/" }).promise;
pdfViewer.setDocument(pdf);
linkService.setDocument(pdf, null);
</script></body></html>`;

const gzipped = new Map<string, Buffer>();
/** One origin for both readers: /__plain/* from here, the rest (HTTP and websocket upgrades) passed to the app. */
export function startProxy(port: number, appPort: number, fileUrl: string): Promise<http.Server> {
  const types: Record<string, string> = { ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (url.startsWith("/__plain/")) {
      if (url === "/__plain/viewer.html") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
        res.end(plainPage(fileUrl));
        return;
      }
      const rel = decodeURIComponent(url.slice("/__plain/".length).split("?")[0]);
      const file = path.join(pdfjsDir, rel);
      if (!file.startsWith(pdfjsDir + path.sep) || !/^(build|web)\//.test(rel) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      // Served as the app serves its own /pdfjs/ files: versioned, cached for good, compressed (gzip, made once).
      const headers: http.OutgoingHttpHeaders = { "content-type": types[path.extname(file)] ?? "application/octet-stream", "cache-control": "public, max-age=31536000, immutable", vary: "accept-encoding" };
      const raw = fs.readFileSync(file);
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        let gz = gzipped.get(file);
        if (!gz) gzipped.set(file, (gz = zlib.gzipSync(raw)));
        res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": gz.length }).end(gz);
      } else {
        res.writeHead(200, { ...headers, "content-length": raw.length }).end(raw);
      }
      return;
    }
    const up = http.request({ host: "127.0.0.1", port: appPort, method: req.method, path: url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.rawHeaders);
      r.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  server.on("upgrade", (req, socket, head) => {
    const upstream = net.connect(appPort, "127.0.0.1", () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}


const port = Number(process.env.READER_PROXY_PORT);
const appPort = Number(process.env.READER_APP_PORT);
const fileUrl = process.env.READER_FILE_URL;
if (port && appPort && fileUrl) {
  void startProxy(port, appPort, fileUrl).then(() => process.send?.("ready"));
  process.on("SIGTERM", () => process.exit(0));
}

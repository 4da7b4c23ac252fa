// Starting pdf.js before React. The reader's page is server-rendered with a small inline script (ReaderBoot.tsx)
// that, as soon as the browser parses it, starts pdf.js's worker, its library and viewer modules and the paper's
// first request, while Next's own scripts are still arriving and React has not hydrated yet. The viewer
// (viewer.ts) takes what that script started; when there is none (the reader reached by a client-side navigation,
// "try again", another version) it starts the same itself (startPaper). pdf.js is loaded as the installed
// pdfjs-dist's own built modules, served by this app (app/pdfjs), never bundled: one copy whichever way it started.
import type { DocumentInitParameters, PDFDocumentLoadingTask } from "pdfjs-dist/types/src/display/api";
import { href } from "@/lib/http/operation";
import { documentOps } from "@/lib/documents/operations";
import type { ReaderView } from "@/lib/reading/queries";

export type PdfLib = typeof import("pdfjs-dist");
export type ViewerLib = typeof import("pdfjs-dist/web/pdf_viewer.mjs");

/** Bytes per range request: small enough that page 1 needs few round trips, large enough not to flood the server. */
export const RANGE_CHUNK = 65_536;

/** The version on screen: the latest, or an earlier one asked for (?version=N, e.g. to see a note not carried over). */
export const shownVersion = (view: ReaderView, version: number | undefined) => view.versions.find((v) => v.number === version) ?? view.versions[0];

/** The paper version's file (ranges, access checked on each): the same URL on the server's page and in the viewer. */
export const paperFileUrl = (documentId: string, version: number) => href(documentOps.file, { params: { documentId }, query: { version } });

/** Where pdf.js's files are served (app/pdfjs): versioned paths, cached for good. */
export function pdfjsAssets(version: string) {
  const base = `/pdfjs/${version}`;
  return { base, lib: `${base}/build/pdf.min.mjs`, viewer: `${base}/web/pdf_viewer.mjs`, worker: `${base}/build/pdf.worker.min.mjs` };
}

/**
 * Papers up to this size are streamed whole (as pdf.js's own viewer does) while the ranges page 1 needs are asked
 * for beside the stream; larger ones are read in ranges only. On a busy tablet each range is a round trip through
 * the page's main thread (pdf.js's worker asks, the page fetches): page 1 of a 200-page paper took five of them in a
 * row, and the bench measured it 1.3× slower than streaming the 0.3 MB file. A large (scanned) paper is not
 * downloaded whole just to show its first page.
 */
export const STREAM_WHOLE_BELOW = 2 * 1024 * 1024;

/**
 * How a paper is opened: no fetching of the rest in the background (pdf.js's advice for range loading), streamed
 * whole only when small (above); page 1 is drawn from the first chunks, the rest is fetched as pages are reached.
 */
export function documentParams(url: string, version: string, size: number): DocumentInitParameters {
  const { base } = pdfjsAssets(version);
  return {
    url,
    disableAutoFetch: true,
    disableStream: size >= STREAM_WHOLE_BELOW,
    rangeChunkSize: RANGE_CHUNK,
    cMapUrl: `${base}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}/standard_fonts/`,
    wasmUrl: `${base}/wasm/`,
  };
}

/** What was started for one paper URL: pdf.js, its viewer components and the document's loading task. */
export interface PaperStart {
  lib: PdfLib;
  viewer: Promise<ViewerLib>;
  task: PDFDocumentLoadingTask;
  /**
   * Ends the worker the page's script started for this document (given to getDocument as `worker`, so the task does
   * not end it itself; one shared through GlobalWorkerOptions.workerPort could not serve the next document while the
   * first was being destroyed). Nothing to do for a document that started its own worker.
   */
  release(): void;
}
interface BootGlobal {
  __ocPaper?: { url: string; start: Promise<PaperStart> };
}

/**
 * The inline script of the reader's page: the same steps as startPaper, in plain JavaScript (it runs before any of
 * the app's bundles). Meant for `<script type="module" async>`: such a script runs as soon as it is parsed, without
 * waiting for the page's stylesheets (a classic inline script would, and would hold up the parser with it); its
 * dynamic imports carry its nonce.
 */
export function bootScript(url: string, version: string, size: number): string {
  const a = pdfjsAssets(version);
  const j = JSON.stringify;
  return `(()=>{performance.mark("reader:boot");const w=new Worker(${j(a.worker)},{type:"module"});` +
    `window.__ocPaper={url:${j(url)},start:import(${j(a.lib)}).then((lib)=>{lib.GlobalWorkerOptions.workerSrc=${j(a.worker)};globalThis.pdfjsLib=lib;` +
    `const worker=new lib.PDFWorker({port:w});` +
    `return{lib,task:lib.getDocument(Object.assign(${j(documentParams(url, version, size))},{worker})),viewer:import(${j(a.viewer)}),` +
    `release:()=>{worker.destroy();w.terminate();}};})};})();`;
}

/** What the page's inline script started for this URL (once), else the same started now. */
export function takePaper(url: string, version: string, size: number): Promise<PaperStart> {
  const g = window as BootGlobal;
  const booted = g.__ocPaper;
  if (booted?.url === url) {
    delete g.__ocPaper;
    return booted.start;
  }
  return startPaper(url, version, size);
}

let loaded: Promise<PdfLib> | undefined;
/** pdf.js's viewer reads its library from globalThis.pdfjsLib when its module is evaluated: the library first. */
function startPaper(url: string, version: string, size: number): Promise<PaperStart> {
  const a = pdfjsAssets(version);
  loaded ??= (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ a.lib) as Promise<PdfLib>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = a.worker;
    (globalThis as { pdfjsLib?: PdfLib }).pdfjsLib = lib;
    return lib;
  });
  return loaded.then((lib) => ({
    lib,
    task: lib.getDocument(documentParams(url, version, size)),
    viewer: import(/* webpackIgnore: true */ /* turbopackIgnore: true */ a.viewer) as Promise<ViewerLib>,
    release: () => {},
  }));
}

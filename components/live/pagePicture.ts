"use client";
// One page of a paper drawn on a canvas with pdf.js, for the presenter's page on followers' screens and on the room
// display (until the reader follows on its own). pdf.js reads the file through the permission-checked file route,
// in ranges; each paper is opened once per tab.
import type { PDFDocumentProxy } from "pdfjs-dist";

let lib: Promise<typeof import("pdfjs-dist")> | null = null;
/**
 * pdf.js with its worker code on the main thread (pdf.js's "fake worker": it uses globalThis.pdfjsWorker when set).
 * One page of a briefing paper parses quickly; a separate worker started from a bundled module URL sometimes never
 * answered on a loaded tablet, leaving the page blank. The reader (issue 7) has its own served worker.
 */
function pdfjs() {
  lib ??= Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs")]).then(([m, worker]) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return m;
  });
  return lib;
}

const opened = new Map<string, Promise<PDFDocumentProxy>>();
function open(url: string) {
  let doc = opened.get(url);
  if (!doc) {
    doc = pdfjs().then((m) => m.getDocument({ url, withCredentials: true, disableAutoFetch: true, rangeChunkSize: 65_536 }).promise);
    doc.catch(() => opened.delete(url));
    opened.set(url, doc);
  }
  return doc;
}

/** Draws `page` of the PDF at `url` to fit within `width` × `height` CSS pixels; resolves with the page count. */
export async function drawPage(canvas: HTMLCanvasElement, url: string, page: number, width: number, height: number, signal: AbortSignal): Promise<number> {
  const doc = await open(url);
  const p = await doc.getPage(Math.min(Math.max(1, page), doc.numPages));
  if (signal.aborted) return doc.numPages;
  const base = p.getViewport({ scale: 1 });
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const viewport = p.getViewport({ scale: Math.min(width / base.width, height / base.height) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  const task = p.render({ canvas, viewport });
  signal.addEventListener("abort", () => task.cancel());
  await task.promise.catch((e: unknown) => {
    if ((e as { name?: string })?.name !== "RenderingCancelledException") throw e;
  });
  return doc.numPages;
}

// The first page's picture (drawn on the server by pdf.js, lib/documents/firstpage.ts) in page 1's place, in the
// reader page's own HTML: the member sees page 1, under the same marks, as soon as the picture has arrived, while
// pdf.js is still starting on a busy tablet. pdf.js's page 1 takes its place: reader.css hides the picture the moment
// pdf.js puts a page's canvas in, and it is removed once that page is drawn (the page's inline script or the reader).
import type { FirstPage } from "@/lib/documents/firstpage";
import { href } from "@/lib/http/operation";
import { documentOps } from "@/lib/documents/operations";
import { marksHtml, type PageMarks } from "./marks";

/** The picture of a paper version's first page (access checked like its file). */
export const firstPageUrl = (documentId: string, version: number) => href(documentOps.firstPage, { params: { documentId }, query: { version } });

export interface FirstPagePicture {
  url: string;
  size: FirstPage;
  alt: string;
  marks: PageMarks;
}

const attribute = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The viewer container's content: pdf.js's viewer element (first: PDFViewer takes the container's first child), then
 * the picture, where pdf.js will lay page 1 out at page width (reader.css). The marks are sized as over pdf.js's
 * page: --oc-unit is one PDF unit at the picture's width.
 */
export function viewerHtml(picture: FirstPagePicture | null): string {
  const viewer = '<div class="pdfViewer"></div>';
  if (!picture) return viewer;
  const { width, height, pageWidth } = picture.size;
  return `${viewer}<div class="oc-first" data-testid="first-page" style="aspect-ratio:${width}/${height};--oc-unit:calc(100cqw / ${pageWidth})">` +
    `<img src="${attribute(picture.url)}" alt="${attribute(picture.alt)}" width="${width}" height="${height}" fetchpriority="high">` +
    `<div class="oc-marks" aria-hidden="true">${marksHtml(1, picture.marks)}</div></div>`;
}

/** Takes the picture away once pdf.js has drawn a page. Self-contained: its source is part of the page's inline script. */
export function dropFirstPage(container: HTMLElement) {
  container.querySelector(":scope > .oc-first")?.remove();
}

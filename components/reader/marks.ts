// The marks over a drawn page of a paper: the reader's name and the time across it, the paper's confidentiality mark in
// its corner, "changed since you read it" where that applies (reader.css draws them). Laid by the reader panel
// (PaperReader.tsx) on every page pdf.js draws, and by the page's inline script (boot.ts) on pages drawn before React
// has hydrated, with the same words: the server's (page.tsx).

export interface PageMarks {
  /** The reader's name and the time the paper was opened. */
  watermark: string;
  /** The confidentiality mark's label, none for an ordinary paper. */
  mark: string | null;
  /** Pages whose text changed since this member read the paper. */
  changed: Set<number>;
  changedLabel: string;
}

/**
 * The marks over one page, as HTML: the same for a page pdf.js has drawn (stampPage) and for the first page's
 * picture in the server's HTML (firstpage.ts). Self-contained: its source is part of the page's inline script.
 */
export function marksHtml(pageNumber: number, { watermark, mark, changed, changedLabel }: PageMarks): string {
  const text = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const line = `<div class="oc-watermark">${text(Array.from({ length: 6 }, () => watermark).join("   "))}</div>`;
  return line + line + line +
    (mark ? `<div class="oc-mark">${text(mark)}</div>` : "") +
    (changed.has(pageNumber) ? `<div class="oc-changed" data-testid="page-changed">${text(changedLabel)}</div>` : "");
}

/**
 * Lays (or lays again) the marks over one page. Self-contained: its source is part of the page's inline script, which
 * passes its own copy of marksHtml (a bundler may rename what this function would name).
 */
export function stampPage(div: HTMLElement, pageNumber: number, marks: PageMarks, html: typeof marksHtml) {
  let layer = div.querySelector<HTMLElement>(":scope > .oc-marks");
  if (!layer) {
    layer = document.createElement("div");
    layer.className = "oc-marks";
    layer.setAttribute("aria-hidden", "true");
    div.append(layer);
  }
  layer.innerHTML = html(pageNumber, marks);
}

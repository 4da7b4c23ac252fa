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

/** Lays (or lays again) the marks over one page. Self-contained: its source is part of the page's inline script. */
export function stampPage(div: HTMLElement, pageNumber: number, { watermark, mark, changed, changedLabel }: PageMarks) {
  let layer = div.querySelector<HTMLElement>(":scope > .oc-marks");
  if (!layer) {
    layer = document.createElement("div");
    layer.className = "oc-marks";
    layer.setAttribute("aria-hidden", "true");
    div.append(layer);
  }
  layer.replaceChildren();
  const line = document.createElement("div");
  line.className = "oc-watermark";
  line.textContent = Array.from({ length: 6 }, () => watermark).join("   ");
  layer.append(line, line.cloneNode(true), line.cloneNode(true));
  if (mark) {
    const badge = document.createElement("div");
    badge.className = "oc-mark";
    badge.textContent = mark;
    layer.append(badge);
  }
  if (changed.has(pageNumber)) {
    const flag = document.createElement("div");
    flag.className = "oc-changed";
    flag.dataset.testid = "page-changed";
    flag.textContent = changedLabel;
    layer.append(flag);
  }
}

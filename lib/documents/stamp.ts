// A paper downloaded to keep carries the marks the reader shows (the reader's name and the time across every page,
// the confidentiality mark in its corner), written into the PDF itself on the server (pdf-lib, DejaVu Sans: the
// Vietnamese diacritics print right). The original stays untouched in storage; each download is a new copy.
import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { embedUnicodeFonts } from "../pdf/fonts.ts";

export interface Marks {
  /** "Name · dd/mm/yyyy HH:mm": who took this copy, and when. */
  watermark: string;
  /** The confidentiality mark ("Mật", "Tối mật"), or null for an ordinary paper. */
  mark: string | null;
}

export interface StampFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function stampPdf(original: Uint8Array, marks: Marks): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original, { updateMetadata: false });
  const fonts = await embedUnicodeFonts(doc);
  for (const page of doc.getPages()) stampPage(page, marks, fonts);
  return doc.save();
}

/** The marks on one page: three diagonal lines of the watermark across it, the confidentiality mark in its corner. */
export function stampPage(page: PDFPage, { watermark, mark }: Marks, { regular, bold }: StampFonts) {
  const { x, y, width, height } = page.getCropBox();
  // Three parallel lines of the watermark along the page's diagonal, light enough to read the paper through.
  const size = Math.max(10, Math.min(width, height) / 28);
  const line = Array.from({ length: 3 }, () => watermark).join("     ");
  const lineWidth = regular.widthOfTextAtSize(line, size);
  const angle = Math.atan2(height, width);
  const [along, across] = [[Math.cos(angle), Math.sin(angle)], [-Math.sin(angle), Math.cos(angle)]];
  const gap = Math.min(width, height) / 3;
  for (const k of [-1, 0, 1]) {
    const cx = x + width / 2 + k * gap * across[0], cy = y + height / 2 + k * gap * across[1];
    page.drawText(line, {
      x: cx - (along[0] * lineWidth) / 2, y: cy - (along[1] * lineWidth) / 2,
      size, font: regular, color: rgb(0.45, 0.45, 0.45), opacity: 0.22, rotate: degrees((angle * 180) / Math.PI),
    });
  }
  if (mark) {
    const markSize = Math.max(11, Math.min(width, height) / 40);
    const w = bold.widthOfTextAtSize(mark, markSize) + markSize;
    const h = markSize * 1.7;
    const left = x + width - w - markSize, top = y + height - markSize;
    page.drawRectangle({ x: left, y: top - h, width: w, height: h, borderColor: rgb(0.75, 0.05, 0.05), borderWidth: 1.5, color: rgb(1, 1, 1), opacity: 0.9 });
    page.drawText(mark, { x: left + markSize / 2, y: top - h + markSize * 0.5, size: markSize, font: bold, color: rgb(0.75, 0.05, 0.05) });
  }
}

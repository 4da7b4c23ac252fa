// A one-column A4 report (a vote's result, a summary of written opinions): lines written top to bottom, wrapped to
// the width, a new page when one is full. DejaVu Sans, so Vietnamese diacritics print right.
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { embedUnicodeFonts, wrapText } from "./fonts.ts";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

export async function reportWriter(doc: PDFDocument) {
  const { regular, bold } = await embedUnicodeFonts(doc);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const width = A4[0] - 2 * MARGIN;
  const write = (text: string, font: PDFFont = regular, size = 11, gap = 4, color: RGB = rgb(0.1, 0.1, 0.1)) => {
    for (const line of wrapText(text, font, size, width)) {
      if (y < MARGIN + size) {
        page = doc.addPage(A4);
        y = A4[1] - MARGIN;
      }
      y -= size;
      page.drawText(line, { x: MARGIN, y, size, font, color });
      y -= gap;
    }
  };
  const space = (h: number) => (y -= h);
  return { regular, bold, write, space };
}

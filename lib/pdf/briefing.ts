// Generates a briefing paper PDF (used by the demo seed and by tests that need real PDFs).
import { PDFDocument, rgb } from "pdf-lib";
import { embedUnicodeFonts, wrapText } from "./fonts.ts";

export interface BriefingInput {
  title: string;
  issuer?: string;
  mark?: string; // e.g. "MẬT"
  sections: { heading: string; body: string }[];
  /** Repeat the body to reach at least this many pages (realistic page counts for the viewer). */
  minPages?: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

export async function briefingPdf(input: BriefingInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setCreator("OpenCabinet");
  const { regular, bold } = await embedUnicodeFonts(doc);
  const width = A4[0] - 2 * MARGIN;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;

  const newPage = () => {
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const write = (text: string, size: number, font = regular, gap = 4, color = rgb(0.1, 0.1, 0.12)) => {
    for (const line of wrapText(text, font, size, width)) {
      if (y - size < MARGIN + 20) newPage();
      page.drawText(line, { x: MARGIN, y: y - size, size, font, color });
      y -= size + gap;
    }
  };

  write(input.issuer ?? "CHÍNH PHỦ – VĂN PHÒNG CHÍNH PHỦ", 10, bold);
  write("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập – Tự do – Hạnh phúc", 10, bold);
  y -= 18;
  write(input.title.toUpperCase(), 15, bold, 6, rgb(0.06, 0.18, 0.36));
  y -= 10;
  let round = 0;
  do {
    for (const s of input.sections) {
      y -= 8;
      write(round ? `${s.heading} (phụ lục ${round})` : s.heading, 12, bold);
      write(s.body, 11, regular, 5);
    }
    round++;
  } while (doc.getPageCount() < (input.minPages ?? 1) && round < 50);

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = `${input.title} – Trang ${i + 1}/${pages.length}`;
    p.drawText(footer.length > 90 ? `${footer.slice(0, 87)}…` : footer, { x: MARGIN, y: 28, size: 8, font: regular, color: rgb(0.4, 0.4, 0.45) });
    if (input.mark) p.drawText(input.mark, { x: A4[0] - MARGIN - 40, y: A4[1] - 36, size: 14, font: bold, color: rgb(0.75, 0.1, 0.1) });
  });
  // Classic cross-reference table (no object streams): plainer files that every reader handles.
  return doc.save({ useObjectStreams: false });
}

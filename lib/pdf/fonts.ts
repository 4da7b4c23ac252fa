// A Unicode font for PDFs we generate (Vietnamese diacritics): DejaVu Sans, shipped in public/fonts.
import fs from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

const fontFile = (name: string) => path.join(process.cwd(), "public", "fonts", name);

export async function embedUnicodeFonts(doc: PDFDocument): Promise<{ regular: PDFFont; bold: PDFFont }> {
  doc.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    fs.readFile(fontFile("DejaVuSans.ttf")).then((b) => doc.embedFont(b, { subset: true })),
    fs.readFile(fontFile("DejaVuSans-Bold.ttf")).then((b) => doc.embedFont(b, { subset: true })),
  ]);
  return { regular, bold };
}

/** Greedy word wrap to a width in points. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

// Real bad files for upload tests, made from real PDFs (no mocks): truncated, encrypted, a PNG, empty.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { briefingPdf } from "../../lib/pdf/briefing.ts";

export const goodPdf = (title = "Tờ trình Chính phủ điện tử", minPages = 3) =>
  briefingPdf({ title, minPages, sections: [{ heading: "I. Sự cần thiết", body: "Phát triển Chính phủ điện tử, hạ tầng số và kinh tế số. ".repeat(20) }] });

/**
 * A long paper of plain text ("Page N, line L: …" on every line), saved with object streams (pdf-lib's default, as
 * most PDF writers since PDF 1.5 do): pdf.js finds page 1 without reading every page's dictionary, which a classic
 * cross-reference table scatters through the file. Quick to make, unlike a briefing of as many pages.
 */
export async function longTextPdf(pages = 150): Promise<Uint8Array> {
  const paper = await PDFDocument.create();
  const font = await paper.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = paper.addPage([595.28, 841.89]);
    for (let l = 0; l < 60; l++) page.drawText(`Page ${p}, line ${l}: the draft resolution, item ${p * 100 + l}`, { x: 50, y: 800 - l * 12, size: 10, font });
  }
  return paper.save({ useObjectStreams: true });
}

export async function truncatedPdf(): Promise<Uint8Array> {
  const bytes = await goodPdf();
  return bytes.slice(0, Math.floor(bytes.length / 2));
}

/** A PDF whose trailer carries a Standard security handler /Encrypt dictionary, as real password-protected files do. */
export async function encryptedPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await goodPdf()).toString("latin1");
  const at = text.lastIndexOf("trailer");
  const open = text.indexOf("<<", at) + 2;
  const pad = "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A";
  const encrypt = `\n/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /O <${pad}> /U <${pad}> /P -3904 >>`;
  return new Uint8Array(Buffer.from(text.slice(0, open) + encrypt + text.slice(open), "latin1"));
}

/** A real 1×1 PNG. */
export const png = () =>
  new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));

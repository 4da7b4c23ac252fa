// Real bad files for upload tests, made from real PDFs (no mocks): truncated, encrypted, a PNG, empty.
import { briefingPdf } from "../../lib/pdf/briefing.ts";

export const goodPdf = (title = "Tờ trình Chính phủ điện tử", minPages = 3) =>
  briefingPdf({ title, minPages, sections: [{ heading: "I. Sự cần thiết", body: "Phát triển Chính phủ điện tử, hạ tầng số và kinh tế số. ".repeat(20) }] });

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

// inspectPdf against real files: a briefing PDF, and real bad ones. The encrypted one is genuinely encrypted
// (Standard security handler, RC4, a user password): pdf.js refuses it without the password and opens it with it,
// so the test proves the refusal is about encryption, not about a malformed file.
import crypto from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PDFDocument, PDFHexString, PDFRawStream, StandardFonts } from "pdf-lib";
import { briefingPdf } from "../pdf/briefing.ts";
import { AppError } from "../errors/index.ts";
import { inspectPdf } from "./pdf.ts";

// ---- a real password-protected PDF (PDF 1.7 §7.6.3, algorithms 2, 3 and 4; revision 2, 40-bit key) ----
const PAD = Buffer.from("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A", "hex");
const padded = (password: string) => Buffer.concat([Buffer.from(password, "latin1"), PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => crypto.createHash("md5").update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

async function passwordProtectedPdf(userPassword: string, ownerPassword: string): Promise<Uint8Array> {
  const source = await PDFDocument.create({ updateMetadata: false });
  const font = await source.embedFont(StandardFonts.Helvetica);
  source.addPage([400, 200]).drawText("Tai lieu mat", { x: 40, y: 100, size: 24, font });
  // Reload so every stream is a raw (already compressed) stream that can be encrypted byte for byte.
  const doc = await PDFDocument.load(await source.save({ useObjectStreams: false }), { updateMetadata: false });
  const id = crypto.randomBytes(16);
  const p = -4; // permissions: everything allowed except nothing in particular; only the bytes matter here
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), o, pBytes, id).subarray(0, 5);
  const u = rc4(key, PAD);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const objKey = md5(
      key,
      Buffer.from([ref.objectNumber & 255, (ref.objectNumber >> 8) & 255, (ref.objectNumber >> 16) & 255, ref.generationNumber & 255, (ref.generationNumber >> 8) & 255]),
    ).subarray(0, 10);
    doc.context.assign(ref, PDFRawStream.of(obj.dict, rc4(objKey, obj.contents)));
  }
  doc.context.trailerInfo.Encrypt = doc.context.obj({
    Filter: "Standard", V: 1, R: 2, Length: 40, P: p,
    O: PDFHexString.of(o.toString("hex")), U: PDFHexString.of(u.toString("hex")),
  });
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id.toString("hex")), PDFHexString.of(id.toString("hex"))]);
  return doc.save({ useObjectStreams: false });
}

// ---- a real PNG (signature, IHDR, IDAT, IEND with their CRCs) ----
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function tinyPng(): Uint8Array {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]); // 2×2, 8-bit RGB
  const rows = Buffer.from([0, 200, 30, 30, 30, 30, 200, 0, 30, 200, 30, 250, 250, 250]); // filter byte + 2 pixels, twice
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", zlib.deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const briefing = (minPages: number) =>
  briefingPdf({
    title: "Tờ trình về Chính phủ điện tử",
    minPages,
    sections: [{ heading: "I. Sự cần thiết", body: "Phát triển hạ tầng số, dữ liệu số và kinh tế số; bảo đảm an toàn thông tin mạng. ".repeat(12) }],
  });

async function refusal(bytes: Uint8Array): Promise<AppError> {
  const e = await inspectPdf(bytes).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, "the file should have been refused").toBeInstanceOf(AppError);
  return e as AppError;
}

describe("inspectPdf", () => {
  it("accepts a real briefing PDF: page count and Vietnamese text with diacritics", async () => {
    const bytes = await briefing(3);
    const info = await inspectPdf(bytes);
    expect(info.pageCount).toBe(3);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(3);
    expect(info.text).toContain("Độc lập – Tự do – Hạnh phúc");
    expect(info.text).toContain("Phát triển hạ tầng số, dữ liệu số và kinh tế số");
    expect(info.text).toContain("Trang 3/3");
  });

  it("the encrypted fixture is really encrypted: pdf.js needs the password, and opens it with the password", async () => {
    const bytes = await passwordProtectedPdf("mat-khau", "chu-so-huu");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const without = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
    await expect(without.promise).rejects.toMatchObject({ name: "PasswordException" });
    await without.destroy();
    const withPassword = pdfjs.getDocument({ data: new Uint8Array(bytes), password: "mat-khau", verbosity: 0 });
    const doc = await withPassword.promise;
    expect(doc.numPages).toBe(1);
    const text = await (await doc.getPage(1)).getTextContent();
    expect(text.items.map((i) => ("str" in i ? i.str : "")).join("")).toContain("Tai lieu mat");
    await withPassword.destroy();
    // …and pdf-lib, the first check in inspectPdf, sees the /Encrypt dictionary.
    await expect(PDFDocument.load(bytes)).rejects.toThrow(/is encrypted/);
  });

  it("refuses an encrypted PDF, saying so", async () => {
    const e = await refusal(await passwordProtectedPdf("mat-khau", "chu-so-huu"));
    expect(e.code).toBe("VALIDATION");
    expect(e.text).toBe("reasons.PDF_ENCRYPTED");
    expect(e.fields?.file).toEqual([e.text]);
  });

  it.each([0.5, 0.8])("refuses a PDF cut to %s of its length as damaged", async (fraction) => {
    const bytes = await briefing(3);
    const e = await refusal(bytes.slice(0, Math.floor(bytes.length * fraction)));
    expect(e.text).toBe("reasons.PDF_DAMAGED");
    expect(e.fields?.file).toBeDefined();
  });

  it("refuses a PNG renamed .pdf as not a PDF", async () => {
    const png = tinyPng();
    expect(Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");
    const e = await refusal(png);
    expect(e.text).toBe("reasons.PDF_NOT_PDF");
  });

  it("refuses zero bytes as empty", async () => {
    expect((await refusal(new Uint8Array())).text).toBe("reasons.PDF_EMPTY");
  });

  it("refuses a file that only starts like a PDF", async () => {
    const e = await refusal(new TextEncoder().encode("%PDF-1.7\n" + "không phải nội dung PDF ".repeat(50)));
    expect(e.text).toBe("reasons.PDF_DAMAGED");
  });

  it("refuses a PDF without pages", async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false }); // pdf-lib adds a blank page unless told not to
    const e = await refusal(empty);
    expect(e.text).toBe("reasons.PDF_NO_PAGES");
  });
});

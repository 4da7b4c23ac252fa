// Is this really a PDF that opens? Checked with pdf-lib (structure, encryption) and pdf.js (pages, text).
import { PDFDocument } from "pdf-lib";
import { AppError } from "../errors/index.ts";

export interface PdfInfo {
  pageCount: number;
  text: string;
}

// pdf.js 6 expects Promise.withResolvers (Node >= 22); Node 20 (still supported here) lacks it.
if (!("withResolvers" in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void, reject!: (e: unknown) => void;
      const promise = new Promise<T>((a, b) => ((resolve = a), (reject = b)));
      return { promise, resolve, reject };
    },
  });
}

// pdf.js 6 also packs font data with ArrayBuffer.prototype.transferToFixedLength (Node >= 21): without it a page's
// drawing loses every font (drawn blank). A copy does what pdf.js needs: the buffer it transfers from is dropped.
if (!("transferToFixedLength" in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength) {
      const out = new ArrayBuffer(length);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return out;
    },
  });
}

type Reason = "PDF_EMPTY" | "PDF_NOT_PDF" | "PDF_ENCRYPTED" | "PDF_DAMAGED" | "PDF_NO_PAGES";
/** The message is errors.reasons.<reason>; `details.reason` tells API clients which one, whatever the language. */
const notUsable = (reason: Reason) => new AppError("VALIDATION", `reasons.${reason}`, { file: [`reasons.${reason}`] }, { reason });

export async function inspectPdf(bytes: Uint8Array): Promise<PdfInfo> {
  if (bytes.length === 0) throw notUsable("PDF_EMPTY");
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) throw notUsable("PDF_NOT_PDF");
  try {
    await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    // pdf-lib is compiled to ES5, so its EncryptedPDFError is not `instanceof`-detectable; its message is stable.
    if (/is encrypted/.test((e as Error).message)) throw notUsable("PDF_ENCRYPTED");
    throw notUsable("PDF_DAMAGED");
  }
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0, stopAtErrors: true });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy();
    if ((e as Error).name === "PasswordException") throw notUsable("PDF_ENCRYPTED");
    throw notUsable("PDF_DAMAGED");
  }
  try {
    if (doc.numPages < 1) throw notUsable("PDF_NO_PAGES");
    const parts: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      parts.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
      page.cleanup();
    }
    return { pageCount: doc.numPages, text: parts.join("\n").replace(/[ \t]+/g, " ").trim() };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notUsable("PDF_DAMAGED");
  } finally {
    await task.destroy();
  }
}

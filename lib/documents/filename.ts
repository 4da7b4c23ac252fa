// A paper's file name, as stored and as offered on download. Uploads are checked to be PDFs, so the name always says
// so: a PDF/HTML polyglot uploaded as "x.html" must never be saved by a browser under a name that opens it as a page.

/**
 * Control, format (bidirectional overrides such as U+202E, which make "cod.exe" read "exe.doc"), separator and lone
 * surrogate characters: none belongs in a file name.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
const MAX_NAME = 255;
const EXT = ".pdf";

/** No folder part (old browsers send C:\fakepath\…), nothing invisible, at most 255 characters, ending in `.pdf`. */
export function cleanFileName(name: string): string {
  const base = (name.normalize("NFC").split(/[\\/]/).pop() ?? "").replace(UNSAFE, "").trim();
  const stem = base.toLowerCase().endsWith(EXT) ? base.slice(0, -EXT.length) : base;
  const cut = stem.slice(0, MAX_NAME - EXT.length).trim();
  return `${cut || "document"}${EXT}`;
}

/**
 * `inline` (or `attachment`, a copy to keep) with the cleaned name: an ASCII fallback for old clients, and the exact UTF-8 name (RFC 8187) for the
 * rest. encodeURIComponent leaves ' ( ) * as they are, which RFC 8187 does not allow, so those are escaped too.
 * Names stored before the cleaning rule existed are cleaned here as well.
 */
export function contentDisposition(fileName: string, disposition: "inline" | "attachment" = "inline"): string {
  const name = cleanFileName(fileName);
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

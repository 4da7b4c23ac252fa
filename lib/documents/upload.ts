// Reads a multipart upload: refuses oversized bodies from Content-Length before reading them, counts the bytes of
// bodies sent without one (chunked), then checks the real size of the file.
import { invalid } from "../errors/index.ts";
import { maxUploadBytes, tooLarge } from "./commands.ts";

// Multipart framing and the text fields add a little around the file.
const FRAMING = 64 * 1024;

/** The body, at most `limit` bytes: a client that announces no length cannot make the server buffer without end. */
async function readBounded(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The name as stored and offered on download: no folder part (old browsers send C:\fakepath\…), no control characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255);
  return clean || "document.pdf";
}

export async function readUpload(req: Request): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } }> {
  const limit = maxUploadBytes() + FRAMING;
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) throw tooLarge(); // refused unread
  const body = await readBounded(req, limit);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw invalid("Send the file as multipart/form-data with a `file` field.", { file: ["Missing file"] });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw invalid("Choose a PDF file to upload.", { file: ["Missing file"] });
  if (file.size > maxUploadBytes()) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  const name = cleanFileName("name" in file && typeof file.name === "string" ? file.name : "");
  return { fields, file: { name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

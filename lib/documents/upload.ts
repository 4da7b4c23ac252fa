// Reads a multipart upload: refuses oversized bodies from Content-Length before reading them, counts the bytes of
// bodies sent without one (chunked), then checks the real size of the file.
import { invalid } from "../errors/index.ts";
import { readBounded } from "../http/body.ts";
import { maxUploadBytes, tooLarge } from "./commands.ts";
import { cleanFileName } from "./filename.ts";

// Multipart framing and the text fields add a little around the file.
const FRAMING = 64 * 1024;

export async function readUpload(req: Request): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } }> {
  const body = await readBounded(req, maxUploadBytes() + FRAMING, tooLarge);
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw invalid("documents.notMultipart", { file: ["documents.chooseFile"] });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw invalid("documents.chooseFile", { file: ["documents.chooseFile"] });
  if (file.size > maxUploadBytes()) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  const name = cleanFileName("name" in file && typeof file.name === "string" ? file.name : "");
  return { fields, file: { name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

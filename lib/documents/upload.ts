// Reads a multipart upload: refuses oversized bodies from Content-Length before reading them, then checks the real size.
import { AppError, invalid } from "../errors/index.ts";
import { maxUploadBytes } from "./commands.ts";

const tooLarge = () =>
  new AppError("TOO_LARGE", `The file is larger than the ${Math.round(maxUploadBytes() / 1024 / 1024)} MB limit.`, { file: ["Too large"] });

export async function readUpload(req: Request): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } }> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  // Multipart framing adds a little around the file; anything beyond the limit plus that is refused unread.
  if (declared > maxUploadBytes() + 64 * 1024) throw tooLarge();
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw invalid("Send the file as multipart/form-data with a `file` field.", { file: ["Missing file"] });
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) throw invalid("Choose a PDF file to upload.", { file: ["Missing file"] });
  if (file.size > maxUploadBytes()) throw tooLarge();
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") fields[k] = v;
  const name = "name" in file && typeof file.name === "string" && file.name ? file.name : "document.pdf";
  return { fields, file: { name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}

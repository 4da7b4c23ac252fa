// Uploaded PDFs on disk, named by content hash (identical files are stored once), outside public/.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export const storageDir = () => path.resolve(process.env.STORAGE_DIR || "data/storage");

export const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

export function blobPath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error("invalid hash");
  return path.join(storageDir(), hash.slice(0, 2), `${hash}.pdf`);
}

/** Writes atomically (temp file + rename) so a crash never leaves a half file under a valid name. */
export async function storeBlob(bytes: Uint8Array): Promise<{ hash: string; created: boolean }> {
  const hash = sha256(bytes);
  const file = blobPath(hash);
  try {
    await fs.access(file);
    return { hash, created: false };
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
    return { hash, created: true };
  }
}

export const readBlob = (hash: string) => fs.readFile(blobPath(hash));

export async function removeBlob(hash: string) {
  await fs.rm(blobPath(hash), { force: true });
}

// Uploaded PDFs on disk, named by content hash (identical files are stored once), outside public/.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

// turbopackIgnore: the folder is chosen at run time; it is not part of the build.
export const storageDir = () => path.resolve(/* turbopackIgnore: true */ process.env.STORAGE_DIR || "data/storage");

export const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

export function blobPath(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error("invalid hash");
  return path.join(storageDir(), hash.slice(0, 2), `${hash}.pdf`);
}

/** Stores a paper under its hash, atomically (writeAtomically). */
export async function storeBlob(bytes: Uint8Array): Promise<{ hash: string; created: boolean }> {
  const hash = sha256(bytes);
  const file = blobPath(hash);
  try {
    await fs.access(file);
    return { hash, created: false };
  } catch {
    await writeAtomically(file, bytes);
    return { hash, created: true };
  }
}

export const readBlob = (hash: string) => fs.readFile(blobPath(hash));

/** The picture of a stored paper's first page and its sizes (lib/documents/firstpage.ts), beside the paper. */
export const firstPagePaths = (hash: string) => {
  const base = blobPath(hash).replace(/\.pdf$/, "");
  return { picture: `${base}.page1.webp`, info: `${base}.page1.json` };
};

/** Writes atomically (temp file + rename) so a crash never leaves a half file under a valid name. */
export async function writeAtomically(file: string, bytes: Uint8Array) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
}

/**
 * The file (or the inclusive byte range of it) as a web stream: a 100 MB paper opened on 40 tablets at once must not
 * sit in memory 40 times. null when the file is not there.
 */
export async function openBlob(hash: string, range?: { start: number; end: number }): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(blobPath(hash), "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  const { size } = await handle.stat();
  // The node stream closes the handle when it ends or when the client goes away (the web stream is cancelled).
  return { stream: Readable.toWeb(handle.createReadStream(range ?? {})) as ReadableStream<Uint8Array>, size };
}

// Blob names are shared by every version with the same content, so "is anyone still using this file?" followed by
// a removal must not interleave with an upload of the same bytes (it would find the file, then lose it). One process
// serves the app (server.ts), so an in-process queue per hash is enough.
const blobLocks = new Map<string, Promise<unknown>>();

export async function withBlobLock<T>(hash: string, work: () => Promise<T>): Promise<T> {
  const previous = blobLocks.get(hash) ?? Promise.resolve();
  const run = previous.catch(() => {}).then(work);
  const settled = run.catch(() => {});
  blobLocks.set(hash, settled);
  try {
    return await run;
  } finally {
    if (blobLocks.get(hash) === settled) blobLocks.delete(hash);
  }
}

export async function removeBlob(hash: string) {
  await fs.rm(blobPath(hash), { force: true });
  const firstPage = firstPagePaths(hash);
  await fs.rm(firstPage.info, { force: true });
  await fs.rm(firstPage.picture, { force: true });
}

// pdf.js's worker and the data files it loads (CMaps, standard fonts, WASM decoders), served by this app from the
// installed pdfjs-dist: no CDN, so a tablet on a closed government network reads papers. The version is in the path,
// so an upgrade never mixes a new viewer with a cached old worker, and a versioned file may be cached for good.
import fs from "node:fs/promises";
import path from "node:path";

const ROOT = path.join(process.cwd(), "node_modules", "pdfjs-dist");
/** What may be served: the worker, and the folders of data pdf.js asks for by URL. */
const FOLDERS = new Set(["cmaps", "standard_fonts", "wasm"]);
const WORKER = "pdf.worker.min.mjs";
const TYPES: Record<string, string> = { ".mjs": "text/javascript", ".bcmap": "application/octet-stream", ".pfb": "application/octet-stream", ".ttf": "font/ttf", ".wasm": "application/wasm" };

/** The installed version (read once; the viewer in the browser asks for its own version's files). */
let installed: Promise<string> | undefined;
const installedVersion = () => (installed ??= fs.readFile(path.join(ROOT, "package.json"), "utf8").then((s) => JSON.parse(s).version as string));

function fileOf(asset: string[], version: string): string | null {
  if (asset.length !== 3 || asset[0] !== version) return null;
  const [, folder, name] = asset;
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  if (folder === "build" ? name !== WORKER : !FOLDERS.has(folder)) return null;
  return path.join(ROOT, folder, name);
}

export async function GET(_req: Request, { params }: { params: Promise<{ asset: string[] }> }) {
  const file = fileOf((await params).asset, await installedVersion());
  const type = file && TYPES[path.extname(file)];
  if (!file || !type) return new Response(null, { status: 404 });
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}

// pdf.js's library, viewer components and worker and the data files it loads (CMaps, standard fonts, WASM decoders),
// served by this app from the installed pdfjs-dist (the reader loads them as modules, components/reader/boot.ts): no
// CDN, so a tablet on a closed government network reads papers. The version is in the path, so an upgrade never mixes
// a new viewer with a cached old worker, and a versioned file may be cached for good.
import fs from "node:fs/promises";
import path from "node:path";
import { PDFJS_ROOT as ROOT, pdfjsVersion } from "@/lib/documents/pdfjs-version";

/** What may be served: the library, the viewer, the worker, and the folders of data pdf.js asks for by URL. */
const FOLDERS = new Set(["cmaps", "standard_fonts", "wasm"]);
const MODULES: Record<string, Set<string>> = { build: new Set(["pdf.min.mjs", "pdf.worker.min.mjs"]), web: new Set(["pdf_viewer.mjs"]) };
const TYPES: Record<string, string> = { ".mjs": "text/javascript", ".bcmap": "application/octet-stream", ".pfb": "application/octet-stream", ".ttf": "font/ttf", ".wasm": "application/wasm" };

function fileOf(asset: string[], version: string): string | null {
  if (asset.length !== 3 || asset[0] !== version) return null;
  const [, folder, name] = asset;
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  if (MODULES[folder] ? !MODULES[folder].has(name) : !FOLDERS.has(folder)) return null;
  return path.join(ROOT, folder, name);
}

export async function GET(_req: Request, { params }: { params: Promise<{ asset: string[] }> }) {
  const file = fileOf((await params).asset, pdfjsVersion());
  const type = file && TYPES[path.extname(file)];
  if (!file || !type) return new Response(null, { status: 404 });
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}

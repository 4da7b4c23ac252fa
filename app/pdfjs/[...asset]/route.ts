// pdf.js's library, viewer components and worker and the data files it loads (CMaps, standard fonts, WASM decoders),
// served by this app from the installed pdfjs-dist (the reader loads them as modules, components/reader/boot.ts): no
// CDN, so a tablet on a closed government network reads papers. The version is in the path, so an upgrade never mixes
// a new viewer with a cached old worker, and a versioned file may be cached for good.
import fs from "node:fs/promises";
import path from "node:path";
import { PDFJS_ROOT as ROOT, pdfjsVersion } from "@/lib/documents/pdfjs-version";
import { PDFJS_L10N_FILES, pdfjsFluent, pdfjsLocaleIndex } from "@/lib/i18n/pdfjs";

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

/**
 * pdf.js's labels in our languages (lib/i18n/pdfjs.ts): l10n/locale.json, the index GenericL10n reads, and one Fluent
 * file per language. Made from the message files, which may change with a new release of the app under the same
 * pdf.js version: kept for an hour, not for good.
 */
function l10nAnswer(asset: string[], version: string): Response | null {
  if (asset.length !== 3 || asset[0] !== version || asset[1] !== "l10n") return null;
  const headers = { "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" };
  if (asset[2] === "locale.json") return Response.json(pdfjsLocaleIndex(), { headers });
  const locale = PDFJS_L10N_FILES[asset[2]];
  if (!locale) return new Response(null, { status: 404 });
  return new Response(pdfjsFluent(locale), { headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(_req: Request, { params }: { params: Promise<{ asset: string[] }> }) {
  const { asset } = await params;
  const l10n = l10nAnswer(asset, pdfjsVersion());
  if (l10n) return l10n;
  const file = fileOf(asset, pdfjsVersion());
  const type = file && TYPES[path.extname(file)];
  if (!file || !type) return new Response(null, { status: 404 });
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}

// pdf.js's library, viewer components and worker and the data files it loads (CMaps, standard fonts, WASM decoders),
// served by this app from the installed pdfjs-dist (the reader loads them as modules, components/reader/boot.ts): no
// CDN, so a tablet on a closed government network reads papers. The version is in the path, so an upgrade never mixes
// a new viewer with a cached old worker, and a versioned file may be cached for good. In production server.ts answers
// these files itself, compressed once (lib/http/static.ts); this route answers in development and the l10n files.
import fs from "node:fs/promises";
import path from "node:path";
import { pdfjsVersion } from "@/lib/documents/pdfjs-version";
import { PDFJS_TYPES, pdfjsFileOf } from "@/lib/documents/pdfjs-files";
import { PDFJS_L10N_FILES, pdfjsFluent, pdfjsLocaleIndex } from "@/lib/i18n/pdfjs";

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
  const file = pdfjsFileOf(asset, pdfjsVersion());
  const type = file && PDFJS_TYPES[path.extname(file)];
  if (!file || !type) return new Response(null, { status: 404 });
  const bytes = await fs.readFile(file).catch(() => null);
  if (!bytes) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}

// Which of the installed pdfjs-dist's files the app serves under /pdfjs/<version>/ (app/pdfjs, and server.ts through
// lib/http/static.ts): the library, the viewer, the worker, and the folders of data pdf.js asks for by URL. One list
// for both, so the two ways in never serve different files.
import path from "node:path";
import type { StaticSource } from "../http/static.ts";
import { PDFJS_ROOT, pdfjsVersion } from "./pdfjs-version.ts";

const FOLDERS = new Set(["cmaps", "standard_fonts", "wasm"]);
const MODULES: Record<string, Set<string>> = { build: new Set(["pdf.min.mjs", "pdf.worker.min.mjs"]), web: new Set(["pdf_viewer.mjs"]) };
export const PDFJS_TYPES: Record<string, string> = { ".mjs": "text/javascript", ".bcmap": "application/octet-stream", ".pfb": "application/octet-stream", ".ttf": "font/ttf", ".wasm": "application/wasm" };

/** The file on disk for `/pdfjs/{asset…}` (asset: version, folder, name), or null when it is not one the app serves. */
export function pdfjsFileOf(asset: string[], version: string): string | null {
  if (asset.length !== 3 || asset[0] !== version) return null;
  const [, folder, name] = asset;
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  const allowed = Object.hasOwn(MODULES, folder) ? MODULES[folder].has(name) : FOLDERS.has(folder);
  if (!allowed) return null;
  if (!PDFJS_TYPES[path.extname(name)]) return null;
  return path.join(PDFJS_ROOT, folder, name);
}

/** The same files for server.ts's static answers (lib/http/static.ts): /pdfjs/<version>/<folder>/<name>. */
export const pdfjsStaticSource: StaticSource = { prefix: "/pdfjs/", file: (segments) => pdfjsFileOf(segments, pdfjsVersion()) };

// The installed pdfjs-dist's version: the served worker and modules (app/pdfjs) live under it, so an upgrade never
// mixes a new viewer with a cached old worker. Read once from its package.json (server only).
import fs from "node:fs";
import path from "node:path";

export const PDFJS_ROOT = path.join(process.cwd(), "node_modules", "pdfjs-dist");

let version: string | undefined;
export function pdfjsVersion(): string {
  return (version ??= JSON.parse(fs.readFileSync(path.join(PDFJS_ROOT, "package.json"), "utf8")).version as string);
}

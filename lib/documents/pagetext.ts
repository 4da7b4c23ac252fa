// The words of a stored paper version, page by page, with where each run of text stands (PDF units): what carries a
// note over to a new version (lib/annotations/anchoring.ts) and tells which pages changed between two versions.
// Extracted with pdf.js, as the reader's text layer is, so a note's quote (taken from that text layer) is found again.
import { notFound } from "../errors/index.ts";
import "./pdf.ts"; // Promise.withResolvers for pdf.js on Node 20
import { readBlob } from "./storage.ts";

export interface TextRun {
  str: string;
  /** Bottom-left corner and size, in the page's PDF units (y grows upwards). */
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PageText {
  /** The page box [x0, y0, x1, y1]. */
  view: [number, number, number, number];
  runs: TextRun[];
}

/** A page's text as the reader's anchors see it: runs joined by one space, white space collapsed. */
export const pageString = (p: PageText) => p.runs.map((r) => r.str).join(" ").replace(/\s+/g, " ").trim();

export async function extractPageText(bytes: Uint8Array): Promise<PageText[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages: PageText[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const it of content.items) {
        if (!("str" in it) || !it.transform) continue;
        runs.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width ?? 0, h: it.height ?? 0 });
      }
      pages.push({ view: page.view as [number, number, number, number], runs });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

// Papers are immutable by content hash, so their text is too: the last few are kept, a second reader (or a second
// look) of the same version costs nothing. Only a cache: the file on disk stays the source.
const CACHE_SIZE = 6;
const cache = new Map<string, Promise<PageText[]>>();

/** The page text of the stored file `fileHash` (404 when the file is gone from the disk). */
export function storedPageText(fileHash: string): Promise<PageText[]> {
  const hit = cache.get(fileHash);
  if (hit) {
    cache.delete(fileHash);
    cache.set(fileHash, hit);
    return hit;
  }
  const work = readBlob(fileHash).then(
    (bytes) => extractPageText(bytes),
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") throw notFound();
      throw e;
    },
  );
  cache.set(fileHash, work);
  work.catch(() => cache.delete(fileHash));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return work;
}

/**
 * Pages of the newer version whose text is not in the older one: a page is unchanged when the older version has the
 * same page text at the same number or anywhere else (a page inserted in front does not mark every page after it).
 */
export function changedPages(older: PageText[], newer: PageText[]): number[] {
  const before = older.map(pageString);
  const anywhere = new Set(before);
  const out: number[] = [];
  newer.forEach((p, i) => {
    const s = pageString(p);
    if (before[i] !== s && !anywhere.has(s)) out.push(i + 1);
  });
  return out;
}

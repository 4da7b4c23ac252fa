// Carrying a note over to a new version of its paper, by the words it marks: the note's quote (with a little text
// before and after it) is looked for in the old version, where it was written, and in the new one; the note moves
// with its words (to another place, or another page). A note on no words (a margin stroke, a note beside the text)
// moves only when its page's text is unchanged. Pure: the page text comes from lib/documents/pagetext.ts.
import { pageString, type PageText, type TextRun } from "../documents/pagetext.ts";
import type { Anchor } from "./schema.ts";

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
type Box = [number, number, number, number];

interface Found {
  page: number;
  runs: TextRun[];
  score: number;
}

/** Every place on a page where `quote` stands, with the runs it covers and how well its context agrees. */
function occurrences(page: PageText, pageNumber: number, anchor: Anchor): Found[] {
  const quote = norm(anchor.quote);
  if (!quote) return [];
  let text = "";
  const spans: { start: number; end: number; run: TextRun }[] = [];
  for (const run of page.runs) {
    const t = norm(run.str);
    if (!t) continue;
    if (text) text += " ";
    spans.push({ start: text.length, end: text.length + t.length, run });
    text += t;
  }
  const prefix = norm(anchor.prefix);
  const suffix = norm(anchor.suffix);
  const out: Found[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    const runs = spans.filter((s) => s.end > at && s.start < end).map((s) => s.run);
    let score = 0;
    if (prefix && text.slice(0, at).trimEnd().endsWith(prefix)) score += 2;
    if (suffix && text.slice(end).trimStart().startsWith(suffix)) score += 2;
    out.push({ page: pageNumber, runs, score });
  }
  return out;
}

const boxOf = (runs: TextRun[]): Box => [
  Math.min(...runs.map((r) => r.x)), Math.min(...runs.map((r) => r.y)),
  Math.max(...runs.map((r) => r.x + r.w)), Math.max(...runs.map((r) => r.y + r.h)),
];
const centre = (b: Box) => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

/**
 * The best place for an anchor: context agreeing first, then the page it was on, then the nearest to where it was.
 * `samePageOnly` looks only on that page (finding a note's words in the version it was written on).
 */
export function locate(pages: PageText[], anchor: Anchor, hint: { page: number; near?: Box }, samePageOnly = false): Found | null {
  const candidates = samePageOnly
    ? occurrences(pages[hint.page - 1] ?? { view: [0, 0, 1, 1], runs: [] }, hint.page, anchor)
    : pages.flatMap((p, i) => occurrences(p, i + 1, anchor));
  let best: Found | null = null;
  let bestRank = -Infinity;
  for (const c of candidates) {
    const far = hint.near ? Math.hypot(...centre(boxOf(c.runs)).map((v, i) => v - centre(hint.near!)[i])) / 10_000 : 0;
    const rank = c.score * 10 - Math.abs(c.page - hint.page) - far;
    if (rank > bestRank) [best, bestRank] = [c, rank];
  }
  return best;
}

/** Moves every x,y pair of pdf.js's serialized geometry (rect, quad points, outlines, ink paths) by dx, dy. */
function shiftPairs(value: unknown, dx: number, dy: number): unknown {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v === "number")) return value.map((v, i) => (typeof v === "number" ? Math.round((v + (i % 2 ? dy : dx)) * 1000) / 1000 : v));
    return value.map((v) => shiftPairs(v, dx, dy));
  }
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftPairs(v, dx, dy)]));
  return value;
}
const GEOMETRY_KEYS = ["rect", "quadPoints", "outlines", "paths", "boxes"];

export function moveEditor(editor: Record<string, unknown>, pageIndex: number, dx: number, dy: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...editor, pageIndex };
  for (const k of GEOMETRY_KEYS) if (k in out) out[k] = shiftPairs(out[k], dx, dy);
  return out;
}

/** A rect [x1, y1, x2, y2] in PDF units as a page-relative box (left, top, right, bottom; 0..1), as the reader stores it. */
export function relativeBounds(view: Box, [rx1, ry1, rx2, ry2]: number[]): [number, number, number, number] {
  const [x0, y0, x1, y1] = view;
  const [w, h] = [x1 - x0, y1 - y0];
  const clamp = (n: number) => Math.min(1, Math.max(0, n));
  return [clamp((rx1 - x0) / w), clamp(1 - (ry2 - y0) / h), clamp((rx2 - x0) / w), clamp(1 - (ry1 - y0) / h)];
}

export interface CarriedNote {
  page: number;
  editor: Record<string, unknown>;
  bounds: [number, number, number, number];
}
export interface NoteToCarry {
  page: number;
  editor: Record<string, unknown>;
  anchor: Anchor | null;
}

/** Where a note written on `older` goes in `newer`, or null when its words (or its unchanged page) are not there. */
export function carryNote(older: PageText[], newer: PageText[], note: NoteToCarry): CarriedNote | null {
  const rect = Array.isArray(note.editor.rect) && note.editor.rect.length === 4 ? (note.editor.rect as number[]) : null;
  if (!rect || rect.some((n) => typeof n !== "number")) return null;
  let target: { page: number; dx: number; dy: number };
  if (note.anchor && norm(note.anchor.quote)) {
    const was = locate(older, note.anchor, { page: note.page, near: rect as Box }, true);
    const now = locate(newer, note.anchor, { page: note.page, near: rect as Box });
    if (!now) return null;
    // Moved by as much as its words moved (from where they stood in the old version; the box if they are not found there).
    const from = was ? [was.runs[0].x, was.runs[0].y] : [rect[0], rect[1]];
    target = { page: now.page, dx: now.runs[0].x - from[0], dy: now.runs[0].y - from[1] };
  } else {
    const before = older[note.page - 1];
    const after = newer[note.page - 1];
    if (!before || !after || pageString(before) !== pageString(after)) return null;
    target = { page: note.page, dx: 0, dy: 0 };
  }
  const editor = moveEditor(note.editor, target.page - 1, target.dx, target.dy);
  const view = newer[target.page - 1].view;
  const moved = editor.rect as number[];
  // Pushed off the page (a smaller page size): not placed rather than placed where no one sees it.
  if (moved[2] < view[0] || moved[0] > view[2] || moved[3] < view[1] || moved[1] > view[3]) return null;
  return { page: target.page, editor, bounds: relativeBounds(view, moved) };
}

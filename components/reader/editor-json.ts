// Between pdf.js's serialized editors (internal format of the pinned pdfjs-dist, package.json) and our stored JSON.
// Pure: annotations.ts hands pdf.js what comes out of here, the unit test checks both ways.
import type { AnnotationJson } from "@/lib/annotations/schema";

/** pdf.js's editor types (AnnotationEditorType) and ours. */
export const EDITOR_MODES = { NONE: 0, NOTE: 3, HIGHLIGHT: 9, INK: 15 } as const;
export type EditorTool = keyof typeof EDITOR_MODES;
export const KIND_OF: Record<number, AnnotationJson["kind"]> = { [EDITOR_MODES.NOTE]: "NOTE", [EDITOR_MODES.HIGHLIGHT]: "HIGHLIGHT", [EDITOR_MODES.INK]: "INK" };

/**
 * JSON for our API: typed arrays (pdf.js keeps points in Float32Arrays) become plain arrays, to a thousandth of a
 * PDF unit. A NaN (pdf.js starts each ink line with four) becomes null in JSON, which pdf.js's ink deserialize reads
 * back as NaN.
 */
export function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (n) => Math.round(n * 1000) / 1000);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
  return value;
}

const ROTATIONS = new Set([0, 90, 180, 270]);

/**
 * What pdf.js's AnnotationEditorLayer.deserialize takes to put one of our stored notes back as an editor, or null
 * when the stored drawing is not one it can (another kind than the row says, no box, an odd rotation): that note is
 * then drawn from our JSON instead. `isCopy` makes a free-text editor take its words and be movable at once (as a
 * pasted one is; without it pdf.js opens an empty box to type in); annotations.ts keeps it in place.
 */
export function restoreInput(note: Pick<AnnotationJson, "kind" | "page" | "editor">): Record<string, unknown> | null {
  const e = note.editor;
  if (KIND_OF[e.annotationType as number] !== note.kind) return null;
  if (!Array.isArray(e.rect) || e.rect.length !== 4 || !e.rect.every((n) => typeof n === "number")) return null;
  if (!ROTATIONS.has((e.rotation as number) ?? 0)) return null;
  const shape =
    note.kind === "NOTE" ? typeof e.value === "string" && e.value.trim() !== "" && Array.isArray(e.color)
    : note.kind === "INK" ? Array.isArray((e.paths as { points?: unknown } | undefined)?.points)
    : Array.isArray(e.quadPoints) || Array.isArray((e.outlines as { points?: unknown } | undefined)?.points);
  if (!shape) return null;
  return { ...e, rotation: e.rotation ?? 0, pageIndex: note.page - 1, isCopy: true };
}

/** The serialized editor as we store and compare it. */
export const storedForm = (serialized: unknown) => JSON.stringify(plain(serialized));

// Annotations: our own versioned JSON per user and paper version. The drawing itself is pdf.js's serialized editor
// (in the page's own PDF units, so it sits right at every zoom and screen size), beside a page-relative box (0..1)
// and the text it marks (to carry it over to a new version by its words, not only its place).
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { dateTimeJson } from "../http/fields.ts";

/** The format of the stored `geometry` JSON; a reader of an older format converts it. */
export const ANNOTATION_FORMAT = 1;
export const annotationKind = z.enum(["HIGHLIGHT", "INK", "NOTE"]);
export const annotationVisibility = z.enum(["PRIVATE", "MEETING"]);
/** Largest serialized drawing (an ink page full of strokes is ~20 KB). */
export const MAX_EDITOR_BYTES = 100_000;

/** Made by the tablet, before the server knows of the note: retries and a second device's echo name the same one. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const unit = z.number().min(0).max(1);

export const anchorSchema = z.object({
  /** The marked words, and a little of what stands before and after them (to find them again in a new version). */
  quote: z.string().max(2000),
  prefix: z.string().max(200).default(""),
  suffix: z.string().max(200).default(""),
});
export type Anchor = z.infer<typeof anchorSchema>;

export const annotationInputSchema = z.object({
  /** The paper version it was written on. */
  version: z.number().int().positive(),
  page: z.number().int().positive(),
  kind: annotationKind,
  /** Left, top, right, bottom as fractions of the page. */
  bounds: z.tuple([unit, unit, unit, unit]).refine(([l, t, r, b]) => l <= r && t <= b, msg("field.invalid")),
  /** pdf.js's serialized editor (an internal format of the pinned pdfjs-dist version; see components/reader/annotations.ts). */
  editor: z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= MAX_EDITOR_BYTES, msg("field.invalid")),
  /** A note's words, or the highlighted text. */
  text: z.string().max(10_000).default(""),
  anchor: anchorSchema.nullable().default(null),
  visibility: annotationVisibility.default("PRIVATE"),
});
export type AnnotationInput = z.infer<typeof annotationInputSchema>;

/** What is stored in Annotation.geometry. */
export interface StoredGeometry {
  v: typeof ANNOTATION_FORMAT;
  bounds: [number, number, number, number];
  editor: Record<string, unknown>;
  anchor: Anchor | null;
  /** Carried over from this annotation on an earlier version. */
  carriedFrom?: string;
}

export const annotationJson = z.object({
  id: z.string(),
  clientId: z.string(),
  documentId: z.string(),
  version: z.number().int(),
  page: z.number().int(),
  kind: annotationKind,
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  editor: z.record(z.string(), z.unknown()),
  text: z.string(),
  anchor: anchorSchema.nullable(),
  visibility: annotationVisibility,
  author: z.object({ id: z.string(), name: z.string() }),
  updatedAt: dateTimeJson,
});
export type AnnotationJson = z.infer<typeof annotationJson>;

export const annotationListQuery = z.object({ version: z.coerce.number().int().positive() });
export const annotationListJson = z.object({ annotations: z.array(annotationJson) });
export const annotationSavedJson = z.object({ annotation: annotationJson });
export const annotationDeletedJson = z.object({ clientId: z.string(), deleted: z.literal(true) });

/** "My notes": one's own notes across a meeting's papers. */
export const myNotesJson = z.object({
  notes: z.array(z.object({
    clientId: z.string(), documentId: z.string(), documentTitle: z.string(), version: z.number().int(), latestVersion: z.number().int(),
    page: z.number().int(), kind: annotationKind, text: z.string(), visibility: annotationVisibility, updatedAt: dateTimeJson,
  })),
});

// Live events. To the author's own devices: which note changed (ids only: the note itself is fetched, never
// carried, so a private note never travels in an event) and its updatedAt, by which the device that saved it knows
// its own echo. To the paper's readers: a shared note as they may see it.
export const annotationChangedEvent = z.object({
  documentId: z.string(), version: z.number().int(), clientId: z.string(), deleted: z.boolean(), updatedAt: dateTimeJson.optional(),
});
export const annotationSharedEvent = z.object({ annotation: annotationJson });
export const annotationRemovedEvent = z.object({ documentId: z.string(), version: z.number().int(), authorId: z.string(), clientId: z.string() });

/** Carrying one's notes over to a newer version of a paper (from the latest earlier version one wrote on). */
export const carryInputSchema = z.object({ version: z.number().int().positive() });
export const unplacedNoteJson = z.object({
  clientId: z.string(), version: z.number().int(), page: z.number().int(), kind: annotationKind, text: z.string(),
});
export const carriedJson = z.object({
  /** The version the notes came from; null when one has no notes on an earlier version. */
  from: z.number().int().nullable(),
  /** Notes carried over by this request (those carried earlier are already on the version). */
  carried: z.array(annotationJson),
  /** Notes whose words (or unchanged page) are not in this version: they stay, on the version they were written on. */
  unplaced: z.array(unplacedNoteJson),
});
export type CarriedJson = z.infer<typeof carriedJson>;

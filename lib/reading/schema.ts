// Reading a paper: what a reader's device reports (pages seen, where they are), and the read receipts the
// secretariat and the chair see. Pages are 1-based, as people number them.
import { z } from "zod";
import { dateTimeJson } from "../http/fields.ts";

/** Pages one report may name: a device batches what was seen since its last report (never a write per page turn). */
export const MAX_PAGES_PER_REPORT = 2000;

export const readingReportSchema = z.object({
  /** The version number of the paper being read (the receipt is per version: a legal record of what was read). */
  version: z.number().int().positive(),
  /** Pages newly seen since the last report (may repeat earlier ones: the server keeps the union). */
  pages: z.array(z.number().int().positive()).max(MAX_PAGES_PER_REPORT),
  /** The page the reader is on: their next open, on any device, starts here. */
  lastPage: z.number().int().positive(),
});
export type ReadingReport = z.infer<typeof readingReportSchema>;

export const receiptJson = z.object({
  /** Who read. */
  userId: z.string(),
  /** When a deputy read in a member's place: that member (whose seat the reading counts for). */
  onBehalfOf: z.string().nullable(),
  documentId: z.string(),
  version: z.number().int(),
  pageCount: z.number().int(),
  /** How many distinct pages were seen. */
  pagesSeen: z.number().int(),
  lastPage: z.number().int(),
  firstOpenedAt: dateTimeJson,
  lastOpenedAt: dateTimeJson,
});
export type ReceiptJson = z.infer<typeof receiptJson>;

export const readingRecordedJson = z.object({ receipt: receiptJson });

export const readingProgressJson = z.object({
  /** Who asked, and whether they take part (then their own receipts are among those below). */
  viewer: z.object({
    userId: z.string(), participant: z.boolean(), everyone: z.boolean(),
    /** Their own reading is recorded: a participant, or the deputy a member named (reading in the member's place). */
    records: z.boolean(),
  }),
  /** Papers of the meeting the viewer may see, each with its latest version. */
  papers: z.array(z.object({ id: z.string(), title: z.string(), version: z.number().int(), pageCount: z.number().int() })),
  /** Whose reading is shown: everyone taking part (secretariat, chair, secretary), otherwise only the viewer. */
  readers: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })),
  /** The receipts of those readers on those papers, every version; with a deputy's, read on a reader's behalf. */
  receipts: z.array(receiptJson),
  /** The deputies whose reading is among the receipts (they take no part themselves): names to show. */
  deputies: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type ReadingProgress = z.infer<typeof readingProgressJson>;

/** Pages as stored: distinct, ascending, within the paper. */
export function mergePages(seen: readonly number[], more: readonly number[], pageCount: number): number[] {
  const all = new Set<number>();
  for (const p of [...seen, ...more]) if (Number.isInteger(p) && p >= 1 && p <= pageCount) all.add(p);
  return [...all].sort((a, b) => a - b);
}

/** A stored pagesSeen value (JSON) as page numbers; anything else counts as nothing seen. */
export function storedPages(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((p): p is number => Number.isInteger(p)) : [];
}

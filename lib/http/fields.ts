// Field schemas every domain's API shares, defined once: a date-time, an id, the baseVersion of a write.
import { z } from "zod";
import { msg } from "../errors/index.ts";

const EARLIEST = Date.parse("0000-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * An ISO 8601 instant with its offset ("2026-11-26T08:00:00+07:00"), years 0000–9999: what JavaScript, SQLite and
 * every client agree on. Expanded years ("+010000-…") and date-only strings are refused with a 422.
 */
export const dateTime = z
  .iso.datetime({ offset: true, error: msg("field.dateTime") })
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST, msg("field.dateTime"));

/** The same instant as the API sends it back (JSON): an ISO string. */
export const dateTimeJson = z.iso.datetime({ offset: true });

/** A database id in a body (path ids are checked by the route wrapper). */
export const id = z.string().min(1).max(100);

export const baseVersion = z
  .number()
  .int()
  .positive()
  .optional()
  .describe("The meeting version this change is based on; a stale one gets 409 with the fresh state.");

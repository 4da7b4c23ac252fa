"use client";
// The meeting version is one counter for the whole meeting, so a 409 may come from an unrelated change (an RSVP,
// another item). A form knows what it started from: only when someone changed what this form edits is it a real
// conflict to show; otherwise the save is simply repeated on the fresh version.
import { conflictSnapshot } from "./useAction";
import type { MeetingSnapshot } from "@/lib/meetings/view";

export function changedKeys<T extends object>(original: T, theirs: T): (keyof T)[] {
  return (Object.keys(original) as (keyof T)[]).filter((k) => JSON.stringify(original[k]) !== JSON.stringify(theirs[k]));
}

/**
 * Runs `attempt(baseVersion)`; on a 409 whose fresh state leaves this form's subject as it was (`pick` gives the
 * subject's values, or null when it is gone), attempts once more on the fresh version. A real conflict is rethrown.
 */
export async function saveUnlessConflict<R, T extends object>(
  attempt: (baseVersion: number | undefined) => Promise<R>,
  baseVersion: number | undefined,
  original: T,
  pick: (fresh: MeetingSnapshot) => T | null,
): Promise<R> {
  try {
    return await attempt(baseVersion);
  } catch (e) {
    const fresh = conflictSnapshot(e);
    const theirs = fresh && pick(fresh);
    if (!fresh || !theirs || changedKeys(original, theirs).length > 0) throw e;
    return attempt(fresh.meeting.version);
  }
}

// Timers of the running meeting, computed from stored timestamps only (never from an in-process clock): a tablet,
// the room display and a server restarted mid-meeting all get the same numbers from the same rows. Pure.
import type { LiveRow, LiveState, SpeakerRow } from "./schema.ts";

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

export function liveState(row: { startedAt: string | null; pausedAt: string | null; closedAt: string | null }): LiveState {
  if (row.closedAt) return "CLOSED";
  if (!row.startedAt) return "NOT_STARTED";
  return row.pausedAt ? "PAUSED" : "RUNNING";
}

/** Time the meeting has run (pauses excluded), at `now`. */
export function meetingElapsedMs(live: LiveRow, now: number): number {
  const start = ms(live.startedAt);
  if (start === null) return 0;
  // Closing ends a pause (folded into pausedMs), so a closed meeting has no pausedAt.
  const end = ms(live.closedAt) ?? ms(live.pausedAt) ?? now;
  return Math.max(0, end - start - live.pausedMs);
}

/** Time spent on an item so far (all its stretches), at `now`. */
export function itemElapsedMs(live: LiveRow, itemId: string, now: number): number {
  const before = live.itemSpentMs[itemId] ?? 0;
  const since = ms(live.itemRunningSince);
  if (live.currentItemId !== itemId || since === null) return before;
  return before + Math.max(0, now - since);
}

/** Over the planned minutes by this much (ms; 0 when within the plan or no plan). */
export function overrunMs(elapsed: number, plannedMinutes: number): number {
  return plannedMinutes > 0 ? Math.max(0, elapsed - plannedMinutes * 60_000) : 0;
}

/** How long this speech has lasted (or lasted), at `now`. */
export function speechMs(s: Pick<SpeakerRow, "startedAt" | "endedAt">, now: number): number {
  const start = ms(s.startedAt);
  if (start === null) return 0;
  return Math.max(0, (ms(s.endedAt) ?? now) - start);
}

/** Total speaking time per person over the meeting (ms), at `now`. */
export function speakingTotals(speakers: readonly SpeakerRow[], now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of speakers) if (s.startedAt) out.set(s.user.id, (out.get(s.user.id) ?? 0) + speechMs(s, now));
  return out;
}

/**
 * The state after a pause: the current item's running stretch is folded into its spent time. Used by the server's
 * commands (lib/live/commands.ts); kept here so the arithmetic is tested once.
 */
export function foldItemTime(spent: Record<string, number>, currentItemId: string | null, runningSince: Date | null, now: Date): Record<string, number> {
  if (!currentItemId || !runningSince) return spent;
  return { ...spent, [currentItemId]: (spent[currentItemId] ?? 0) + Math.max(0, now.getTime() - runningSince.getTime()) };
}

/** "mm:ss" or "h:mm:ss" for a duration. */
export function clockText(durationMs: number): string {
  const total = Math.floor(Math.max(0, durationMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * How far this device's clock is from the server's (ms to add to Date.now()), from one request: the server's `Date`
 * header (whole seconds) against the middle of the round trip. Timers are drawn from the server's timestamps, so a
 * tablet whose clock is minutes off would show minutes-wrong timers; within 2 s (the header's own precision and the
 * round trip) it is left alone.
 */
export function clockOffset(serverDate: string | null, sentAt: number, receivedAt: number): number {
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  if (!Number.isFinite(server)) return 0;
  // The header is truncated to the second: its true value lies in [server, server + 1000).
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < 2000 ? 0 : Math.round(offset);
}

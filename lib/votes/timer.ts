// Countdowns that close a vote by themselves. Nothing lives only here: the closing time is stored on the vote, and
// on start the server re-arms every open vote's timer from the database (a restart mid-vote keeps its deadline).
import { db } from "../db/index.ts";

const g = globalThis as unknown as { __opencabinetVoteTimers?: Map<string, ReturnType<typeof setTimeout>>; __opencabinetVoteCloser?: (voteId: string) => Promise<boolean> };
const timers = (g.__opencabinetVoteTimers ??= new Map());

/** commands.ts registers the closer (a function, so this module needs no import of it: no cycle). */
export function setVoteCloser(fn: (voteId: string) => Promise<boolean>) {
  g.__opencabinetVoteCloser = fn;
}

export function armVoteTimer(voteId: string, closesAt: Date) {
  disarmVoteTimer(voteId);
  // setTimeout holds at most ~24.8 days; votes are far shorter, and a longer wait simply re-arms.
  const delay = Math.min(Math.max(0, closesAt.getTime() - Date.now()), 2 ** 31 - 1);
  const t = setTimeout(async () => {
    timers.delete(voteId);
    try {
      await g.__opencabinetVoteCloser?.(voteId);
    } catch (e) {
      console.error("vote timer", voteId, e instanceof Error ? e.message : e);
    }
  }, delay);
  t.unref?.();
  timers.set(voteId, t);
}

export function disarmVoteTimer(voteId: string) {
  const t = timers.get(voteId);
  if (t) clearTimeout(t);
  timers.delete(voteId);
}

/** On server start: every open vote with a countdown gets its timer back (overdue ones close at once). */
export async function armAllVoteTimers(): Promise<number> {
  const open = await db.vote.findMany({ where: { status: "OPEN", closesAt: { not: null } }, select: { id: true, closesAt: true } });
  for (const v of open) armVoteTimer(v.id, v.closesAt!);
  return open.length;
}

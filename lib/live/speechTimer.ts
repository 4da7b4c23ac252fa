// The speaking limit ends the floor by itself. Nothing lives only here: the speech's start and the meeting's limit
// are stored, so the deadline is computed from them; on start the server re-arms every running speech's timer from
// the database (a restart mid-speech keeps its deadline, an overdue one ends at once, recorded at the limit).
import { db } from "../db/index.ts";

type Ender = (meetingId: string, requestId: string) => Promise<boolean>;
const g = globalThis as unknown as { __opencabinetSpeechTimers?: Map<string, { requestId: string; endsAt: number; timer: ReturnType<typeof setTimeout> }>; __opencabinetSpeechEnder?: Ender };
const timers = (g.__opencabinetSpeechTimers ??= new Map());

/** commands.ts registers what ends a speech (a function, so this module needs no import of it: no cycle). */
export function setSpeechEnder(fn: Ender) {
  g.__opencabinetSpeechEnder = fn;
}

/** When a speech that began at `startedAt` reaches the limit (null: no limit). */
export function speechDeadline(startedAt: Date | string | null, limitSeconds: number | null): Date | null {
  if (!startedAt || !limitSeconds) return null;
  return new Date(new Date(startedAt).getTime() + limitSeconds * 1000);
}

function arm(meetingId: string, requestId: string, endsAt: Date) {
  disarm(meetingId);
  const delay = Math.min(Math.max(0, endsAt.getTime() - Date.now()), 2 ** 31 - 1);
  const timer = setTimeout(async () => {
    timers.delete(meetingId);
    try {
      await g.__opencabinetSpeechEnder?.(meetingId, requestId);
    } catch (e) {
      console.error("speech timer", meetingId, e instanceof Error ? e.message : e);
    }
  }, delay);
  timer.unref?.();
  timers.set(meetingId, { requestId, endsAt: endsAt.getTime(), timer });
}

function disarm(meetingId: string) {
  const t = timers.get(meetingId);
  if (t) clearTimeout(t.timer);
  timers.delete(meetingId);
}

/** The armed deadline of a meeting's speech, if any (for tests and diagnostics). */
export function armedSpeech(meetingId: string): { requestId: string; endsAt: Date } | null {
  const t = timers.get(meetingId);
  return t ? { requestId: t.requestId, endsAt: new Date(t.endsAt) } : null;
}

/** After a change to the floor or the limit: the timer matches what is stored (one speaker per meeting at most). */
export async function rearmSpeechTimer(meetingId: string): Promise<void> {
  const [speaking, live] = await Promise.all([
    db.speakerRequest.findFirst({ where: { meetingId, status: "SPEAKING" }, select: { id: true, startedAt: true } }),
    db.meetingLive.findUnique({ where: { meetingId }, select: { speakingLimitSeconds: true } }),
  ]);
  const endsAt = speechDeadline(speaking?.startedAt ?? null, live?.speakingLimitSeconds ?? null);
  if (speaking && endsAt) arm(meetingId, speaking.id, endsAt);
  else disarm(meetingId);
}

/** On server start: every speech under a limit in a meeting in session gets its timer back. */
export async function armAllSpeechTimers(): Promise<number> {
  const speaking = await db.speakerRequest.findMany({
    where: { status: "SPEAKING", meeting: { status: "IN_PROGRESS", live: { speakingLimitSeconds: { not: null } } } },
    select: { id: true, meetingId: true, startedAt: true, meeting: { select: { live: { select: { speakingLimitSeconds: true } } } } },
  });
  let armed = 0;
  for (const s of speaking) {
    const endsAt = speechDeadline(s.startedAt, s.meeting.live?.speakingLimitSeconds ?? null);
    if (endsAt) (arm(s.meetingId, s.id, endsAt), armed++);
  }
  return armed;
}

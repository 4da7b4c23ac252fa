// The deadline and the reminders of open requests, as timers. Nothing lives only here: the deadline and the reminder
// stages already sent are stored, and on start the server re-arms every open request from the database (a stage
// whose time passed while the server was down is sent then; an overdue request closes at once).
import { db } from "../db/index.ts";
import { REMINDER_HOURS } from "./schema.ts";
import { reminderDue, sendDueReminders } from "./reminders.ts";

const HOUR = 3_600_000;
const g = globalThis as unknown as { __opencabinetOpinionTimers?: Map<string, ReturnType<typeof setTimeout>[]>; __opencabinetOpinionCloser?: (id: string) => Promise<boolean> };
const timers = (g.__opencabinetOpinionTimers ??= new Map());

/** commands.ts registers the closer (so this module needs no import of it: no cycle). */
export function setOpinionCloser(fn: (opinionId: string) => Promise<boolean>) {
  g.__opencabinetOpinionCloser = fn;
}

function at(when: number, run: () => Promise<unknown>) {
  // setTimeout holds at most ~24.8 days; a later moment re-arms itself when that wait ends.
  const delay = Math.max(0, when - Date.now());
  const t = setTimeout(() => {
    if (when > Date.now()) return void at(when, run);
    run().catch((e) => console.error("opinion timer", e instanceof Error ? e.message : e));
  }, Math.min(delay, 2 ** 31 - 1));
  t.unref?.();
  return t;
}

export function armOpinionTimers(r: { id: string; deadline: Date; sentAt: Date | null }) {
  disarmOpinionTimers(r.id);
  const list = [at(r.deadline.getTime(), () => g.__opencabinetOpinionCloser?.(r.id) ?? Promise.resolve(false))];
  for (const hours of REMINDER_HOURS) {
    const due = r.deadline.getTime() - hours * HOUR;
    if (reminderDue(r, hours, new Date(Math.max(due, Date.now())))) list.push(at(due, () => sendDueReminders(r.id)));
  }
  timers.set(r.id, list);
}

export function disarmOpinionTimers(opinionId: string) {
  for (const t of timers.get(opinionId) ?? []) clearTimeout(t);
  timers.delete(opinionId);
}

/** On server start: every open request gets its deadline and reminders back. */
export async function armAllOpinionTimers(): Promise<number> {
  const open = await db.opinionRequest.findMany({ where: { status: "OPEN" }, select: { id: true, deadline: true, sentAt: true } });
  for (const r of open) armOpinionTimers(r);
  return open.length;
}

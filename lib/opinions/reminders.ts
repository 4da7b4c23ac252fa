// Reminders before the deadline to the members asked who have not answered every question. Each stage (24 h, 2 h
// before) is claimed by inserting its row (primary key request × hours) in the transaction that writes the
// notifications: sent once, whatever timers, restarts or nodes call this.
import { db } from "../db/index.ts";
import { announce, notify } from "../notifications/commands.ts";
import { REMINDER_HOURS } from "./schema.ts";

const HOUR = 3_600_000;

/** A stage is due from its time until the deadline, unless the request was sent after that time (no point then). */
export function reminderDue(r: { deadline: Date; sentAt: Date | null }, hours: number, now: Date): boolean {
  const due = r.deadline.getTime() - hours * HOUR;
  return !!r.sentAt && r.sentAt.getTime() < due && now.getTime() >= due && now.getTime() < r.deadline.getTime();
}

/** Sends the stages due at `now` not sent yet; answers how many members were reminded. */
export async function sendDueReminders(opinionId: string, now = new Date()): Promise<number> {
  let reminded = 0;
  for (const hours of REMINDER_HOURS) {
    const r = await db.opinionRequest.findUnique({ where: { id: opinionId }, select: { status: true, deadline: true, sentAt: true, title: true } });
    if (!r || r.status !== "OPEN" || !reminderDue(r, hours, now)) continue;
    const users = await db
      .$transaction(async (tx) => {
        await tx.opinionReminder.create({ data: { requestId: opinionId, hours, sentAt: now, notified: 0 } });
        const questions = await tx.opinionQuestion.count({ where: { requestId: opinionId } });
        const recipients = await tx.opinionRecipient.findMany({ where: { requestId: opinionId }, select: { userId: true } });
        const counts = await tx.opinionAnswer.groupBy({ by: ["userId"], where: { requestId: opinionId }, _count: { _all: true } });
        const answered = new Set(counts.filter((c) => c._count._all >= questions).map((c) => c.userId));
        const pending = recipients.map((x) => x.userId).filter((u) => !answered.has(u));
        const notified = await notify(tx, pending, { kind: "OPINION_REMINDER", subject: r.title, data: { opinionId, hours, deadline: r.deadline.toISOString() } });
        await tx.opinionReminder.update({ where: { requestId_hours: { requestId: opinionId, hours } }, data: { notified: notified.length } });
        return notified;
      })
      .catch((e: unknown) => {
        // Already claimed (another timer, node or an earlier run): nothing to send.
        if ((e as { code?: string }).code === "P2002") return [] as string[];
        throw e;
      });
    await announce(users);
    reminded += users.length;
  }
  return reminded;
}

// Editing a meeting's content (agenda, papers, participants, details) — one domain rule on top of the write path:
// editing a submitted or approved meeting withdraws it to draft, so the approver approves what actually goes out.
import type { Actor } from "../policy/index.ts";
import { appendAuditTo } from "../audit/index.ts";
import { sql } from "../db/read.ts";
import { dbDate, writerIn, type Writer } from "../db/write.ts";
import type { ChangeEventName } from "../realtime/events.ts";
import { changeMeeting, changeMeetingSql, type ChangeOutcome, type ChangeWork, type SqlChangeWork } from "./change.ts";

export function editMeeting<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  baseVersion: number | undefined,
  work: ChangeWork<T, N>,
) {
  return changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx, ctx) => {
    const outcome = await work(tx, ctx);
    // Prisma's connection: these statements are part of tx.
    return withdrawnOnEdit(await writerIn(), actor, meetingId, ctx.meeting.status, outcome);
  });
}

/** editMeeting for the hot edits written in SQL (lib/meetings/change.ts changeMeetingSql). */
export function editMeetingSql<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  baseVersion: number | undefined,
  work: SqlChangeWork<T, N>,
) {
  return changeMeetingSql(actor, meetingId, { action: "meeting.edit", baseVersion }, (w, ctx) =>
    withdrawnOnEdit(w, actor, meetingId, ctx.meeting.status, work(w, ctx)),
  );
}

function withdrawnOnEdit<T, N extends ChangeEventName>(w: Writer, actor: Actor, meetingId: string, status: string, outcome: ChangeOutcome<T, N>): ChangeOutcome<T, N> {
  if (status !== "SUBMITTED" && status !== "APPROVED") return outcome;
  w.run(sql`UPDATE "Meeting" SET "status" = ${"DRAFT"}, "updatedAt" = ${dbDate(new Date())} WHERE "id" = ${meetingId}`);
  appendAuditTo(w, {
    actorId: actor.id, meetingId, action: "meeting.withdraw", subjectType: "Meeting", subjectId: meetingId,
    data: { from: status, because: outcome.audit.action },
  });
  return { ...outcome, touched: { ...outcome.touched, meeting: true } };
}

// Editing a meeting's content (agenda, papers, participants, details) — one domain rule on top of the write path:
// editing a submitted or approved meeting withdraws it to draft, so the approver approves what actually goes out.
import type { Actor } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import type { ChangeEventName } from "../realtime/events.ts";
import { changeMeeting, type ChangeWork } from "./change.ts";

export function editMeeting<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  baseVersion: number | undefined,
  work: ChangeWork<T, N>,
) {
  return changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx, ctx) => {
    const outcome = await work(tx, ctx);
    const { status } = ctx.meeting;
    if (status !== "SUBMITTED" && status !== "APPROVED") return outcome;
    await tx.meeting.update({ where: { id: meetingId }, data: { status: "DRAFT" } });
    await appendAudit(tx, {
      actorId: actor.id, meetingId, action: "meeting.withdraw", subjectType: "Meeting", subjectId: meetingId,
      data: { from: status, because: outcome.audit.action },
    });
    return { ...outcome, touched: { ...outcome.touched, meeting: true } };
  });
}

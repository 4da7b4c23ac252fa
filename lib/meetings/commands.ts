// Meeting lifecycle: create, edit, duplicate, cancel, submit → approve/return → publish.
import { db, type Tx } from "../db/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { authorize, can, type Actor } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import { announce, notify } from "../notifications/commands.ts";
import { changeMeeting, meetingEvent } from "./change.ts";
import { editMeeting } from "./edit.ts";
import { loadMeetingResource } from "./access.ts";
import { meetingPeople } from "../users/queries.ts";
import type { CreateMeeting, UpdateMeeting } from "./schema.ts";

async function checkUsers(tx: Tx, ids: Partial<Record<string, string | null | undefined>>) {
  for (const [key, userId] of Object.entries(ids)) {
    if (userId && !(await tx.user.findFirst({ where: { id: userId, ...meetingPeople }, select: { id: true } }))) {
      throw invalid("VALIDATION", { [key]: ["field.unknownUser"] });
    }
  }
}

export async function createMeeting(actor: Actor, input: CreateMeeting, id?: string) {
  authorize(actor, "meeting.create");
  return db.$transaction(async (tx) => {
    await checkUsers(tx, { chairId: input.chairId, approverId: input.approverId });
    const meeting = await tx.meeting.create({
      data: { ...(id ? { id } : {}), ...input, chairId: input.chairId ?? null, approverId: input.approverId ?? null, createdById: actor.id },
    });
    // The chair takes part in the meeting they chair.
    if (meeting.chairId) await tx.participant.create({ data: { meetingId: meeting.id, userId: meeting.chairId, role: "CHAIR" } });
    await appendAudit(tx, { actorId: actor.id, action: "meeting.create", subjectType: "Meeting", subjectId: meeting.id, meetingId: meeting.id, data: { title: meeting.title } });
    return meeting;
  });
}

export async function updateMeeting(actor: Actor, meetingId: string, input: UpdateMeeting) {
  const { baseVersion, ...changes } = input;
  return editMeeting(actor, meetingId, baseVersion, async (tx, { meeting }) => {
    await checkUsers(tx, { chairId: changes.chairId, approverId: changes.approverId });
    const startsAt = changes.startsAt ?? meeting.startsAt;
    const endsAt = changes.endsAt ?? meeting.endsAt;
    if (endsAt <= startsAt) throw invalid("meeting.endsAfterStart", { endsAt: ["meeting.endsAfterStart"] });
    const updated = await tx.meeting.update({ where: { id: meetingId }, data: changes });
    let chair: string[] = [];
    if (changes.chairId) {
      const p = await tx.participant.upsert({
        where: { meetingId_userId: { meetingId, userId: changes.chairId } },
        update: { role: "CHAIR" },
        create: { meetingId, userId: changes.chairId, role: "CHAIR", invitedAt: meeting.publishedAt ? new Date() : null },
      });
      chair = [p.id];
    }
    return {
      result: updated,
      event: meetingEvent("meeting.changed", "updated"),
      touched: { meeting: true, participants: chair },
      audit: { action: "meeting.update", subjectType: "Meeting", subjectId: meetingId, data: changes as Record<string, unknown> },
    };
  });
}

/** A new draft with the source's agenda structure and participants (not votes, papers or answers). */
export async function duplicateMeeting(actor: Actor, sourceId: string, input: { title?: string; startsAt: Date; endsAt: Date }) {
  // A source you may not see is a 404 whatever your role, like any other meeting operation; then may you create?
  const source = await loadMeetingResource(db, actor, sourceId);
  if (!can(actor, "meeting.view", source)) throw notFound();
  authorize(actor, "meeting.create");
  return db.$transaction(async (tx) => {
    const [items, participants] = await Promise.all([
      tx.agendaItem.findMany({ where: { meetingId: sourceId }, orderBy: { position: "asc" } }),
      tx.participant.findMany({ where: { meetingId: sourceId } }),
    ]);
    const copy = await tx.meeting.create({
      data: {
        title: input.title ?? source.title,
        kind: source.kind,
        location: source.location,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        chairId: source.chairId,
        approverId: source.approverId,
        createdById: actor.id,
      },
    });
    await tx.participant.createMany({ data: participants.map((p) => ({ meetingId: copy.id, userId: p.userId, role: p.role, mayVote: p.mayVote })) });
    // Parents before children, so each child's new parent id is known.
    const newIds = new Map<string, string>();
    const pending = [...items];
    while (pending.length) {
      const i = pending.findIndex((it) => !it.parentId || newIds.has(it.parentId));
      const [it] = pending.splice(i, 1);
      const created = await tx.agendaItem.create({
        data: { meetingId: copy.id, parentId: it.parentId ? newIds.get(it.parentId)! : null, position: it.position, title: it.title, description: it.description, presenterId: it.presenterId, plannedMinutes: it.plannedMinutes },
      });
      newIds.set(it.id, created.id);
    }
    await appendAudit(tx, { actorId: actor.id, action: "meeting.duplicate", subjectType: "Meeting", subjectId: copy.id, meetingId: copy.id, data: { from: sourceId } });
    return copy;
  });
}

const participantIds = (tx: Tx, meetingId: string) =>
  tx.participant.findMany({ where: { meetingId }, select: { userId: true } }).then((ps) => ps.map((p) => p.userId));

export async function submitMeeting(actor: Actor, meetingId: string, input: { approverId?: string | null; baseVersion?: number }) {
  let notified: string[] = [];
  return changeMeeting(actor, meetingId, { action: "meeting.submit", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    await checkUsers(tx, { approverId: input.approverId });
    const approverId = input.approverId ?? meeting.approverId;
    const reviewer = approverId ?? meeting.chairId;
    if (!reviewer) throw invalid("meeting.approverRequired", { approverId: ["meeting.approverRequired"] });
    if (!(await tx.agendaItem.count({ where: { meetingId } }))) throw invalid("meeting.emptyAgenda", { agenda: ["meeting.emptyAgenda"] });
    const updated = await tx.meeting.update({ where: { id: meetingId }, data: { status: "SUBMITTED", approverId, reviewComment: null } });
    notified = await notify(tx, [reviewer], { kind: "MEETING_SUBMITTED", meetingId, subject: meeting.title });
    return {
      result: updated,
      event: meetingEvent("meeting.changed", "submitted"),
      touched: { meeting: true },
      audit: { action: "meeting.submit", subjectType: "Meeting", subjectId: meetingId, data: { approverId: reviewer } },
      after: () => announce(notified),
    };
  });
}

export async function reviewMeeting(actor: Actor, meetingId: string, input: { decision: "APPROVE" | "RETURN"; comment: string; baseVersion?: number }) {
  let notified: string[] = [];
  return changeMeeting(actor, meetingId, { action: "meeting.review", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    const approve = input.decision === "APPROVE";
    const updated = await tx.meeting.update({
      where: { id: meetingId },
      data: { status: approve ? "APPROVED" : "DRAFT", reviewComment: input.comment || null },
    });
    notified = await notify(tx, [meeting.createdById], {
      kind: approve ? "MEETING_APPROVED" : "MEETING_RETURNED",
      meetingId,
      subject: meeting.title,
      data: { comment: input.comment },
    });
    return {
      result: updated,
      event: meetingEvent("meeting.changed", approve ? "approved" : "returned"),
      touched: { meeting: true },
      audit: { action: approve ? "meeting.approve" : "meeting.return", subjectType: "Meeting", subjectId: meetingId, data: { comment: input.comment } },
      after: () => announce(notified),
    };
  });
}

export async function publishMeeting(actor: Actor, meetingId: string, input: { baseVersion?: number }) {
  let notified: string[] = [];
  return changeMeeting(actor, meetingId, { action: "meeting.publish", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    const now = new Date();
    const updated = await tx.meeting.update({ where: { id: meetingId }, data: { status: "PUBLISHED", publishedAt: now } });
    await tx.participant.updateMany({ where: { meetingId, invitedAt: null }, data: { invitedAt: now } });
    notified = await notify(tx, await participantIds(tx, meetingId), { kind: "MEETING_PUBLISHED", meetingId, subject: meeting.title });
    return {
      result: updated,
      event: meetingEvent("meeting.changed", "published"),
      touched: { meeting: true },
      audit: { action: "meeting.publish", subjectType: "Meeting", subjectId: meetingId, data: { invited: notified.length } },
      after: () => announce(notified),
    };
  });
}

export async function cancelMeeting(actor: Actor, meetingId: string, input: { reason?: string; baseVersion?: number }) {
  let notified: string[] = [];
  return changeMeeting(actor, meetingId, { action: "meeting.cancel", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    const updated = await tx.meeting.update({ where: { id: meetingId }, data: { status: "CANCELLED", reviewComment: input.reason ?? null } });
    // Only people who were told about the meeting hear that it is off.
    if (meeting.publishedAt) notified = await notify(tx, await participantIds(tx, meetingId), { kind: "MEETING_CANCELLED", meetingId, subject: meeting.title, data: { reason: input.reason ?? "" } });
    return {
      result: updated,
      event: meetingEvent("meeting.changed", "cancelled"),
      touched: { meeting: true },
      audit: { action: "meeting.cancel", subjectType: "Meeting", subjectId: meetingId, data: { reason: input.reason ?? "" } },
      after: () => announce(notified),
    };
  });
}

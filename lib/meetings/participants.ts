// Who takes part: add/update/remove (secretariat), and each invitee's own answer (attend / absent / delegate).
import { db } from "../db/index.ts";
import { AppError, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../policy/index.ts";
import { evictFromMeeting } from "../realtime/publish.ts";
import { announce, notify } from "../notifications/commands.ts";
import { changeMeeting, meetingEvent } from "./change.ts";
import { authorizeMeeting } from "./access.ts";
import type { Rsvp } from "./schema.ts";

type Role = "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";

async function meetingOfParticipant(participantId: string) {
  const p = await db.participant.findUnique({ where: { id: participantId }, select: { meetingId: true } });
  if (!p) throw notFound("Participant");
  return p.meetingId;
}

export async function addParticipant(actor: Actor, meetingId: string, input: { userId: string; role: Role; mayVote: boolean; baseVersion?: number }) {
  let notified: string[] = [];
  return changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, active: true }, select: { id: true, name: true } });
    if (!user) throw invalid("Unknown user", { userId: ["Unknown user"] });
    if (await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: input.userId } } })) {
      throw invalid(`${user.name} already takes part in this meeting`, { userId: ["Already a participant"] });
    }
    // Observers never vote.
    const mayVote = input.role === "OBSERVER" ? false : input.mayVote;
    const published = meeting.publishedAt !== null;
    const participant = await tx.participant.create({
      data: { meetingId, userId: input.userId, role: input.role, mayVote, invitedAt: published ? new Date() : null },
    });
    if (published) notified = await notify(tx, [input.userId], { kind: "MEETING_INVITED", meetingId, subject: meeting.title });
    return {
      result: participant,
      event: meetingEvent("participants.changed", { change: "added", participantId: participant.id }),
      audit: { action: "participant.add", subjectType: "Participant", subjectId: participant.id, data: { userId: input.userId, role: input.role, mayVote } },
      after: () => announce(notified),
    };
  });
}

export async function updateParticipant(actor: Actor, participantId: string, input: { role?: Role; mayVote?: boolean; baseVersion?: number }) {
  const meetingId = await meetingOfParticipant(participantId);
  const { baseVersion, ...changes } = input;
  return changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx) => {
    if (changes.role === "OBSERVER") changes.mayVote = false;
    const participant = await tx.participant.update({ where: { id: participantId }, data: changes });
    return {
      result: participant,
      event: meetingEvent("participants.changed", { change: "updated", participantId }),
      audit: { action: "participant.update", subjectType: "Participant", subjectId: participantId, data: changes },
    };
  });
}

export async function removeParticipant(actor: Actor, participantId: string, baseVersion?: number) {
  const meetingId = await meetingOfParticipant(participantId);
  let removedUser = "";
  const out = await changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx, { meeting }) => {
    const p = await tx.participant.delete({ where: { id: participantId } });
    removedUser = p.userId;
    if (meeting.chairId === p.userId) await tx.meeting.update({ where: { id: meetingId }, data: { chairId: null } });
    await tx.documentAccess.deleteMany({ where: { userId: p.userId, document: { meetingId } } });
    return {
      result: { id: participantId },
      event: meetingEvent("participants.changed", { change: "removed", participantId }),
      audit: { action: "participant.remove", subjectType: "Participant", subjectId: participantId, data: { userId: p.userId } },
    };
  });
  // A removed participant's open tablets stop receiving this meeting's events at once.
  evictFromMeeting(removedUser, meetingId);
  return out;
}

/** The invitee answers for themself; the secretariat sees it live (participants.changed). */
export async function answerInvitation(actor: Actor, meetingId: string, input: Rsvp) {
  return changeMeeting(actor, meetingId, { action: "meeting.rsvp" }, async (tx, { meeting }) => {
    const me = meeting.participant && (await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: actor.id } } }));
    if (!me) throw new AppError("FORBIDDEN", "Only invited participants answer the invitation.");
    let deputyName: string | null = null;
    let deputyUserId: string | null = null;
    if (input.answer === "DELEGATE") {
      if (input.deputyUserId) {
        const deputy = await tx.user.findFirst({ where: { id: input.deputyUserId, active: true }, select: { id: true, name: true } });
        if (!deputy) throw invalid("Unknown deputy", { deputyUserId: ["Unknown user"] });
        if (deputy.id === actor.id) throw invalid("Name someone else", { deputyUserId: ["You cannot delegate to yourself"] });
        deputyUserId = deputy.id;
        deputyName = deputy.name;
      } else deputyName = input.deputyName ?? null;
    }
    const reason = input.answer === "ATTEND" ? null : (input.reason ?? null);
    const participant = await tx.participant.update({
      where: { id: me.id },
      data: { rsvp: input.answer, rsvpReason: reason, deputyName, deputyUserId, answeredAt: new Date() },
    });
    return {
      result: participant,
      event: meetingEvent("participants.changed", { change: "answered", participantId: me.id }),
      audit: { action: "participant.answer", subjectType: "Participant", subjectId: me.id, data: { answer: input.answer, reason, deputyName } },
    };
  });
}

/** Remembers the meeting version a participant has seen (drives "changed since you last looked"). */
export async function markSeen(actor: Actor, meetingId: string, version: number) {
  const meeting = await authorizeMeeting(db, actor, "meeting.view", meetingId);
  const seen = Math.min(version, meeting.version);
  await db.participant.updateMany({ where: { meetingId, userId: actor.id, lastSeenVersion: { lt: seen } }, data: { lastSeenVersion: seen } });
  return { lastSeenVersion: seen };
}

// Who takes part: add/update/remove (secretariat), and each invitee's own answer (attend / absent / delegate).
import { db } from "../db/index.ts";
import { forbidden, invalid, notFound } from "../errors/index.ts";
import { can, type Actor } from "../policy/index.ts";
import { evictFromMeeting } from "../realtime/publish.ts";
import { announce, notify } from "../notifications/commands.ts";
import { changeMeeting, meetingEvent } from "./change.ts";
import { editMeeting } from "./edit.ts";
import { loadMeetingResource } from "./access.ts";
import { personalWrite } from "../personal/write.ts";
import type { Rsvp } from "./schema.ts";
import { meetingPeople } from "../users/queries.ts";

type Role = "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";

async function meetingOfParticipant(participantId: string) {
  const p = await db.participant.findUnique({ where: { id: participantId }, select: { meetingId: true } });
  if (!p) throw notFound();
  return p.meetingId;
}

export async function addParticipant(actor: Actor, meetingId: string, input: { userId: string; role: Role; mayVote: boolean; baseVersion?: number }) {
  let notified: string[] = [];
  return editMeeting(actor, meetingId, input.baseVersion, async (tx, { meeting }) => {
    const user = await tx.user.findFirst({ where: { id: input.userId, ...meetingPeople }, select: { id: true, name: true } });
    if (!user) throw invalid("VALIDATION", { userId: ["field.unknownUser"] });
    if (await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: input.userId } } })) {
      throw invalid({ key: "participant.alreadyIn", values: { name: user.name } }, { userId: [{ key: "participant.alreadyIn", values: { name: user.name } }] });
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
      event: meetingEvent("participants.changed", "added"),
      touched: { participants: [participant.id] },
      audit: { action: "participant.add", subjectType: "Participant", subjectId: participant.id, data: { userId: input.userId, role: input.role, mayVote } },
      after: () => announce(notified),
    };
  });
}

export async function updateParticipant(actor: Actor, participantId: string, input: { role?: Role; mayVote?: boolean; baseVersion?: number }) {
  const meetingId = await meetingOfParticipant(participantId);
  const { baseVersion, ...changes } = input;
  return editMeeting(actor, meetingId, baseVersion, async (tx) => {
    if (changes.role === "OBSERVER") changes.mayVote = false;
    const participant = await tx.participant.update({ where: { id: participantId }, data: changes });
    return {
      result: participant,
      event: meetingEvent("participants.changed", "updated"),
      touched: { participants: [participantId] },
      audit: { action: "participant.update", subjectType: "Participant", subjectId: participantId, data: changes },
    };
  });
}

export async function removeParticipant(actor: Actor, participantId: string, baseVersion?: number) {
  const meetingId = await meetingOfParticipant(participantId);
  let removedUser = "";
  let theirDeputy: string | null = null;
  const out = await editMeeting(actor, meetingId, baseVersion, async (tx, { meeting, trackDocuments }) => {
    const p = await tx.participant.findUniqueOrThrow({ where: { id: participantId } });
    removedUser = p.userId;
    theirDeputy = p.rsvp === "DELEGATE" ? p.deputyUserId : null;
    // Papers shared with them lose them as a reader (the secretariat's lists change; they lose the papers).
    const shared = (await tx.documentAccess.findMany({ where: { userId: p.userId, document: { meetingId } }, select: { documentId: true } })).map((a) => a.documentId);
    await trackDocuments(shared);
    await tx.participant.delete({ where: { id: participantId } });
    const wasChair = meeting.chairId === p.userId;
    if (wasChair) await tx.meeting.update({ where: { id: meetingId }, data: { chairId: null } });
    await tx.documentAccess.deleteMany({ where: { userId: p.userId, document: { meetingId } } });
    return {
      result: { id: participantId },
      event: meetingEvent("participants.changed", "removed"),
      touched: { removedParticipants: [participantId], documents: shared, meeting: wasChair },
      audit: { action: "participant.remove", subjectType: "Participant", subjectId: participantId, data: { userId: p.userId } },
    };
  });
  // A removed participant's open tablets stop receiving this meeting's events at once, and say so, unless they still
  // see the meeting another way (secretariat, its approver).
  // The deputy they had named goes with them.
  for (const id of [removedUser, theirDeputy as string | null]) {
    const user = id && (await db.user.findUnique({ where: { id }, select: { id: true, role: true } }));
    if (user && !can(user, "meeting.view", await loadMeetingResource(db, user, meetingId))) evictFromMeeting(user.id, meetingId);
  }
  return out;
}

/** The invitee answers for themself; the secretariat sees it live (participants.changed). */
export async function answerInvitation(actor: Actor, meetingId: string, input: Rsvp) {
  let formerDeputy: string | null = null;
  const out = await changeMeeting(actor, meetingId, { action: "meeting.rsvp" }, async (tx, { meeting }) => {
    const me = meeting.participant && (await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: actor.id } } }));
    if (!me) throw forbidden("participant.onlyInvited");
    formerDeputy = me.rsvp === "DELEGATE" ? me.deputyUserId : null;
    let deputyName: string | null = null;
    let deputyUserId: string | null = null;
    if (input.answer === "DELEGATE") {
      if (input.deputyUserId) {
        const deputy = await tx.user.findFirst({ where: { id: input.deputyUserId, ...meetingPeople }, select: { id: true, name: true } });
        if (!deputy) throw invalid("VALIDATION", { deputyUserId: ["field.unknownUser"] });
        if (deputy.id === actor.id) throw invalid("rsvp.deputySelf", { deputyUserId: ["rsvp.deputySelf"] });
        deputyUserId = deputy.id;
        deputyName = deputy.name;
      } else deputyName = input.deputyName ?? null;
    }
    const reason = input.answer === "ATTEND" ? null : (input.reason ?? null);
    const participant = await tx.participant.update({
      where: { id: me.id },
      data: {
        rsvp: input.answer, rsvpReason: reason, deputyName, deputyUserId, answeredAt: new Date(),
        // No deputy any more: one checked in for them no longer holds the seat.
        ...(me.checkedInDeputy && input.answer !== "DELEGATE" ? { checkedInAt: null, checkedInDeputy: false } : {}),
      },
    });
    return {
      result: participant,
      event: meetingEvent("participants.changed", "answered"),
      touched: { participants: [me.id] },
      audit: { action: "participant.answer", subjectType: "Participant", subjectId: me.id, data: { answer: input.answer, reason, deputyName } },
    };
  });
  // A deputy no longer named loses the meeting's events at once (unless they see it another way), as a removed participant.
  const dropped = formerDeputy as string | null;
  if (dropped && dropped !== out.result.deputyUserId) {
    const user = await db.user.findUnique({ where: { id: dropped }, select: { id: true, role: true } });
    if (user && !can(user, "meeting.view", await loadMeetingResource(db, user, meetingId))) evictFromMeeting(dropped, meetingId);
  }
  return out;
}

/**
 * Remembers the meeting version a participant has seen (drives "changed since you last looked"). Personal state:
 * no meeting version, no room event; the user's other devices are told.
 */
export async function markSeen(actor: Actor, meetingId: string, version: number) {
  return personalWrite(actor, { meetingId, action: "meeting.seen" }, async (tx, { meeting }) => {
    const seen = Math.min(version, meeting.version);
    await tx.participant.updateMany({ where: { meetingId, userId: actor.id, lastSeenVersion: { lt: seen } }, data: { lastSeenVersion: seen } });
    return { result: { lastSeenVersion: seen }, event: { name: "meeting.seen", payload: { meetingId, version: seen } } };
  });
}

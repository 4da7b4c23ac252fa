// Who takes part: add/update/remove (secretariat), and each invitee's own answer (attend / absent / delegate).
import { db, type Tx } from "../db/index.ts";
import { forbidden, invalid, notFound } from "../errors/index.ts";
import { can, type Actor } from "../policy/index.ts";
import { evictFromMeeting } from "../realtime/publish.ts";
import { announce, notify } from "../notifications/commands.ts";
import { changeMeeting, meetingEvent } from "./change.ts";
import { editMeeting } from "./edit.ts";
import { loadMeetingResource } from "./access.ts";
import { personalWrite } from "../personal/write.ts";
import type { NameDeputy, Rsvp } from "./schema.ts";
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

/**
 * The account a member's answer names as their deputy: one of the people meetings are made of, not the member
 * themself. Refused with a message on the field (localized), never a 500.
 */
async function deputyAccount(tx: Tx, deputyUserId: string, memberUserId: string, self: "rsvp.deputySelf" | "participant.deputyIsMember") {
  const deputy = await tx.user.findFirst({ where: { id: deputyUserId, ...meetingPeople }, select: { id: true, name: true } });
  if (!deputy) throw invalid("VALIDATION", { deputyUserId: ["field.unknownUser"] });
  if (deputy.id === memberUserId) throw invalid(self, { deputyUserId: [self] });
  return deputy;
}

/** The deputy's account is told (bell, their devices) that they attend for the member, with a link to the meeting. */
async function noticeToDeputy(tx: Tx, deputyUserId: string, meeting: { id: string; title: string }, member: { id: string; name: string }) {
  return notify(tx, [deputyUserId], { kind: "DEPUTY_NAMED", meetingId: meeting.id, subject: meeting.title, data: { memberId: member.id, memberName: member.name } });
}

/** A deputy no longer named loses the meeting's events at once, unless they see it another way (as a removed participant). */
async function releaseFormerDeputy(former: string | null, now: string | null, meetingId: string) {
  if (!former || former === now) return;
  const user = await db.user.findUnique({ where: { id: former }, select: { id: true, role: true } });
  if (user && !can(user, "meeting.view", await loadMeetingResource(db, user, meetingId))) evictFromMeeting(former, meetingId);
}

/** The invitee answers for themself; the secretariat sees it live (participants.changed). */
export async function answerInvitation(actor: Actor, meetingId: string, input: Rsvp) {
  let formerDeputy: string | null = null;
  let notified: string[] = [];
  const out = await changeMeeting(actor, meetingId, { action: "meeting.rsvp" }, async (tx, { meeting }) => {
    const me = meeting.participant && (await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: actor.id } } }));
    if (!me) throw forbidden("participant.onlyInvited");
    formerDeputy = me.rsvp === "DELEGATE" ? me.deputyUserId : null;
    let deputyName: string | null = null;
    let deputyUserId: string | null = null;
    if (input.answer === "DELEGATE") {
      if (input.deputyUserId) {
        const deputy = await deputyAccount(tx, input.deputyUserId, actor.id, "rsvp.deputySelf");
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
    if (deputyUserId && deputyUserId !== formerDeputy) notified = await noticeToDeputy(tx, deputyUserId, meeting, actor);
    return {
      result: participant,
      event: meetingEvent("participants.changed", "answered"),
      touched: { participants: [me.id] },
      audit: { action: "participant.answer", subjectType: "Participant", subjectId: me.id, data: { answer: input.answer, reason, deputyName, deputyUserId } },
      after: () => announce(notified),
    };
  });
  await releaseFormerDeputy(formerDeputy, out.result.deputyUserId, meetingId);
  return out;
}

/**
 * The secretariat names (or un-names, with null) the account of the deputy a member's answer sends: that deputy then
 * sees the meeting, checks in for the seat and is told so. Only for an answer that sends a deputy; the member's
 * own answer may name one too (answerInvitation). A deputy checked in by the account no longer named leaves the seat.
 */
export async function nameDeputy(actor: Actor, participantId: string, input: NameDeputy) {
  const meetingId = await meetingOfParticipant(participantId);
  let formerDeputy: string | null = null;
  let notified: string[] = [];
  const out = await changeMeeting(actor, meetingId, { action: "participant.nameDeputy", baseVersion: input.baseVersion }, async (tx, { meeting }) => {
    const seat = await tx.participant.findUniqueOrThrow({ where: { id: participantId }, include: { user: { select: { id: true, name: true } } } });
    if (seat.rsvp !== "DELEGATE") throw invalid("participant.notDelegating", { deputyUserId: ["participant.notDelegating"] });
    formerDeputy = seat.deputyUserId;
    const deputy = input.deputyUserId ? await deputyAccount(tx, input.deputyUserId, seat.userId, "participant.deputyIsMember") : null;
    if ((deputy?.id ?? null) === formerDeputy) throw invalid("participant.sameDeputy", { deputyUserId: ["participant.sameDeputy"] });
    const leavesSeat = seat.checkedInDeputy && formerDeputy !== null && seat.checkedInById === formerDeputy;
    const participant = await tx.participant.update({
      where: { id: participantId },
      data: {
        deputyUserId: deputy?.id ?? null,
        // Un-named (null): the seat keeps the name it shows, now without an account behind it.
        ...(deputy ? { deputyName: deputy.name } : {}),
        ...(leavesSeat ? { checkedInAt: null, checkedInDeputy: false, checkedInById: actor.id } : {}),
      },
    });
    if (deputy) notified = await noticeToDeputy(tx, deputy.id, meeting, seat.user);
    return {
      result: participant,
      event: meetingEvent("participants.changed", "deputy"),
      touched: { participants: [participantId] },
      audit: {
        action: "participant.deputy", subjectType: "Participant", subjectId: participantId,
        data: { userId: seat.userId, deputyUserId: deputy?.id ?? null, formerDeputyUserId: formerDeputy, seatReleased: leavesSeat },
      },
      after: () => announce(notified),
    };
  });
  await releaseFormerDeputy(formerDeputy, out.result.deputyUserId, meetingId);
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

// Loads what the policy needs to judge an action on a meeting: the meeting, the actor's participation, and whether
// the actor is the deputy a participant named to attend in their place (and whether they are checked in for that seat).
import type { Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, deputySeatOf, type Actor, type MeetingAction, type MeetingResource, type MeetingRole, type Principal } from "../policy/index.ts";

export async function loadMeetingResource(tx: Tx, actor: Principal, meetingId: string) {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    include: {
      participants: { where: { OR: [{ userId: actor.id }, deputySeatOf(actor.id)] }, select: { role: true, mayVote: true, id: true, userId: true, checkedInAt: true, checkedInDeputy: true } },
    },
  });
  if (!meeting) throw notFound();
  const { participants, ...rest } = meeting;
  const own = participants.find((p) => p.userId === actor.id);
  const resource: MeetingResource & typeof rest & { participant: { role: MeetingRole; mayVote: boolean; id: string } | null } = {
    ...rest,
    participant: own ? { role: own.role, mayVote: own.mayVote, id: own.id } : null,
    represents: participants.some((p) => p.userId !== actor.id),
    deputySeatCheckedIn: participants.some((p) => p.userId !== actor.id && p.checkedInAt !== null && p.checkedInDeputy),
  };
  return resource;
}

/** Load + authorize in one step: the common opening of every meeting entry point. */
export async function authorizeMeeting(tx: Tx, actor: Actor, action: MeetingAction, meetingId: string) {
  const meeting = await loadMeetingResource(tx, actor, meetingId);
  authorize(actor, action, meeting);
  return meeting;
}

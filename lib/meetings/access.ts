// Loads what the policy needs to judge an action on a meeting: the meeting and the actor's participation.
import type { Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, type Actor, type MeetingAction, type MeetingResource, type Principal } from "../policy/index.ts";

export async function loadMeetingResource(tx: Tx, actor: Principal, meetingId: string) {
  const meeting = await tx.meeting.findUnique({
    where: { id: meetingId },
    include: { participants: { where: { userId: actor.id }, select: { role: true, mayVote: true, id: true } } },
  });
  if (!meeting) throw notFound();
  const { participants, ...rest } = meeting;
  const resource: MeetingResource & typeof rest = { ...rest, participant: participants[0] ?? null };
  return resource;
}

/** Load + authorize in one step: the common opening of every meeting entry point. */
export async function authorizeMeeting(tx: Tx, actor: Actor, action: MeetingAction, meetingId: string) {
  const meeting = await loadMeetingResource(tx, actor, meetingId);
  authorize(actor, action, meeting);
  return meeting;
}

// The write path for what belongs to one user, not to the meeting: "seen" marks, read receipts, private notes.
// Policy-checked like any write, but it neither bumps the meeting version nor reaches the meeting's room: the
// user's own other devices hear of it through their `user:<id>` room, nobody else.
import { db, type Tx } from "../db/index.ts";
import type { Actor, MeetingAction } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { publishUserEvent } from "../realtime/publish.ts";
import type { UserEventName, UserEventPayload } from "../realtime/events.ts";

type Meeting = Awaited<ReturnType<typeof authorizeMeeting>>;

export interface PersonalOutcome<T, N extends UserEventName> {
  result: T;
  /** Told to the user's other devices after the commit. */
  event?: { name: N; payload: UserEventPayload<N> };
}

export async function personalWrite<T, N extends UserEventName>(
  actor: Actor,
  target: { meetingId: string; action: MeetingAction },
  work: (tx: Tx, ctx: { meeting: Meeting }) => Promise<PersonalOutcome<T, N>>,
): Promise<T> {
  const outcome = await db.$transaction(async (tx) => {
    const meeting = await authorizeMeeting(tx, actor, target.action, target.meetingId);
    return work(tx, { meeting });
  });
  if (outcome.event) publishUserEvent(actor.id, outcome.event.name, outcome.event.payload);
  return outcome.result;
}

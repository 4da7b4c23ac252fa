// Meeting reads, always through the policy's scopes.
import { db } from "../db/index.ts";
import { meetingScope, type Actor } from "../policy/index.ts";
import { readMeetingSnapshot } from "./snapshot.ts";
import type { MeetingSnapshot } from "./view.ts";
export type { AgendaNode, DocumentSummary, MeetingSnapshot } from "./view.ts";
import { upcomingFirst } from "./order.ts";
import { authorizeMeeting } from "./access.ts";
import { byName, meetingPeople } from "../users/queries.ts";
export { readMeetingEntry, readMeetingSnapshot } from "./snapshot.ts";

export async function listMeetings(actor: Actor) {
  const rows = await db.meeting.findMany({
    where: meetingScope(actor),
    include: {
      chair: { select: { id: true, name: true } },
      _count: { select: { agendaItems: true, participants: true } },
      participants: { where: { userId: actor.id }, select: { role: true, rsvp: true } },
    },
  });
  const list = rows.map(({ participants, _count, ...m }) => ({
    id: m.id,
    title: m.title,
    kind: m.kind,
    status: m.status,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    location: m.location,
    version: m.version,
    chair: m.chair,
    agendaItemCount: _count.agendaItems,
    participantCount: _count.participants,
    myRole: participants[0]?.role ?? null,
    myRsvp: participants[0]?.rsvp ?? null,
  }));
  const { upcoming, past } = upcomingFirst(list);
  return [...upcoming, ...past];
}
export type MeetingListItem = Awaited<ReturnType<typeof listMeetings>>[number];

/**
 * Whom an invitee may send in their place: the people who can be put on a meeting (the rule the answer is checked
 * against), themself excepted; names and titles only.
 */
export async function deputyCandidates(actor: Actor, meetingId: string) {
  await authorizeMeeting(db, actor, "meeting.rsvp", meetingId);
  const people = await db.user.findMany({ where: { ...meetingPeople, id: { not: actor.id } }, select: { id: true, name: true, title: true } });
  return people.sort((a, b) => byName.compare(a.name, b.name));
}

/** Everything a meeting page shows, as this actor may see it (lib/meetings/snapshot.ts). */
export async function getMeetingSnapshot(actor: Actor, meetingId: string): Promise<MeetingSnapshot> {
  return (await readMeetingSnapshot(actor, meetingId)).snapshot!;
}

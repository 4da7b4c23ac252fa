// Meeting reads, always through the policy's scopes.
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { can, documentScope, isStaff, meetingScope, type Actor } from "../policy/index.ts";
import { loadMeetingResource } from "./access.ts";

export async function listMeetings(actor: Actor) {
  const rows = await db.meeting.findMany({
    where: meetingScope(actor),
    orderBy: [{ startsAt: "desc" }],
    include: {
      chair: { select: { id: true, name: true } },
      _count: { select: { agendaItems: true, participants: true } },
      participants: { where: { userId: actor.id }, select: { role: true, rsvp: true } },
    },
  });
  return rows.map(({ participants, _count, ...m }) => ({
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
}
export type MeetingListItem = Awaited<ReturnType<typeof listMeetings>>[number];

export interface DocumentSummary {
  id: string;
  title: string;
  confidentiality: string;
  restricted: boolean;
  agendaItemId: string | null;
  changedAtVersion: number;
  /** Who may see a restricted paper: only sent to the secretariat, who manage it. */
  allowedUserIds?: string[];
  version: { id: string; number: number; pageCount: number; size: number; fileName: string; createdAt: Date } | null;
}

export interface AgendaNode {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  description: string;
  plannedMinutes: number;
  status: string;
  changedAtVersion: number;
  presenter: { id: string; name: string } | null;
  documents: DocumentSummary[];
  children: AgendaNode[];
}

/** Everything a meeting page shows, as this actor may see it. */
export async function getMeetingSnapshot(actor: Actor, meetingId: string) {
  const resource = await loadMeetingResource(db, actor, meetingId);
  if (!can(actor, "meeting.view", resource)) throw notFound("Meeting");
  const [meeting, items, documents, participants] = await Promise.all([
    db.meeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { chair: { select: { id: true, name: true } }, approver: { select: { id: true, name: true } } },
    }),
    db.agendaItem.findMany({
      where: { meetingId },
      orderBy: [{ position: "asc" }],
      include: { presenter: { select: { id: true, name: true } } },
    }),
    db.document.findMany({
      where: { meetingId, ...documentScope(actor) },
      orderBy: [{ createdAt: "asc" }],
      include: { versions: { orderBy: { number: "desc" }, take: 1, omit: { text: true } }, access: { select: { userId: true } } },
    }),
    db.participant.findMany({
      where: { meetingId },
      orderBy: [{ createdAt: "asc" }],
      include: { user: { select: { id: true, name: true, title: true } } },
    }),
  ]);
  const docs: DocumentSummary[] = documents.map((d) => {
    const v = d.versions[0];
    return {
      id: d.id,
      title: d.title,
      confidentiality: d.confidentiality,
      restricted: d.restricted,
      agendaItemId: d.agendaItemId,
      changedAtVersion: d.changedAtVersion,
      ...(isStaff(actor) ? { allowedUserIds: d.access.map((a) => a.userId) } : {}),
      version: v ? { id: v.id, number: v.number, pageCount: v.pageCount, size: v.size, fileName: v.fileName, createdAt: v.createdAt } : null,
    };
  });
  const nodes = new Map<string, AgendaNode>();
  for (const i of items) {
    nodes.set(i.id, {
      id: i.id,
      parentId: i.parentId,
      position: i.position,
      title: i.title,
      description: i.description,
      plannedMinutes: i.plannedMinutes,
      status: i.status,
      changedAtVersion: i.changedAtVersion,
      presenter: i.presenter,
      documents: docs.filter((d) => d.agendaItemId === i.id),
      children: [],
    });
  }
  const agenda: AgendaNode[] = [];
  for (const n of nodes.values()) (n.parentId ? nodes.get(n.parentId)!.children : agenda).push(n);
  const me = resource.participant
    ? participants.find((p) => p.userId === actor.id) ?? null
    : null;
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      version: meeting.version,
      chair: meeting.chair,
      approver: meeting.approver,
      reviewComment: meeting.reviewComment,
      currentAgendaItemId: meeting.currentAgendaItemId,
      publishedAt: meeting.publishedAt,
    },
    agenda,
    meetingDocuments: docs.filter((d) => d.agendaItemId === null),
    participants: participants.map((p) => ({
      id: p.id,
      user: p.user,
      role: p.role,
      mayVote: p.mayVote,
      rsvp: p.rsvp,
      rsvpReason: p.rsvpReason,
      deputyName: p.deputyName,
    })),
    me: me ? { participantId: me.id, role: me.role, rsvp: me.rsvp, lastSeenVersion: me.lastSeenVersion } : null,
    permissions: {
      edit: can(actor, "meeting.edit", resource),
      submit: can(actor, "meeting.submit", resource),
      review: can(actor, "meeting.review", resource),
      publish: can(actor, "meeting.publish", resource),
      cancel: can(actor, "meeting.cancel", resource),
      rsvp: can(actor, "meeting.rsvp", resource),
    },
  };
}
export type MeetingSnapshot = Awaited<ReturnType<typeof getMeetingSnapshot>>;

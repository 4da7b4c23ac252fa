// Database rows → the JSON rows of lib/meetings/view.ts. One mapping, used by snapshots and by event deltas, so a
// client applying deltas ends exactly where a fresh snapshot would.
import type { Prisma, Tx } from "../db/index.ts";
import type { AgendaItemRow, DocumentRow, MeetingRow, ParticipantRow } from "./view.ts";

const iso = (d: Date) => d.toISOString();
const person = { select: { id: true, name: true } } as const;

export async function readMeetingRow(tx: Tx, meetingId: string): Promise<MeetingRow> {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { chair: person, approver: person } });
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    status: m.status,
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    location: m.location,
    version: m.version,
    chair: m.chair,
    approver: m.approver,
    reviewComment: m.reviewComment,
    currentAgendaItemId: m.currentAgendaItemId,
    publishedAt: m.publishedAt && iso(m.publishedAt),
  };
}

export async function readItemRows(tx: Tx, where: Prisma.AgendaItemWhereInput): Promise<AgendaItemRow[]> {
  const rows = await tx.agendaItem.findMany({ where, orderBy: [{ position: "asc" }], include: { presenter: person } });
  return rows.map((i) => ({
    id: i.id,
    parentId: i.parentId,
    position: i.position,
    title: i.title,
    description: i.description,
    plannedMinutes: i.plannedMinutes,
    status: i.status,
    changedAtVersion: i.changedAtVersion,
    presenter: i.presenter,
  }));
}

/** Full rows, `allowedUserIds` included: the caller filters what a viewer may see (lib/meetings/delta.ts). */
export async function readDocumentRows(tx: Tx, where: Prisma.DocumentWhereInput): Promise<Required<DocumentRow>[]> {
  const rows = await tx.document.findMany({
    where,
    orderBy: [{ createdAt: "asc" }],
    include: {
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, pageCount: true, size: true, fileName: true, createdAt: true } },
      access: { select: { userId: true } },
    },
  });
  return rows.map((d) => {
    const v = d.versions[0];
    return {
      id: d.id,
      title: d.title,
      confidentiality: d.confidentiality,
      restricted: d.restricted,
      agendaItemId: d.agendaItemId,
      changedAtVersion: d.changedAtVersion,
      createdAt: iso(d.createdAt),
      allowedUserIds: d.access.map((a) => a.userId).sort(),
      version: v ? { ...v, createdAt: iso(v.createdAt) } : null,
    };
  });
}

export async function readParticipantRows(tx: Tx, where: Prisma.ParticipantWhereInput): Promise<ParticipantRow[]> {
  const rows = await tx.participant.findMany({
    where,
    orderBy: [{ createdAt: "asc" }],
    include: { user: { select: { id: true, name: true, title: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    user: p.user,
    role: p.role,
    mayVote: p.mayVote,
    rsvp: p.rsvp,
    rsvpReason: p.rsvpReason,
    deputyName: p.deputyName,
    deputyUserId: p.deputyUserId,
    checkedInAt: p.checkedInAt && iso(p.checkedInAt),
    checkedInDeputy: p.checkedInDeputy,
    createdAt: iso(p.createdAt),
  }));
}

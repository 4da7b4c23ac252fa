// The meeting snapshot as every tablet reads it, and its ETag. The rows are the same as lib/meetings/rows.ts reads
// through Prisma inside write transactions, but read here with five prepared statements in one read transaction
// (lib/db/read.ts): the meeting with the actor's participation once, users once (joins), instead of ~13 Prisma
// queries. Cut and assembled exactly as before: viewDelta (the same cut the live events get), assembleSnapshot.
import crypto from "node:crypto";
import { asBool, asDate, readConsistent, sql, type Row, type Statement } from "../db/read.ts";
import { dbBool, type Writer } from "../db/write.ts";
import { notFound } from "../errors/index.ts";
import { can, type Actor, type MeetingResource, type MeetingRole, type MeetingStatus } from "../policy/index.ts";
import { ROOM_VIEWER, viewDelta, type FullDelta } from "./delta.ts";
import { liveRowOf } from "../live/rows.ts";
import type { SpeakerRow } from "../live/schema.ts";
import type { VoteRow } from "../votes/schema.ts";
import { assembleSnapshot, type AgendaItemRow, type DocumentRow, type MeetingRow, type MeetingSnapshot, type ParticipantRow, type Viewer } from "./view.ts";
import { etagMatches } from "../http/etag.ts";

// The meeting, its chair and approver, the actor's own participation, and when any user last changed: names and
// titles are shown but bump no meeting version, so they go into the ETag instead (User.updatedAt is indexed).
const meetingQuery = (meetingId: string, actorId: string) => sql`
  SELECT m."id", m."title", m."kind", m."status", m."startsAt", m."endsAt", m."location", m."version",
         m."chairId", c."name" AS "chairName", m."approverId", a."name" AS "approverName",
         m."reviewComment", m."currentAgendaItemId", m."publishedAt",
         p."id" AS "participantId", p."role" AS "participantRole", p."mayVote" AS "participantMayVote",
         p."lastSeenVersion" AS "lastSeenVersion",
         EXISTS (SELECT 1 FROM "Participant" d WHERE d."meetingId" = m."id" AND d."deputyUserId" = ${actorId}
                 AND d."rsvp" = 'DELEGATE' AND d."userId" <> ${actorId}) AS "represents",
         EXISTS (SELECT 1 FROM "Participant" d WHERE d."meetingId" = m."id" AND d."deputyUserId" = ${actorId}
                 AND d."rsvp" = 'DELEGATE' AND d."userId" <> ${actorId}
                 AND d."checkedInAt" IS NOT NULL AND d."checkedInDeputy" = ${dbBool(true)}) AS "deputySeatCheckedIn",
         (SELECT MAX(u."updatedAt") FROM "User" u) AS "usersChangedAt"
  FROM "Meeting" m
  LEFT JOIN "User" c ON c."id" = m."chairId"
  LEFT JOIN "User" a ON a."id" = m."approverId"
  LEFT JOIN "Participant" p ON p."meetingId" = m."id" AND p."userId" = ${actorId}
  WHERE m."id" = ${meetingId}`;

const itemsQuery = (meetingId: string) => sql`
  SELECT i."id", i."parentId", i."position", i."title", i."description", i."plannedMinutes", i."status",
         i."changedAtVersion", i."presenterId", u."name" AS "presenterName"
  FROM "AgendaItem" i
  LEFT JOIN "User" u ON u."id" = i."presenterId"
  WHERE i."meetingId" = ${meetingId}`;

/** Every paper with its latest version; who may see which is the policy's decision (viewDelta). */
const documentsQuery = (meetingId: string) => sql`
  SELECT d."id", d."title", d."confidentiality", d."restricted", d."agendaItemId", d."changedAtVersion", d."createdAt",
         v."id" AS "versionId", v."number", v."pageCount", v."size", v."fileName", v."createdAt" AS "versionCreatedAt"
  FROM "Document" d
  LEFT JOIN "DocumentVersion" v ON v."documentId" = d."id"
    AND v."number" = (SELECT MAX(v2."number") FROM "DocumentVersion" v2 WHERE v2."documentId" = d."id")
  WHERE d."meetingId" = ${meetingId}`;

const accessQuery = (meetingId: string) => sql`
  SELECT da."documentId", da."userId"
  FROM "DocumentAccess" da
  JOIN "Document" d ON d."id" = da."documentId"
  WHERE d."meetingId" = ${meetingId}`;

const participantsQuery = (meetingId: string) => sql`
  SELECT p."id", p."userId", u."name", u."title", p."role", p."mayVote", p."rsvp", p."rsvpReason", p."deputyName",
         p."deputyUserId", p."checkedInAt", p."checkedInDeputy", p."createdAt"
  FROM "Participant" p
  JOIN "User" u ON u."id" = p."userId"
  WHERE p."meetingId" = ${meetingId}`;

/** The running meeting's state (no row: never run). */
const liveQuery = (meetingId: string) => sql`
  SELECT l.*, u."name" AS "presenterName"
  FROM "MeetingLive" l
  LEFT JOIN "User" u ON u."id" = l."presenterUserId"
  WHERE l."meetingId" = ${meetingId}`;

const speakersQuery = (meetingId: string) => sql`
  SELECT s."id", s."agendaItemId", s."userId", u."name", s."onBehalfOfId", o."name" AS "onBehalfOfName", s."kind", s."status",
         s."position", s."requestedAt", s."startedAt", s."endedAt"
  FROM "SpeakerRequest" s
  JOIN "User" u ON u."id" = s."userId"
  LEFT JOIN "User" o ON o."id" = s."onBehalfOfId"
  WHERE s."meetingId" = ${meetingId}`;
const votesQuery = (meetingId: string) => sql`
  SELECT v."id", v."agendaItemId", v."question", v."options", v."standardOptions", v."ballotKind", v."rule", v."allowChange",
         v."allowRemote", v."hideCounts", v."durationSeconds", v."closesAt", v."status", v."openedAt", v."closedAt",
         v."result", v."createdAt"
  FROM "Vote" v
  WHERE v."meetingId" = ${meetingId}`;

// Prisma keeps DateTime in SQLite as "2026-11-26T01:00:00.000+00:00": the same instant's JSON form is a slice away,
// without a Date per column (a snapshot has dozens, and Next wraps Date in production).
const UTC_TEXT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const iso = (v: unknown) => (typeof v === "string" && UTC_TEXT.test(v) ? `${v.slice(0, 23)}Z` : asDate(v).toISOString());
const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const named = (id: unknown, name: unknown) => (id ? { id: str(id), name: str(name) } : null);

export function resourceOf(m: Row): MeetingResource {
  return {
    id: str(m.id),
    status: m.status as MeetingStatus,
    chairId: strOrNull(m.chairId),
    approverId: strOrNull(m.approverId),
    publishedAt: isoOrNull(m.publishedAt),
    participant: m.participantId ? { role: m.participantRole as MeetingRole, mayVote: asBool(m.participantMayVote) } : null,
    represents: asBool(m.represents),
    deputySeatCheckedIn: asBool(m.deputySeatCheckedIn),
  };
}

function meetingRow(m: Row): MeetingRow {
  return {
    id: str(m.id),
    title: str(m.title),
    kind: m.kind as MeetingRow["kind"],
    status: m.status as MeetingRow["status"],
    startsAt: iso(m.startsAt),
    endsAt: iso(m.endsAt),
    location: str(m.location),
    version: Number(m.version),
    chair: named(m.chairId, m.chairName),
    approver: named(m.approverId, m.approverName),
    reviewComment: strOrNull(m.reviewComment),
    currentAgendaItemId: strOrNull(m.currentAgendaItemId),
    publishedAt: isoOrNull(m.publishedAt),
  };
}

const itemRow = (i: Row): AgendaItemRow => ({
  id: str(i.id),
  parentId: strOrNull(i.parentId),
  position: Number(i.position),
  title: str(i.title),
  description: str(i.description),
  plannedMinutes: Number(i.plannedMinutes),
  status: str(i.status),
  changedAtVersion: Number(i.changedAtVersion),
  presenter: named(i.presenterId, i.presenterName),
});

function documentRows(documents: Row[], access: Row[]): Required<DocumentRow>[] {
  const allowed = new Map<string, string[]>();
  for (const a of access) {
    const list = allowed.get(str(a.documentId));
    if (list) list.push(str(a.userId));
    else allowed.set(str(a.documentId), [str(a.userId)]);
  }
  return documents.map((d) => ({
    id: str(d.id),
    title: str(d.title),
    confidentiality: str(d.confidentiality),
    restricted: asBool(d.restricted),
    agendaItemId: strOrNull(d.agendaItemId),
    changedAtVersion: Number(d.changedAtVersion),
    createdAt: iso(d.createdAt),
    allowedUserIds: (allowed.get(str(d.id)) ?? []).sort(), // as rows.ts has them (code-unit order in every database)
    version: d.versionId
      ? { id: str(d.versionId), number: Number(d.number), pageCount: Number(d.pageCount), size: Number(d.size), fileName: str(d.fileName), createdAt: iso(d.versionCreatedAt) }
      : null,
  }));
}

/** JSON columns: text in SQLite, already parsed in PostgreSQL. */
const json = <T,>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

const voteRow = (v: Row): VoteRow => ({
  id: str(v.id),
  agendaItemId: strOrNull(v.agendaItemId),
  question: str(v.question),
  options: json<string[]>(v.options),
  standardOptions: asBool(v.standardOptions),
  ballotKind: v.ballotKind as VoteRow["ballotKind"],
  rule: json<VoteRow["rule"]>(v.rule),
  allowChange: asBool(v.allowChange),
  allowRemote: asBool(v.allowRemote),
  hideCounts: asBool(v.hideCounts),
  durationSeconds: v.durationSeconds === null || v.durationSeconds === undefined ? null : Number(v.durationSeconds),
  closesAt: isoOrNull(v.closesAt),
  status: v.status as VoteRow["status"],
  openedAt: isoOrNull(v.openedAt),
  closedAt: isoOrNull(v.closedAt),
  result: v.result === null || v.result === undefined ? null : json<VoteRow["result"]>(v.result),
  createdAt: iso(v.createdAt),
});

const participantRow = (p: Row): ParticipantRow => ({
  id: str(p.id),
  user: { id: str(p.userId), name: str(p.name), title: strOrNull(p.title) },
  role: p.role as ParticipantRow["role"],
  mayVote: asBool(p.mayVote),
  rsvp: str(p.rsvp),
  rsvpReason: strOrNull(p.rsvpReason),
  deputyName: strOrNull(p.deputyName),
  deputyUserId: strOrNull(p.deputyUserId),
  checkedInAt: isoOrNull(p.checkedInAt),
  checkedInDeputy: asBool(p.checkedInDeputy),
  createdAt: iso(p.createdAt),
});

const speakerRow = (s: Row): SpeakerRow => ({
  id: str(s.id),
  agendaItemId: strOrNull(s.agendaItemId),
  user: { id: str(s.userId), name: str(s.name) },
  onBehalfOf: named(s.onBehalfOfId, s.onBehalfOfName),
  kind: s.kind as SpeakerRow["kind"],
  status: s.status as SpeakerRow["status"],
  position: Number(s.position),
  requestedAt: iso(s.requestedAt),
  startedAt: isoOrNull(s.startedAt),
  endedAt: isoOrNull(s.endedAt),
});

const liveRow = (currentItemId: string | null, l: Row | undefined) =>
  liveRowOf(currentItemId, l ? {
    startedAt: isoOrNull(l.startedAt),
    pausedAt: isoOrNull(l.pausedAt),
    closedAt: isoOrNull(l.closedAt),
    pausedMs: Number(l.pausedMs),
    itemRunningSince: isoOrNull(l.itemRunningSince),
    itemSpentMs: l.itemSpentMs,
    quorumRule: str(l.quorumRule),
    quorumCountsDeputies: asBool(l.quorumCountsDeputies),
    deputiesVote: asBool(l.deputiesVote),
    speakingLimitSeconds: l.speakingLimitSeconds === null || l.speakingLimitSeconds === undefined ? null : Number(l.speakingLimitSeconds),
    presenter: named(l.presenterUserId, l.presenterName),
    shownDocumentId: strOrNull(l.shownDocumentId),
    shownPage: Number(l.shownPage),
    displayTokenHash: strOrNull(l.displayTokenHash),
  } : null);

/**
 * What this actor's snapshot depends on besides the meeting version: who asks (papers, `me`, permissions and the
 * viewer differ per actor and system role), their own participation, and the users' names and titles. Weak: the
 * body is JSON that a proxy may re-encode.
 */
function etagOf(actor: Actor, m: Row): string {
  const parts = [actor.id, actor.role, m.participantId, m.participantRole, asBool(m.participantMayVote), asBool(m.represents), asBool(m.deputySeatCheckedIn),
    m.usersChangedAt === null ? null : asDate(m.usersChangedAt).getTime()];
  return `W/"${m.version}-${crypto.createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 16)}"`;
}

export interface SnapshotRead {
  etag: string;
  /** null: not modified (the `ifNoneMatch` given is current). */
  snapshot: MeetingSnapshot | null;
  /** The version this participant had seen when they last left the page (0 for none, or not a participant). */
  lastSeenVersion: number;
}

/** The meeting's rows, mapped, the same for every viewer (each viewer's cut is made from them). */
interface MeetingContent {
  items: AgendaItemRow[];
  documents: Required<DocumentRow>[];
  participants: ParticipantRow[];
  live: Row | undefined;
  speakers: SpeakerRow[];
  votes: VoteRow[];
}

/**
 * The last content read per meeting, keyed by what the ETag rests on: every change to what a snapshot shows bumps the
 * meeting's version, or a user's updatedAt (names, titles). So when a room of tablets fetches the same version (a
 * page load each, a reconnect storm), the rows are read and mapped once; each request still reads its own meeting
 * row (policy, participation) and makes its own cut. Bounded: the most recently read meetings only.
 */
const contents = new Map<string, { key: string; content: MeetingContent }>();
const CONTENTS_KEPT = 64;
const contentKey = (m: Row) => `${m.version}|${m.usersChangedAt ?? ""}`;

/** Every row of the meeting (and the asking user's participation), consistent with one version. */
function readSnapshotRows(meetingId: string, actorId: string): ({ m: Row } & MeetingContent) | null {
  const [[head]] = readConsistent([meetingQuery(meetingId, actorId)]);
  if (!head) return null;
  const kept = contents.get(meetingId);
  if (kept?.key === contentKey(head)) return { m: head, ...kept.content };
  // One transaction for all: the version in the snapshot is the version of its content.
  const [[m], items, documents, access, participants, [live], speakers, votes] = readConsistent([
    meetingQuery(meetingId, actorId),
    itemsQuery(meetingId),
    documentsQuery(meetingId),
    accessQuery(meetingId),
    participantsQuery(meetingId),
    liveQuery(meetingId),
    speakersQuery(meetingId),
    votesQuery(meetingId),
  ]);
  if (!m) return null;
  const content: MeetingContent = {
    items: items.map(itemRow),
    documents: documentRows(documents, access),
    participants: participants.map(participantRow),
    live,
    speakers: speakers.map(speakerRow),
    votes: votes.map(voteRow),
  };
  contents.delete(meetingId);
  contents.set(meetingId, { key: contentKey(m), content });
  if (contents.size > CONTENTS_KEPT) contents.delete(contents.keys().next().value!);
  return { m, ...content };
}

function cutSnapshot(r: NonNullable<ReturnType<typeof readSnapshotRows>>, viewer: Viewer): MeetingSnapshot {
  // The same cut the live events get, so a client applying them stays equal to a fresh snapshot.
  const visible = viewDelta({ meeting: meetingRow(r.m), documents: r.documents }, viewer);
  return assembleSnapshot({
    viewer,
    meeting: visible.meeting!,
    items: r.items,
    documents: visible.documents ?? [],
    participants: r.participants,
    live: liveRow(strOrNull(r.m.currentAgendaItemId), r.live),
    speakers: r.speakers,
    votes: r.votes,
  });
}

/**
 * The room's view of a meeting (what every participant may see, as the meeting room's events carry it), for the
 * room display. No actor: the caller has checked the display token (lib/live/display.ts).
 */
export function readRoomSnapshot(meetingId: string): MeetingSnapshot {
  const read = readSnapshotRows(meetingId, "");
  if (!read) throw notFound();
  return cutSnapshot(read, ROOM_VIEWER);
}

/** The meeting's own row with the actor's participation, when the policy lets the actor see the meeting (else NOT_FOUND). */
function visibleMeetingRow(actor: Actor, meetingId: string): Row {
  const [[m]] = readConsistent([meetingQuery(meetingId, actor.id)]);
  if (!m || !can(actor, "meeting.view", resourceOf(m))) throw notFound();
  return m;
}

/**
 * What the policy needs to judge this actor on this meeting (lib/meetings/access.ts loads the same through Prisma
 * inside write transactions), with the meeting's title and version (what a page about one of its papers shows and
 * keys on), from one prepared statement; null when there is no such meeting.
 */
export function readMeetingHead(actorId: string, meetingId: string): { resource: MeetingResource; title: string; version: number } | null {
  const [[m]] = readConsistent([meetingQuery(meetingId, actorId)]);
  return m ? { resource: resourceOf(m), title: str(m.title), version: Number(m.version) } : null;
}

/**
 * What the meeting page itself shows before its live view loads the snapshot: the title, and the version this
 * participant had seen when they last left (0 for none). One row read; the policy decides as for the snapshot.
 */
export async function readMeetingEntry(actor: Actor, meetingId: string): Promise<{ title: string; lastSeenVersion: number }> {
  const m = visibleMeetingRow(actor, meetingId);
  return { title: str(m.title), lastSeenVersion: Number(m.lastSeenVersion ?? 0) };
}

/**
 * The snapshot, its ETag, and the actor's "seen" mark. With `ifNoneMatch` equal to the current ETag only the
 * meeting row is read and `snapshot` is null. The policy is checked either way: a 304 never answers someone who
 * may no longer see the meeting.
 */
export async function readMeetingSnapshot(actor: Actor, meetingId: string, ifNoneMatch?: string | null): Promise<SnapshotRead> {
  if (ifNoneMatch) {
    const m = visibleMeetingRow(actor, meetingId);
    const etag = etagOf(actor, m);
    if (etagMatches(ifNoneMatch, etag)) return { etag, snapshot: null, lastSeenVersion: Number(m.lastSeenVersion ?? 0) };
  }
  const read = readSnapshotRows(meetingId, actor.id);
  if (!read || !can(actor, "meeting.view", resourceOf(read.m))) throw notFound();
  const { m } = read;
  const snapshot = cutSnapshot(read, { id: actor.id, role: actor.role });
  return { etag: etagOf(actor, m), snapshot, lastSeenVersion: Number(m.lastSeenVersion ?? 0) };
}

/** What a change touched (lib/meetings/change.ts Touched), as row ids per kind. */
export interface TouchedIds {
  meeting?: boolean;
  items?: string[];
  documents?: string[];
  participants?: string[];
  live?: boolean;
  speakers?: string[];
  votes?: string[];
}

/** `statement` narrowed to the rows whose `column` is one of `ids`. */
function whereIn(statement: Statement, column: string, ids: string[]): Statement {
  return { sql: `${statement.sql} AND ${column} IN (${ids.map(() => "?").join(", ")})`, params: [...statement.params, ...ids] };
}

/**
 * The rows a change touched, as they are now, read on `w` inside the change's transaction: the same statements and
 * mapping as the snapshot, so a client applying the event's rows ends where a fresh snapshot would.
 */
export function readTouchedRows(w: Writer, meetingId: string, t: TouchedIds): FullDelta {
  const full: FullDelta = {};
  const some = (ids?: string[]) => (ids?.length ? [...new Set(ids)] : null);
  const m = t.meeting || t.live ? w.get(meetingQuery(meetingId, "")) : undefined;
  if (t.meeting) full.meeting = meetingRow(m!);
  const items = some(t.items);
  if (items) full.items = w.all(whereIn(itemsQuery(meetingId), `i."id"`, items)).map(itemRow);
  const documents = some(t.documents);
  if (documents) {
    full.documents = documentRows(w.all(whereIn(documentsQuery(meetingId), `d."id"`, documents)), w.all(whereIn(accessQuery(meetingId), `da."documentId"`, documents)));
  }
  const participants = some(t.participants);
  if (participants) full.participants = w.all(whereIn(participantsQuery(meetingId), `p."id"`, participants)).map(participantRow);
  if (t.live) full.live = liveRow(strOrNull(m!.currentAgendaItemId), w.get(liveQuery(meetingId)));
  const speakers = some(t.speakers);
  if (speakers) full.speakers = w.all(whereIn(speakersQuery(meetingId), `s."id"`, speakers)).map(speakerRow);
  const votes = some(t.votes);
  if (votes) full.votes = w.all(whereIn(votesQuery(meetingId), `v."id"`, votes)).map(voteRow);
  return full;
}

/** The meeting as the policy judges it for this actor, with its version and current item (null: no such meeting). */
export function meetingForChange(w: Writer, meetingId: string, actorId: string) {
  const m = w.get(meetingQuery(meetingId, actorId));
  return m ? { ...resourceOf(m), version: Number(m.version), currentAgendaItemId: strOrNull(m.currentAgendaItemId) } : null;
}
export type MeetingForChange = NonNullable<ReturnType<typeof meetingForChange>>;

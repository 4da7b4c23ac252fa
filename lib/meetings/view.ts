// What a meeting page shows, in one shape shared by server and browser: flat rows (as the database has them, in
// JSON form) and the pure `assembleSnapshot` that turns them into the agenda tree a viewer sees. The server builds
// snapshots with it; the browser applies event deltas to the rows and assembles again, so both always agree.
import { z } from "zod";
import { can, type MeetingResource, type MeetingRole, type MeetingStatus, type Principal, type SystemRole } from "../policy/index.ts";
import { liveRowSchema, speakerRowSchema, type LiveRow, type SpeakerRow } from "../live/schema.ts";
import { voteRowSchema, type VoteRow } from "../votes/schema.ts";
import { attendsFor, speaksFor } from "../live/attendance.ts";
import { systemRole } from "../users/schema.ts";

const iso = z.string();
const person = z.object({ id: z.string(), name: z.string() });

export const meetingRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["REGULAR", "EXTRAORDINARY", "THEMATIC"]),
  status: z.enum(["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS", "CLOSED", "CANCELLED"]),
  startsAt: iso,
  endsAt: iso,
  location: z.string(),
  version: z.number().int(),
  chair: person.nullable(),
  approver: person.nullable(),
  /** Only for those who review or prepare the meeting; null for everyone else. */
  reviewComment: z.string().nullable(),
  currentAgendaItemId: z.string().nullable(),
  publishedAt: iso.nullable(),
});

export const agendaItemRowSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  title: z.string(),
  description: z.string(),
  plannedMinutes: z.number().int(),
  status: z.string(),
  changedAtVersion: z.number().int(),
  presenter: person.nullable(),
});

export const documentRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  confidentiality: z.string(),
  restricted: z.boolean(),
  agendaItemId: z.string().nullable(),
  changedAtVersion: z.number().int(),
  createdAt: iso,
  /** Who may see a restricted paper: only sent to the secretariat, who manage it. */
  allowedUserIds: z.array(z.string()).optional(),
  version: z
    .object({ id: z.string(), number: z.number().int(), pageCount: z.number().int(), size: z.number().int(), fileName: z.string(), createdAt: iso })
    .nullable(),
});

export const participantRowSchema = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }),
  role: z.enum(["CHAIR", "SECRETARY", "MEMBER", "OBSERVER"]),
  mayVote: z.boolean(),
  rsvp: z.string(),
  rsvpReason: z.string().nullable(),
  deputyName: z.string().nullable(),
  /** The deputy's account, when the answer named one (that user may then check in for this seat). */
  deputyUserId: z.string().nullable(),
  /** Attendance (lib/live/attendance.ts): when they were checked in, and whether it is their deputy who came. */
  checkedInAt: iso.nullable(),
  checkedInDeputy: z.boolean(),
  createdAt: iso,
});

export type MeetingRow = z.infer<typeof meetingRowSchema>;
export type AgendaItemRow = z.infer<typeof agendaItemRowSchema>;
export type DocumentRow = z.infer<typeof documentRowSchema>;
export type DocumentSummary = DocumentRow;
export type ParticipantRow = z.infer<typeof participantRowSchema>;
export interface Viewer {
  id: string;
  role: SystemRole;
}

/** Everything a meeting page shows, before assembly: what the browser keeps and event deltas change. */
export interface MeetingRows {
  viewer: Viewer;
  meeting: MeetingRow;
  items: AgendaItemRow[];
  documents: DocumentRow[];
  participants: ParticipantRow[];
  /** The running meeting: state, timers' timestamps, presenter (lib/live). */
  live: LiveRow;
  /** Every request to speak of the meeting: the queue, who speaks, and the record kept for the minutes. */
  speakers: SpeakerRow[];
  /** Planned, open and closed votes (progress and ballots travel apart: lib/votes). */
  votes: VoteRow[];
}

export interface AgendaNode extends AgendaItemRow {
  documents: DocumentRow[];
  children: AgendaNode[];
}

const byPosition = (a: AgendaItemRow, b: AgendaItemRow) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byRequested = (a: SpeakerRow, b: SpeakerRow) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCreated = <T extends { createdAt: string; id: string }>(a: T, b: T) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const sortedCopy = <T,>(list: readonly T[], order: (a: T, b: T) => number): T[] => [...list].sort(order);
const EMPTY = Object.freeze([]) as never[];
const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The viewer's own participation, as the policy needs it. */
function participation(rows: MeetingRows) {
  const p = rows.participants.find((x) => x.user.id === rows.viewer.id);
  return p ? { participantId: p.id, role: p.role as MeetingRole, mayVote: p.mayVote, rsvp: p.rsvp, rsvpReason: p.rsvpReason, deputyName: p.deputyName, deputyUserId: p.deputyUserId } : null;
}

/**
 * The agenda as a tree with each item's papers. With the tree before (`prev`), a node whose item row, papers and
 * children are all unchanged is the same object as before, so a rename allocates the renamed node and its ancestors
 * only, and React skips the rest.
 */
function agendaTree(items: readonly AgendaItemRow[], allDocuments: readonly DocumentRow[], prev?: Assembled["tree"]) {
  const documents = sortedCopy(allDocuments, byCreated);
  const papers = new Map<string, DocumentRow[]>();
  const meetingDocuments: DocumentRow[] = [];
  const ids = new Set(items.map((i) => i.id));
  for (const d of documents) {
    if (d.agendaItemId && ids.has(d.agendaItemId)) {
      const list = papers.get(d.agendaItemId);
      if (list) list.push(d);
      else papers.set(d.agendaItemId, [d]);
    } else meetingDocuments.push(d);
  }
  const children = new Map<string | null, AgendaItemRow[]>();
  for (const i of sortedCopy(items, byPosition)) {
    const parent = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    const list = children.get(parent);
    if (list) list.push(i);
    else children.set(parent, [i]);
  }
  const sources = new Map<AgendaNode, AgendaItemRow>();
  const build = (parentId: string | null): AgendaNode[] =>
    (children.get(parentId) ?? EMPTY).map((item) => {
      const kids = build(item.id);
      const docs = papers.get(item.id) ?? EMPTY;
      const old = prev?.nodes.get(item.id);
      if (old && prev!.sources.get(old) === item && sameItems(old.documents, docs) && sameItems(old.children, kids)) {
        sources.set(old, item);
        return old;
      }
      // Object.assign, not `{ ...i, documents, children }`: in Node 20's V8, a spread followed by new keys takes a
      // slow path (~5 µs per object against ~0.25 µs).
      const node: AgendaNode = Object.assign({}, item, { documents: docs, children: kids });
      sources.set(node, item);
      return node;
    });
  const agenda = build(null);
  const nodes = new Map<string, AgendaNode>();
  for (const [node, item] of sources) nodes.set(item.id, node);
  return {
    agenda: prev && sameItems(prev.agenda, agenda) ? prev.agenda : agenda,
    meetingDocuments: prev && sameItems(prev.meetingDocuments, meetingDocuments) ? prev.meetingDocuments : meetingDocuments,
    nodes,
    sources,
  };
}

/**
 * The tree before with some items' own fields changed (a rename, a new status or presenter), when nothing moved: the
 * same papers, the same items, each at the same place under the same parent. The changed nodes and their ancestors
 * are new objects, every other node is kept; null when the change is of another kind (agendaTree then rebuilds).
 * This is the tablet's most frequent event, and the tree's sort and regrouping cost most of applying it.
 */
function patchTree(items: readonly AgendaItemRow[], prev: Assembled["tree"]): Assembled["tree"] | null {
  if (items.length !== prev.nodes.size) return null;
  const changed = new Map<string, AgendaItemRow>();
  for (const item of items) {
    const old = prev.nodes.get(item.id);
    if (!old) return null;
    const before = prev.sources.get(old)!;
    if (before === item) continue;
    if (before.position !== item.position || before.parentId !== item.parentId) return null;
    changed.set(item.id, item);
  }
  if (changed.size === 0) return prev;
  // The changed items and their ancestors (a parent id that names no item puts an item at the top, as in agendaTree).
  const dirty = new Set<string>();
  for (const id of changed.keys()) {
    for (let at: string | null = id; at !== null && !dirty.has(at); ) {
      dirty.add(at);
      const parentId: string | null = prev.sources.get(prev.nodes.get(at)!)!.parentId;
      at = parentId !== null && prev.nodes.has(parentId) ? parentId : null;
    }
  }
  const nodes = new Map(prev.nodes);
  const sources = new Map(prev.sources);
  const rebuild = (node: AgendaNode): AgendaNode => {
    if (!dirty.has(node.id)) return node;
    const item = changed.get(node.id) ?? prev.sources.get(node)!;
    const kids = node.children.some((c) => dirty.has(c.id)) ? node.children.map(rebuild) : node.children;
    const fresh: AgendaNode = Object.assign({}, item, { documents: node.documents, children: kids });
    sources.delete(node);
    sources.set(fresh, item);
    nodes.set(item.id, fresh);
    return fresh;
  };
  return { agenda: prev.agenda.map(rebuild), meetingDocuments: prev.meetingDocuments, nodes, sources };
}

/** A snapshot with what it was made from, so the next one can keep what did not change (a tablet, per event). */
export interface Assembled {
  rows: MeetingRows;
  me: ReturnType<typeof participation>;
  /** Whether a participant's answer names the viewer as their deputy. */
  represents: boolean;
  /** Whether the viewer is checked in as that deputy now. */
  deputySeatCheckedIn: boolean;
  snapshot: MeetingSnapshot;
  tree: { agenda: AgendaNode[]; meetingDocuments: DocumentRow[]; nodes: Map<string, AgendaNode>; sources: Map<AgendaNode, AgendaItemRow> };
}

/**
 * The snapshot a viewer sees, from their rows. `prev`: the one before (a tablet applying an event); lists, the tree's
 * nodes, one's own participation and the permissions are kept where their inputs are the same objects.
 */
export function assembleRows(rows: MeetingRows, prev?: Assembled): Assembled {
  const { meeting, viewer } = rows;
  const before = prev?.rows;
  const keep = <K extends keyof MeetingRows>(k: K) => before !== undefined && before[k] === rows[k];
  const tree = !keep("documents") ? agendaTree(rows.items, rows.documents, prev?.tree)
    : keep("items") ? prev!.tree
    : (patchTree(rows.items, prev!.tree) ?? agendaTree(rows.items, rows.documents, prev!.tree));
  const me = keep("participants") ? prev!.me : participation(rows);
  const represents = keep("participants") ? prev!.represents : rows.participants.some((p) => attendsFor(p, viewer.id));
  const deputySeatCheckedIn = keep("participants") ? prev!.deputySeatCheckedIn : rows.participants.some((p) => speaksFor(p, viewer.id));
  const resource = {
    id: meeting.id,
    status: meeting.status as MeetingStatus,
    chairId: meeting.chair?.id ?? null,
    approverId: meeting.approver?.id ?? null,
    publishedAt: meeting.publishedAt,
    participant: me && { role: me.role, mayVote: me.mayVote },
    represents,
    deputySeatCheckedIn,
  };
  const presenterUserId = rows.live.presenter?.id ?? null;
  const old = prev?.snapshot;
  const samePolicyInputs = old !== undefined && keep("participants") && old.meeting.status === meeting.status
    && (old.meeting.chair?.id ?? null) === resource.chairId && (old.meeting.approver?.id ?? null) === resource.approverId
    && old.meeting.publishedAt === meeting.publishedAt && (old.live.presenter?.id ?? null) === presenterUserId;
  const snapshot = compose(rows, {
    agenda: tree.agenda,
    meetingDocuments: tree.meetingDocuments,
    participants: keep("participants") ? old!.participants : sortedCopy(rows.participants, byCreated),
    speakers: keep("speakers") ? old!.speakers : sortedCopy(rows.speakers, byRequested),
    votes: keep("votes") ? old!.votes : sortedCopy(rows.votes, byCreated),
    me,
    permissions: samePolicyInputs ? old.permissions : permissionsOf({ id: viewer.id, role: viewer.role }, resource, presenterUserId),
  });
  return { rows, me, represents, deputySeatCheckedIn, snapshot, tree };
}

function permissionsOf(actor: Principal, resource: MeetingResource, presenterUserId: string | null) {
  return {
    edit: can(actor, "meeting.edit", resource),
    submit: can(actor, "meeting.submit", resource),
    review: can(actor, "meeting.review", resource),
    publish: can(actor, "meeting.publish", resource),
    cancel: can(actor, "meeting.cancel", resource),
    rsvp: can(actor, "meeting.rsvp", resource),
    nameDeputy: can(actor, "participant.nameDeputy", resource),
    run: can(actor, "meeting.run", resource),
    present: can(actor, "live.present", { ...resource, presenterUserId }),
    checkIn: can(actor, "attendance.checkIn", resource),
    checkInDeputy: can(actor, "attendance.checkInDeputy", resource),
    speak: can(actor, "speaker.request", resource),
  };
}

/** The snapshot's shape (MeetingSnapshot). */
function compose(
  rows: MeetingRows,
  parts: {
    agenda: AgendaNode[];
    meetingDocuments: DocumentRow[];
    participants: ParticipantRow[];
    speakers: SpeakerRow[];
    votes: VoteRow[];
    me: ReturnType<typeof participation>;
    permissions: ReturnType<typeof permissionsOf>;
  },
) {
  const { me } = parts;
  return {
    viewer: rows.viewer,
    meeting: rows.meeting,
    agenda: parts.agenda,
    meetingDocuments: parts.meetingDocuments,
    participants: parts.participants,
    live: rows.live,
    speakers: parts.speakers,
    votes: parts.votes,
    // Their own stored answer in full, so the invitation form shows (and can re-send) what they said.
    me: me && { participantId: me.participantId, role: me.role, rsvp: me.rsvp, rsvpReason: me.rsvpReason, deputyName: me.deputyName, deputyUserId: me.deputyUserId },
    permissions: parts.permissions,
  };
}

export function assembleSnapshot(rows: MeetingRows) {
  return assembleRows(rows).snapshot;
}
export type MeetingSnapshot = ReturnType<typeof compose>;

const agendaNodeSchema = agendaItemRowSchema.extend({
  documents: z.array(documentRowSchema),
  get children(): z.ZodArray<typeof agendaNodeSchema> {
    return z.array(agendaNodeSchema);
  },
});

/** A snapshot as the API answers it (GET /meetings/{meetingId}): the declared shape of MeetingSnapshot. */
export const meetingSnapshotSchema = z.object({
  viewer: z.object({ id: z.string(), role: systemRole }),
  meeting: meetingRowSchema,
  agenda: z.array(agendaNodeSchema),
  meetingDocuments: z.array(documentRowSchema),
  participants: z.array(participantRowSchema),
  live: liveRowSchema,
  speakers: z.array(speakerRowSchema),
  votes: z.array(voteRowSchema),
  me: z
    .object({
      participantId: z.string(),
      role: participantRowSchema.shape.role,
      rsvp: z.string(),
      rsvpReason: z.string().nullable(),
      deputyName: z.string().nullable(),
      deputyUserId: z.string().nullable(),
    })
    .nullable(),
  permissions: z.object({
    edit: z.boolean(), submit: z.boolean(), review: z.boolean(), publish: z.boolean(), cancel: z.boolean(), rsvp: z.boolean(),
    nameDeputy: z.boolean(), run: z.boolean(), present: z.boolean(), checkIn: z.boolean(), checkInDeputy: z.boolean(), speak: z.boolean(),
  }),
});

/** The rows behind a snapshot (the browser starts from the server-rendered snapshot). */
export function snapshotRows(s: MeetingSnapshot): MeetingRows {
  const items: AgendaItemRow[] = [];
  const documents: DocumentRow[] = [...s.meetingDocuments];
  const walk = (nodes: AgendaNode[]) => {
    for (const { documents: docs, children, ...item } of nodes) {
      items.push(item);
      documents.push(...docs);
      walk(children);
    }
  };
  walk(s.agenda);
  return { viewer: s.viewer, meeting: s.meeting, items, documents, participants: s.participants, live: s.live, speakers: s.speakers, votes: s.votes };
}

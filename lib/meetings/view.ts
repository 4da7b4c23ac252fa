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
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The indexes at which `list` holds another row than `before`, when each such row takes its predecessor's place
 * (`samePlace`: the same id, and the same place in what is made from the list); null when the change is of another
 * kind (rows added, removed or moved). Rows keep their indexes through applyDelta, so this is how a tablet sees what
 * an event replaced without looking anything up.
 */
function replacedAt<T>(list: readonly T[], before: readonly T[], samePlace: (a: T, b: T) => boolean): number[] | null {
  if (list === before) return EMPTY;
  if (list.length !== before.length) return null;
  let out: number[] = EMPTY;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === before[i]) continue;
    if (!samePlace(list[i], before[i])) return null;
    if (out === EMPTY) out = [];
    out.push(i);
  }
  return out;
}

/**
 * `list` sorted, from `before` and its sorted copy `sorted`: when rows were replaced in place by rows that sort the
 * same, or added at the end, the copy with those put in (no sort); otherwise sorted anew. Equal to sortedCopy(list).
 */
function resorted<T>(list: readonly T[], order: (a: T, b: T) => number, before?: readonly T[], sorted?: T[]): T[] {
  if (before === undefined || sorted === undefined) return sortedCopy(list, order);
  if (list === before) return sorted;
  if (list.length < before.length) return sortedCopy(list, order);
  let out: T[] | null = null;
  for (let i = 0; i < before.length; i++) {
    if (list[i] === before[i]) continue;
    if (order(list[i], before[i]) !== 0) return sortedCopy(list, order);
    out ??= sorted.slice();
    out[out.indexOf(before[i])] = list[i];
  }
  for (let i = before.length; i < list.length; i++) {
    out ??= sorted.slice();
    let lo = 0;
    for (let hi = out.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (order(out[mid], list[i]) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, list[i]);
  }
  return out ?? sorted;
}

/** The viewer's own participation, as the policy needs it. */
function participation(rows: MeetingRows) {
  const p = rows.participants.find((x) => x.user.id === rows.viewer.id);
  return p ? { participantId: p.id, role: p.role as MeetingRole, mayVote: p.mayVote, rsvp: p.rsvp, rsvpReason: p.rsvpReason, deputyName: p.deputyName, deputyUserId: p.deputyUserId } : null;
}

function allParticipantFacts(rows: MeetingRows): Pick<Assembled, "me" | "represents" | "deputySeatCheckedIn"> {
  const viewerId = rows.viewer.id;
  return { me: participation(rows), represents: rows.participants.some((p) => attendsFor(p, viewerId)), deputySeatCheckedIn: rows.participants.some((p) => speaksFor(p, viewerId)) };
}

/**
 * What the viewer's permissions need from the participants: their own participation, and whether an answer names
 * them as deputy (and they are checked in for that seat). From the facts before (`prev`), only the rows an event
 * replaced in place or added are looked at, unless the row replaced was the viewer's own or named them.
 */
function participantFacts(rows: MeetingRows, prev?: Assembled): Pick<Assembled, "me" | "represents" | "deputySeatCheckedIn"> {
  const list = rows.participants;
  const viewerId = rows.viewer.id;
  if (!prev) return allParticipantFacts(rows);
  const before = prev.rows.participants;
  let { me, represents, deputySeatCheckedIn } = prev;
  if (list === before) return { me, represents, deputySeatCheckedIn };
  if (list.length < before.length) return allParticipantFacts(rows);
  for (let i = 0; i < list.length; i++) {
    const now = list[i];
    const was: ParticipantRow | undefined = before[i];
    if (now === was) continue;
    if (now.user.id === viewerId || (was !== undefined && (was.id !== now.id || was.user.id === viewerId || attendsFor(was, viewerId)))) return allParticipantFacts(rows);
    if (attendsFor(now, viewerId)) represents = true;
    if (speaksFor(now, viewerId)) deputySeatCheckedIn = true;
  }
  return { me, represents, deputySeatCheckedIn };
}

/**
 * The agenda tree with each item's papers, and where each node sits in it: by the index of its item in the rows'
 * `items` (and of each paper in `documents`) the tree was made from.
 */
export interface AgendaTree {
  agenda: AgendaNode[];
  meetingDocuments: DocumentRow[];
  /** Shared by the trees patched from this one (the same items and papers at the same indexes, in the same places). */
  shape: {
    /** Item id → index. */
    at: Map<string, number>;
    /** Per item: the item whose node's children hold its node (-1: the top level; -2: not in the tree, a parent cycle). */
    parent: Int32Array;
    /** Per item: its node's place among its siblings. */
    place: Int32Array;
    /** Per paper: the item whose node lists it (-1: the meeting's papers), and its place in that list. */
    paperOf: Int32Array;
    paperPlace: Int32Array;
    /** Whether every item is in the tree. */
    whole: boolean;
  };
}

function nodeAt(tree: AgendaTree, i: number): AgendaNode | undefined {
  const p = tree.shape.parent[i];
  if (p === -2) return undefined;
  return (p === -1 ? tree.agenda : nodeAt(tree, p)?.children)?.[tree.shape.place[i]];
}

/**
 * The agenda tree, built. With the assembly before (`prev`), a node whose item row, papers and children are all
 * unchanged is the same object as before, so React skips it.
 */
function agendaTree(items: readonly AgendaItemRow[], documents: readonly DocumentRow[], prev?: Assembled): AgendaTree {
  const at = new Map<string, number>();
  for (let i = 0; i < items.length; i++) at.set(items[i].id, i);
  const papers = new Map<string, number[]>();
  const meetingPapers: number[] = [];
  for (const k of sortedCopy(indexes(documents.length), (a, b) => byCreated(documents[a], documents[b]))) {
    const owner = documents[k].agendaItemId;
    if (owner && at.has(owner)) {
      const list = papers.get(owner);
      if (list) list.push(k);
      else papers.set(owner, [k]);
    } else meetingPapers.push(k);
  }
  const children = new Map<string | null, number[]>();
  for (const i of sortedCopy(indexes(items.length), (a, b) => byPosition(items[a], items[b]))) {
    const parentId = items[i].parentId;
    const key = parentId && at.has(parentId) ? parentId : null;
    const list = children.get(key);
    if (list) list.push(i);
    else children.set(key, [i]);
  }
  const shape: AgendaTree["shape"] = {
    at, parent: new Int32Array(items.length).fill(-2), place: new Int32Array(items.length),
    paperOf: new Int32Array(documents.length).fill(-2), paperPlace: new Int32Array(documents.length), whole: false,
  };
  const paperList = (owner: number, list: number[] | undefined) => {
    if (!list) return EMPTY;
    return list.map((k, place) => {
      shape.paperOf[k] = owner;
      shape.paperPlace[k] = place;
      return documents[k];
    });
  };
  let reached = 0;
  const build = (parent: number, key: string | null): AgendaNode[] =>
    (children.get(key) ?? EMPTY).map((i, place) => {
      shape.parent[i] = parent;
      shape.place[i] = place;
      reached++;
      const item = items[i];
      const kids = build(i, item.id);
      const docs = paperList(i, papers.get(item.id));
      const k = prev?.tree.shape.at.get(item.id);
      const old = k === undefined ? undefined : nodeAt(prev!.tree, k);
      if (old && prev!.rows.items[k!] === item && sameItems(old.documents, docs) && sameItems(old.children, kids)) return old;
      // Object.assign, not `{ ...i, documents, children }`: in Node 20's V8, a spread followed by new keys takes a
      // slow path (~5 µs per object against ~0.25 µs).
      return Object.assign({}, item, { documents: docs, children: kids });
    });
  const agenda = build(-1, null);
  shape.whole = reached === items.length;
  const meetingDocuments = paperList(-1, meetingPapers);
  const before = prev?.tree;
  return {
    agenda: before && sameItems(before.agenda, agenda) ? before.agenda : agenda,
    meetingDocuments: before && sameItems(before.meetingDocuments, meetingDocuments) ? before.meetingDocuments : meetingDocuments,
    shape,
  };
}

const sameItemPlace = (a: AgendaItemRow, b: AgendaItemRow) => a.id === b.id && a.position === b.position && a.parentId === b.parentId;
const samePaperPlace = (a: DocumentRow, b: DocumentRow) => a.id === b.id && a.createdAt === b.createdAt && a.agendaItemId === b.agendaItemId;

/**
 * The tree before with some items' own fields (a rename, a new status or presenter) or some papers' fields (a new
 * title or version) changed, when nothing moved: the same items and papers, each in the same place. The nodes of the
 * changed items and papers and their ancestors are new objects, every other node is kept; null when the change is
 * of another kind (agendaTree then rebuilds). No sort, no regrouping, no lookup by id: these are a tablet's most
 * frequent events.
 */
function patchTree(rows: MeetingRows, prev: Assembled): AgendaTree | null {
  const { tree } = prev;
  if (!tree.shape.whole) return null;
  const items = replacedAt(rows.items, prev.rows.items, sameItemPlace);
  const papers = items && replacedAt(rows.documents, prev.rows.documents, samePaperPlace);
  if (!items || !papers) return null;
  if (items.length === 0 && papers.length === 0) return tree;
  const patch = new TreePatch(tree, rows);
  for (const i of items) patch.node(i);
  for (const k of papers) patch.paper(k);
  return { agenda: patch.agenda, meetingDocuments: patch.meetingDocuments, shape: tree.shape };
}

/** The new nodes of one patch: each changed node once, its parent first; a list is copied once, before its first change. */
class TreePatch {
  agenda: AgendaNode[];
  meetingDocuments: DocumentRow[];
  private readonly madeAt: number[] = [];
  private readonly made: AgendaNode[] = [];
  private readonly copies: unknown[][] = [];

  constructor(
    private readonly tree: AgendaTree,
    private readonly rows: MeetingRows,
  ) {
    this.agenda = tree.agenda;
    this.meetingDocuments = tree.meetingDocuments;
  }

  private own<T>(list: T[]): T[] {
    if (this.copies.includes(list)) return list;
    const copy = list.slice();
    this.copies.push(copy);
    return copy;
  }

  /** Item `i`'s node, made anew from its row (and its ancestors'), in the patched tree. */
  node(i: number): AgendaNode {
    const done = this.madeAt.indexOf(i);
    if (done !== -1) return this.made[done];
    const { parent, place } = this.tree.shape;
    let siblings: AgendaNode[];
    if (parent[i] === -1) siblings = this.agenda = this.own(this.agenda);
    else {
      const up = this.node(parent[i]);
      siblings = up.children = this.own(up.children);
    }
    const old = siblings[place[i]];
    const node: AgendaNode = Object.assign({}, this.rows.items[i], { documents: old.documents, children: old.children });
    siblings[place[i]] = node;
    this.madeAt.push(i);
    this.made.push(node);
    return node;
  }

  /** Paper `k` put in its place. */
  paper(k: number) {
    const { paperOf, paperPlace } = this.tree.shape;
    const owner = paperOf[k];
    let list: DocumentRow[];
    if (owner === -1) list = this.meetingDocuments = this.own(this.meetingDocuments);
    else {
      const node = this.node(owner);
      list = node.documents = this.own(node.documents);
    }
    list[paperPlace[k]] = this.rows.documents[k];
  }
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
  tree: AgendaTree;
}

/**
 * The snapshot a viewer sees, from their rows. `prev`: the one before (a tablet applying an event); lists, the tree's
 * nodes, one's own participation and the permissions are kept where their inputs are the same objects, and rows
 * replaced in place are put in place (no sort).
 */
export function assembleRows(rows: MeetingRows, prev?: Assembled): Assembled {
  const { meeting, viewer } = rows;
  const before = prev?.rows;
  const old = prev?.snapshot;
  const tree = (prev && patchTree(rows, prev)) ?? agendaTree(rows.items, rows.documents, prev);
  const { me, represents, deputySeatCheckedIn } = participantFacts(rows, prev);
  const sameParticipation = prev !== undefined && me === prev.me && represents === prev.represents && deputySeatCheckedIn === prev.deputySeatCheckedIn;
  const chairId = meeting.chair?.id ?? null;
  const approverId = meeting.approver?.id ?? null;
  const presenterUserId = rows.live.presenter?.id ?? null;
  const samePolicyInputs = old !== undefined && sameParticipation && old.meeting.status === meeting.status
    && (old.meeting.chair?.id ?? null) === chairId && (old.meeting.approver?.id ?? null) === approverId
    && old.meeting.publishedAt === meeting.publishedAt && (old.live.presenter?.id ?? null) === presenterUserId;
  const snapshot: MeetingSnapshot = {
    viewer: rows.viewer,
    meeting,
    agenda: tree.agenda,
    meetingDocuments: tree.meetingDocuments,
    participants: resorted(rows.participants, byCreated, before?.participants, old?.participants),
    live: rows.live,
    speakers: resorted(rows.speakers, byRequested, before?.speakers, old?.speakers),
    votes: resorted(rows.votes, byCreated, before?.votes, old?.votes),
    // Their own stored answer in full, so the invitation form shows (and can re-send) what they said.
    me: old !== undefined && me === prev!.me ? old.me : me && { participantId: me.participantId, role: me.role, rsvp: me.rsvp, rsvpReason: me.rsvpReason, deputyName: me.deputyName, deputyUserId: me.deputyUserId },
    permissions: samePolicyInputs ? old.permissions : permissionsOf({ id: viewer.id, role: viewer.role }, {
      id: meeting.id,
      status: meeting.status as MeetingStatus,
      chairId,
      approverId,
      publishedAt: meeting.publishedAt,
      participant: me && { role: me.role, mayVote: me.mayVote },
      represents,
      deputySeatCheckedIn,
    }, presenterUserId),
  };
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

/** What a meeting page shows, for one viewer (meetingSnapshotSchema below declares it for the API). */
export interface MeetingSnapshot {
  viewer: Viewer;
  meeting: MeetingRow;
  agenda: AgendaNode[];
  meetingDocuments: DocumentRow[];
  participants: ParticipantRow[];
  live: LiveRow;
  speakers: SpeakerRow[];
  votes: VoteRow[];
  me: { participantId: string; role: MeetingRole; rsvp: string; rsvpReason: string | null; deputyName: string | null; deputyUserId: string | null } | null;
  permissions: ReturnType<typeof permissionsOf>;
}

export function assembleSnapshot(rows: MeetingRows) {
  return assembleRows(rows).snapshot;
}

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

/**
 * The assembly a snapshot stands for (the server-rendered one a page starts from, or one fetched): its rows, and its
 * tree indexed as agendaTree indexes the trees it builds. The server assembled it with assembleSnapshot, so its
 * lists are sorted and its nodes in place: the first event after it is applied like any other, keeping its nodes.
 */
export function assembledOf(s: MeetingSnapshot): Assembled {
  const items: AgendaItemRow[] = [];
  const documents: DocumentRow[] = [...s.meetingDocuments];
  const parent: number[] = [];
  const place: number[] = [];
  const paperOf: number[] = s.meetingDocuments.map(() => -1);
  const paperPlace: number[] = s.meetingDocuments.map((_, k) => k);
  const walk = (nodes: AgendaNode[], up: number) =>
    nodes.forEach(({ documents: docs, children, ...item }, at) => {
      const i = items.length;
      items.push(item);
      parent.push(up);
      place.push(at);
      docs.forEach((d, k) => {
        documents.push(d);
        paperOf.push(i);
        paperPlace.push(k);
      });
      walk(children, i);
    });
  walk(s.agenda, -1);
  const rows: MeetingRows = { viewer: s.viewer, meeting: s.meeting, items, documents, participants: s.participants, live: s.live, speakers: s.speakers, votes: s.votes };
  const shape: AgendaTree["shape"] = {
    at: new Map(items.map((item, i) => [item.id, i])),
    parent: Int32Array.from(parent),
    place: Int32Array.from(place),
    paperOf: Int32Array.from(paperOf),
    paperPlace: Int32Array.from(paperPlace),
    whole: true,
  };
  return {
    rows,
    ...participantFacts(rows),
    snapshot: s,
    tree: { agenda: s.agenda, meetingDocuments: s.meetingDocuments, shape },
  };
}

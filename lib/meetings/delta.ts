// A meeting change as data: the rows it created or changed and the ids it removed. Pure, shared by server and browser.
// The server stores the full delta of each change (with who could see each touched paper before it) and sends each
// viewer only `viewDelta(full, viewer)`: what that viewer may see. The browser applies it with `applyDelta`.
import { z } from "zod";
import { can, type Principal } from "../policy/index.ts";
import {
  agendaItemRowSchema, documentRowSchema, meetingRowSchema, participantRowSchema,
  type DocumentRow, type MeetingRows, type Viewer,
} from "./view.ts";
import { liveRowSchema, speakerRowSchema } from "../live/schema.ts";
import { voteRowSchema } from "../votes/schema.ts";

const ids = z.array(z.string());
export const deltaShape = {
  meeting: meetingRowSchema.optional(),
  items: z.array(agendaItemRowSchema).optional(),
  removedItems: ids.optional(),
  documents: z.array(documentRowSchema).optional(),
  removedDocuments: ids.optional(),
  participants: z.array(participantRowSchema).optional(),
  removedParticipants: ids.optional(),
  live: liveRowSchema.optional(),
  speakers: z.array(speakerRowSchema).optional(),
  votes: z.array(voteRowSchema).optional(),
  removedVotes: ids.optional(),
};
export const meetingDeltaSchema = z.object(deltaShape);
export type MeetingDelta = z.infer<typeof meetingDeltaSchema>;

/** What the server keeps: every touched paper in full, and who could see each one before the change. */
export interface FullDelta extends MeetingDelta {
  documents?: Required<DocumentRow>[];
  /** Per touched paper that existed before: its access list if it was restricted, null if it was open to all. */
  documentsBefore?: Record<string, string[] | null>;
}

/** A viewer who is none of the special audiences: a plain participant of the meeting. */
export const ROOM_VIEWER: Viewer = { id: "", role: "MEMBER" };

// The meeting is visible to whoever is in its room (checked when joining); only the paper's own rule matters here.
const visibleMeeting = { id: "", status: "PUBLISHED" as const, chairId: null, approverId: null, publishedAt: "", participant: { role: "MEMBER" as const, mayVote: false } };
const seesDocument = (viewer: Principal, restricted: boolean, allowed: readonly string[]) =>
  can(viewer, "document.view", { meeting: visibleMeeting, restricted, allowedUserIds: allowed });

/** The part of a change this viewer may see. */
export function viewDelta(full: FullDelta, viewer: Viewer): MeetingDelta {
  const out: MeetingDelta = {};
  const staff = can(viewer, "meeting.listAll");
  if (full.meeting) {
    const m = full.meeting;
    const reads = can(viewer, "meeting.readReview", { ...visibleMeeting, status: m.status, chairId: m.chair?.id ?? null, approverId: m.approver?.id ?? null });
    out.meeting = reads ? m : { ...m, reviewComment: null };
  }
  if (full.items) out.items = full.items;
  if (full.removedItems) out.removedItems = full.removedItems;
  if (full.participants) out.participants = full.participants;
  if (full.removedParticipants) out.removedParticipants = full.removedParticipants;
  // The running meeting is the room's: everyone in it sees the state, the queue and the attendance.
  if (full.live) out.live = full.live;
  if (full.speakers) out.speakers = full.speakers;
  // Votes are the meeting's business: every participant sees each one (choices never travel in a vote row).
  if (full.votes) out.votes = full.votes;
  if (full.removedVotes) out.removedVotes = full.removedVotes;
  const before = full.documentsBefore ?? {};
  const sawBefore = (id: string) => id in before && seesDocument(viewer, before[id] !== null, before[id] ?? []);
  const documents: DocumentRow[] = [];
  const removed: string[] = [];
  for (const d of full.documents ?? []) {
    if (seesDocument(viewer, d.restricted, d.allowedUserIds)) {
      if (staff) documents.push(d);
      else {
        const { allowedUserIds: _hidden, ...visible } = d;
        documents.push(visible);
      }
    } else if (sawBefore(d.id)) removed.push(d.id);
  }
  for (const id of full.removedDocuments ?? []) if (sawBefore(id)) removed.push(id);
  if (documents.length) out.documents = documents;
  if (removed.length) out.removedDocuments = removed;
  return out;
}

export const isEmptyDelta = (d: MeetingDelta) => Object.values(d).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));

/**
 * Users (besides the staff) whose view of this change differs from the room's: those a touched restricted paper is
 * or was shared with, and the reviewer when the approver's comment travels.
 */
export function specialViewers(full: FullDelta): string[] {
  const out = new Set<string>();
  for (const d of full.documents ?? []) if (d.restricted) d.allowedUserIds.forEach((u) => out.add(u));
  for (const list of Object.values(full.documentsBefore ?? {})) list?.forEach((u) => out.add(u));
  const m = full.meeting;
  if (m?.reviewComment) {
    const reviewer = m.approver?.id ?? m.chair?.id;
    if (reviewer) out.add(reviewer);
  }
  return [...out];
}

/**
 * The list with `rows` put in (a row whose id is there takes that row's place, a new one goes at the end) and
 * `removed` taken out. Rows keep their places, so a tablet re-assembling its snapshot sees which rows an event
 * replaced by comparing the lists index by index (view.ts).
 */
function indexOfId(list: readonly { id: string }[], id: string): number {
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return i;
  return -1;
}

function upsert<T extends { id: string }>(list: T[], rows: T[] | undefined, removed: string[] | undefined): T[] {
  if (!rows?.length && !removed?.length) return list;
  const gone = removed?.length ? new Set(removed) : null;
  const out = gone ? list.filter((r) => !gone.has(r.id)) : list.slice();
  if (!rows?.length) return out;
  // An event carries one row or a few (a rename, an answer): found by a scan; a batch by an index.
  const index = rows.length > 4 ? new Map(out.map((r, i) => [r.id, i])) : null;
  for (const row of rows) {
    const i = index ? (index.get(row.id) ?? -1) : indexOfId(out, row.id);
    if (i !== -1) out[i] = row;
    else {
      index?.set(row.id, out.length);
      out.push(row);
    }
  }
  return out;
}

/** Applies a delta at `version` to a viewer's rows (what the database did, mirrored: deleted items free their papers). */
export function applyDelta(rows: MeetingRows, delta: MeetingDelta, version: number): MeetingRows {
  let documents = upsert(rows.documents, delta.documents, delta.removedDocuments);
  if (delta.removedItems?.length) {
    const removedItems = new Set(delta.removedItems);
    documents = documents.map((d) => (d.agendaItemId && removedItems.has(d.agendaItemId) ? { ...d, agendaItemId: null } : d));
  }
  return {
    viewer: rows.viewer,
    meeting: { ...(delta.meeting ?? rows.meeting), version },
    items: upsert(rows.items, delta.items, delta.removedItems),
    documents,
    participants: upsert(rows.participants, delta.participants, delta.removedParticipants),
    live: delta.live ?? rows.live,
    speakers: upsert(rows.speakers, delta.speakers, undefined),
    votes: upsert(rows.votes, delta.votes, delta.removedVotes),
  };
}

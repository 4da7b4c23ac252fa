// Every meeting write goes through here: one transaction = policy check + change + version bump + stored event
// + audit entry; the realtime event, carrying the change itself, is emitted only after the commit.
import { db, type Tx } from "../db/index.ts";
import { AppError, conflict } from "../errors/index.ts";
import type { Actor, MeetingAction } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import { publishMeetingChange } from "../realtime/publish.ts";
import type { ChangeEventName, ChangeKind } from "../realtime/events.ts";
import { authorizeMeeting } from "./access.ts";
import { getMeetingSnapshot } from "./queries.ts";
import type { FullDelta } from "./delta.ts";
import { readDocumentRows, readItemRows, readMeetingRow, readParticipantRows } from "./rows.ts";
import { readLiveRow, readSpeakerRows } from "../live/rows.ts";
import { readVoteRows } from "../votes/queries.ts";

/** Which rows a change created, changed or removed: the event carries them (as each receiver may see them). */
export interface Touched {
  meeting?: boolean;
  items?: string[];
  removedItems?: string[];
  documents?: string[];
  removedDocuments?: string[];
  participants?: string[];
  removedParticipants?: string[];
  /** The running meeting's state (lib/live). */
  live?: boolean;
  speakers?: string[];
  votes?: string[];
  removedVotes?: string[];
}

export interface ChangeOutcome<T, N extends ChangeEventName> {
  result: T;
  event: { name: N; change: ChangeKind<N> };
  touched: Touched;
  audit: { action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> };
  /** Side effects to run after commit (e.g. user notifications). */
  after?: () => void | Promise<void>;
}

/** Builds the event part of a ChangeOutcome (keeps the literal types). */
export const meetingEvent = <N extends ChangeEventName>(name: N, change: ChangeKind<N>) => ({ name, change });

export interface ChangeOptions {
  action: MeetingAction;
  /** The meeting version the caller's change was based on; a mismatch is a 409 with the fresh state. */
  baseVersion?: number;
}

type Meeting = Awaited<ReturnType<typeof authorizeMeeting>>;
export interface ChangeContext {
  meeting: Meeting;
  version: number;
  /**
   * Call before changing papers whose visibility may change or that will be deleted: who could see them before
   * decides who is told they are gone.
   */
  trackDocuments(ids: string[]): Promise<void>;
}
export type ChangeWork<T, N extends ChangeEventName> = (tx: Tx, ctx: ChangeContext) => Promise<ChangeOutcome<T, N>>;

export async function changeMeeting<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  opts: ChangeOptions,
  work: ChangeWork<T, N>,
): Promise<{ result: T; version: number }> {
  try {
    return await runChange(actor, meetingId, opts, work);
  } catch (e) {
    // A stale write answers with the fresh state, so the client can show it without another round trip.
    if (e instanceof AppError && e.code === "CONFLICT") {
      throw conflict({ ...(e.details as object), meeting: await getMeetingSnapshot(actor, meetingId) });
    }
    throw e;
  }
}

async function runChange<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  opts: ChangeOptions,
  work: ChangeWork<T, N>,
): Promise<{ result: T; version: number }> {
  const { outcome, version, full } = await db.$transaction(async (tx) => {
    const meeting = await authorizeMeeting(tx, actor, opts.action, meetingId);
    if (opts.baseVersion !== undefined && opts.baseVersion !== meeting.version) throw staleVersion(meeting.version);
    const version = meeting.version + 1;
    const documentsBefore: Record<string, string[] | null> = {};
    const trackDocuments = async (ids: string[]) => {
      const docs = await tx.document.findMany({ where: { id: { in: ids }, meetingId }, select: { id: true, restricted: true, access: { select: { userId: true } } } });
      for (const d of docs) documentsBefore[d.id] ??= d.restricted ? d.access.map((a) => a.userId) : null;
    };
    const outcome = await work(tx, { meeting, version, trackDocuments });
    // Conditional bump: a concurrent writer that got here first makes this one stale, never silently lost.
    const bumped = await tx.meeting.updateMany({ where: { id: meetingId, version: meeting.version }, data: { version } });
    if (bumped.count !== 1) throw staleVersion(meeting.version);
    const full = await readDelta(tx, meetingId, outcome.touched);
    if (Object.keys(documentsBefore).length) full.documentsBefore = documentsBefore;
    const { name, change } = outcome.event;
    await tx.meetingEvent.create({ data: { meetingId, version, name, payload: { change, ...full } as object } });
    await appendAudit(tx, { actorId: actor.id, meetingId, ...outcome.audit });
    return { outcome, version, full };
  });
  publishMeetingChange(outcome.event.name, { meetingId, version, change: outcome.event.change }, full);
  await outcome.after?.();
  return { result: outcome.result, version };
}

/** Reads the touched rows as they are after the change (inside the transaction). */
async function readDelta(tx: Tx, meetingId: string, t: Touched): Promise<FullDelta> {
  const full: FullDelta = {};
  const some = (ids?: string[]) => (ids?.length ? [...new Set(ids)] : null);
  if (t.meeting) full.meeting = await readMeetingRow(tx, meetingId);
  const items = some(t.items);
  if (items) full.items = await readItemRows(tx, { meetingId, id: { in: items } });
  const documents = some(t.documents);
  if (documents) full.documents = await readDocumentRows(tx, { meetingId, id: { in: documents } });
  const participants = some(t.participants);
  if (participants) full.participants = await readParticipantRows(tx, { meetingId, id: { in: participants } });
  if (t.live) full.live = await readLiveRow(tx, meetingId);
  const speakers = some(t.speakers);
  if (speakers) full.speakers = await readSpeakerRows(tx, { meetingId, id: { in: speakers } });
  if (t.removedItems?.length) full.removedItems = t.removedItems;
  if (t.removedDocuments?.length) full.removedDocuments = t.removedDocuments;
  if (t.removedParticipants?.length) full.removedParticipants = t.removedParticipants;
  const votes = some(t.votes);
  if (votes) full.votes = await readVoteRows(tx, { meetingId, id: { in: votes } });
  if (t.removedVotes?.length) full.removedVotes = t.removedVotes;
  return full;
}

function staleVersion(current: number): AppError {
  return conflict({ currentVersion: current });
}

// Every meeting write goes through here: one transaction = policy check + change + version bump + stored event
// + audit entry; the realtime event, carrying the change itself, is emitted only after the commit.
import { db, type Tx } from "../db/index.ts";
import crypto from "node:crypto";
import { AppError, conflict, notFound } from "../errors/index.ts";
import { authorize, type Actor, type MeetingAction } from "../policy/index.ts";
import { appendAuditTo } from "../audit/index.ts";
import { publishMeetingChange } from "../realtime/publish.ts";
import type { ChangeEventName, ChangeKind } from "../realtime/events.ts";
import { authorizeMeeting } from "./access.ts";
import { getMeetingSnapshot } from "./queries.ts";
import type { FullDelta } from "./delta.ts";
import { meetingForChange, readTouchedRows, type MeetingForChange } from "./snapshot.ts";
import { sql } from "../db/read.ts";
import { dbDate, writeTransaction, writerIn, type Writer } from "../db/write.ts";

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
  return withFreshStateOnConflict(actor, meetingId, () => runChange(actor, meetingId, opts, work));
}

/** A stale write answers with the fresh state, so the client can show it without another round trip. */
async function withFreshStateOnConflict<R>(actor: Actor, meetingId: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
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
  const w = await writerIn(); // Prisma's connection: its statements below are part of the transaction
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
    const full = closeChange(w, actor, meetingId, meeting.version, outcome, documentsBefore);
    return { outcome, version, full };
  });
  return published(meetingId, version, outcome, full);
}

/** What a hot command's SQL work gets (lib/db/write.ts): the meeting as the policy judged it, the new version. */
export interface SqlChangeContext {
  meeting: MeetingForChange;
  version: number;
}
export type SqlChangeWork<T, N extends ChangeEventName> = (w: Writer, ctx: SqlChangeContext) => ChangeOutcome<T, N>;

/**
 * changeMeeting for the hot commands (renaming an item, moving the current item, turning the shown page): the same
 * steps, policy and result, in one synchronous transaction of prepared statements instead of Prisma's (a rename
 * through Prisma is ~13 statements at ~1 ms of CPU each). `work` must not touch papers' visibility (no
 * trackDocuments here).
 */
export async function changeMeetingSql<T, N extends ChangeEventName>(
  actor: Actor,
  meetingId: string,
  opts: ChangeOptions,
  work: SqlChangeWork<T, N>,
): Promise<{ result: T; version: number }> {
  return withFreshStateOnConflict(actor, meetingId, async () => {
    const { outcome, version, full } = await writeTransaction((w) => {
      const meeting = meetingForChange(w, meetingId, actor.id);
      if (!meeting) throw notFound();
      authorize(actor, opts.action, meeting);
      if (opts.baseVersion !== undefined && opts.baseVersion !== meeting.version) throw staleVersion(meeting.version);
      const version = meeting.version + 1;
      const outcome = work(w, { meeting, version });
      return { outcome, version, full: closeChange(w, actor, meetingId, meeting.version, outcome) };
    });
    return published(meetingId, version, outcome, full);
  });
}

/**
 * The end of every change, inside its transaction: the version bump (conditional: a concurrent writer that got here
 * first makes this one stale, never silently lost), the touched rows as they are now, the stored event, the audit.
 */
function closeChange<T, N extends ChangeEventName>(
  w: Writer,
  actor: Actor,
  meetingId: string,
  from: number,
  outcome: ChangeOutcome<T, N>,
  documentsBefore: Record<string, string[] | null> = {},
): FullDelta {
  const version = from + 1;
  const now = dbDate(new Date());
  const bumped = w.run(sql`UPDATE "Meeting" SET "version" = ${version}, "updatedAt" = ${now} WHERE "id" = ${meetingId} AND "version" = ${from}`);
  if (bumped !== 1) throw staleVersion(from);
  const t = outcome.touched;
  const full = readTouchedRows(w, meetingId, t);
  if (t.removedItems?.length) full.removedItems = t.removedItems;
  if (t.removedDocuments?.length) full.removedDocuments = t.removedDocuments;
  if (t.removedParticipants?.length) full.removedParticipants = t.removedParticipants;
  if (t.removedVotes?.length) full.removedVotes = t.removedVotes;
  if (Object.keys(documentsBefore).length) full.documentsBefore = documentsBefore;
  const { name, change } = outcome.event;
  w.run(sql`INSERT INTO "MeetingEvent" ("id", "meetingId", "version", "name", "payload", "createdAt")
    VALUES (${crypto.randomUUID()}, ${meetingId}, ${version}, ${name}, ${JSON.stringify({ change, ...full })}, ${now})`);
  appendAuditTo(w, { actorId: actor.id, meetingId, ...outcome.audit });
  return full;
}

/** After the commit: the event to the room (cut per viewer), then the change's own after-effects. */
async function published<T, N extends ChangeEventName>(meetingId: string, version: number, outcome: ChangeOutcome<T, N>, full: FullDelta) {
  publishMeetingChange(outcome.event.name, { meetingId, version, change: outcome.event.change }, full);
  await outcome.after?.();
  return { result: outcome.result, version };
}

function staleVersion(current: number): AppError {
  return conflict({ currentVersion: current });
}

// Every meeting write goes through here: one transaction = policy check + change + version bump + stored event
// + audit entry; the realtime event is emitted only after the commit.
import { db, type Tx } from "../db/index.ts";
import { AppError, conflict } from "../errors/index.ts";
import type { Actor, MeetingAction } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import { publishMeetingEvent } from "../realtime/publish.ts";
import type { MeetingEventName, MeetingEventPayload } from "../realtime/events.ts";
import { authorizeMeeting } from "./access.ts";
import { getMeetingSnapshot } from "./queries.ts";

type EventBody<N extends MeetingEventName> = Omit<MeetingEventPayload<N>, "meetingId" | "version">;

/** Builds a typed event for a ChangeOutcome (keeps the literal types of `body`). */
export const meetingEvent = <N extends MeetingEventName>(name: N, body: EventBody<N>) => ({ name, body });

export interface ChangeOutcome<T, N extends MeetingEventName> {
  result: T;
  event: { name: N; body: EventBody<N> };
  audit: { action: string; subjectType: string; subjectId: string; data?: Record<string, unknown> };
  /** Side effects to run after commit (e.g. user notifications). */
  after?: () => void | Promise<void>;
}

export interface ChangeOptions {
  action: MeetingAction;
  /** The meeting version the caller's change was based on; a mismatch is a 409 with the fresh state. */
  baseVersion?: number;
}

type Meeting = Awaited<ReturnType<typeof authorizeMeeting>>;

export async function changeMeeting<T, N extends MeetingEventName>(
  actor: Actor,
  meetingId: string,
  opts: ChangeOptions,
  work: (tx: Tx, ctx: { meeting: Meeting; version: number }) => Promise<ChangeOutcome<T, N>>,
): Promise<{ result: T; version: number }> {
  try {
    return await runChange(actor, meetingId, opts, work);
  } catch (e) {
    // A stale write answers with the fresh state, so the client can show it without another round trip.
    if (e instanceof AppError && e.code === "CONFLICT") {
      throw conflict(e.message, { ...(e.details as object), meeting: await getMeetingSnapshot(actor, meetingId) });
    }
    throw e;
  }
}

async function runChange<T, N extends MeetingEventName>(
  actor: Actor,
  meetingId: string,
  opts: ChangeOptions,
  work: (tx: Tx, ctx: { meeting: Meeting; version: number }) => Promise<ChangeOutcome<T, N>>,
): Promise<{ result: T; version: number }> {
  const { outcome, version } = await db.$transaction(async (tx) => {
    const meeting = await authorizeMeeting(tx, actor, opts.action, meetingId);
    if (opts.baseVersion !== undefined && opts.baseVersion !== meeting.version) throw staleVersion(meeting.version);
    const version = meeting.version + 1;
    const outcome = await work(tx, { meeting, version });
    // Conditional bump: a concurrent writer that got here first makes this one stale, never silently lost.
    // Editing a submitted or approved meeting withdraws it: the approver must approve what actually goes out.
    const withdraw = opts.action === "meeting.edit" && (meeting.status === "SUBMITTED" || meeting.status === "APPROVED");
    const bumped = await tx.meeting.updateMany({
      where: { id: meetingId, version: meeting.version },
      data: { version, ...(withdraw ? { status: "DRAFT" as const } : {}) },
    });
    if (bumped.count !== 1) throw staleVersion(meeting.version);
    const payload = { ...outcome.event.body, meetingId, version } as MeetingEventPayload<N>;
    await tx.meetingEvent.create({ data: { meetingId, version, name: outcome.event.name, payload: payload as object } });
    await appendAudit(tx, { actorId: actor.id, meetingId, ...outcome.audit });
    return { outcome: { ...outcome, payload }, version };
  });
  publishMeetingEvent(outcome.event.name, outcome.payload);
  await outcome.after?.();
  return { result: outcome.result, version };
}

function staleVersion(current: number): AppError {
  return conflict(
    "Someone else changed this meeting after you loaded it. The latest version is shown; please check and try again.",
    { currentVersion: current },
  );
}

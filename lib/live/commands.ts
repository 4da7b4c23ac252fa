// Running the meeting: each command is one meeting change (lib/meetings/change.ts: policy, version bump, stored event
// carrying the new live row / speaker rows / participant rows, audit, emit after commit). Only timestamps are
// stored, so a restarted server resumes exactly where it was.
//
// Two chairs pressing at once converge: commands say what they mean ("next from item X", "give the floor to this
// request", "the next speaker after this one"), and a command whose intent is already done changes nothing and
// answers the current version (no event). A write that only lost the race for the version (no baseVersion given)
// is retried.
import crypto from "node:crypto";
import { db, type Prisma, type Tx } from "../db/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import { AppError, forbidden, invalid } from "../errors/index.ts";
import { authorize, can, checkedInDeputySeatOf, deputySeatOf, type Actor, type MeetingAction } from "../policy/index.ts";
import { changeMeeting, changeMeetingSql, type ChangeOutcome, type ChangeWork, type SqlChangeWork } from "../meetings/change.ts";
import { asDateOrNull, sql } from "../db/read.ts";
import { dbBool, dbDate, type Writer } from "../db/write.ts";
import type { ChangeEventName } from "../realtime/events.ts";
import { QUORUM_PRESETS } from "./attendance.ts";
import { foldItemTime } from "./clock.ts";
import { spentOf } from "./rows.ts";
import { displayTokenHash } from "./display.ts";
import { rearmSpeechTimer, setSpeechEnder, speechDeadline } from "./speechTimer.ts";
import { closeDisplaySockets } from "../realtime/publish.ts";
import { agendaOrder, enqueue, moveInQueue, queueOrder, stepFrom } from "./queue.ts";
import type { DeputyCheckIn, ManageSpeakers, MarkAttendance, Present, RunCommand, SpeakerKind } from "./schema.ts";

/** Thrown inside a change whose intent is already met: the transaction is dropped, the current version answered. */
class Unchanged<T> {
  constructor(readonly result: T, readonly version: number) {}
}

const RETRIES = 5;

type Runner<T, N extends ChangeEventName, W> = (actor: Actor, meetingId: string, opts: { action: MeetingAction; baseVersion?: number }, work: W) => Promise<{ result: T; version: number }>;

/** A live command: `run` is changeMeeting (Prisma) or changeMeetingSql (the hot ones); see Unchanged and RETRIES. */
async function liveChangeWith<T, N extends ChangeEventName, W>(
  run: Runner<T, N, W>,
  actor: Actor,
  meetingId: string,
  opts: { action: MeetingAction; baseVersion?: number },
  work: W,
): Promise<{ result: T; version: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(actor, meetingId, opts, work);
    } catch (e) {
      if (e instanceof Unchanged) return { result: e.result as T, version: e.version };
      const raced = e instanceof AppError && e.code === "CONFLICT" && opts.baseVersion === undefined;
      if (!raced || attempt >= RETRIES) throw e;
    }
  }
}

const liveChange = <T, N extends ChangeEventName>(actor: Actor, meetingId: string, opts: { action: MeetingAction; baseVersion?: number }, work: ChangeWork<T, N>) =>
  liveChangeWith<T, N, ChangeWork<T, N>>(changeMeeting, actor, meetingId, opts, work);
const liveChangeSql = <T, N extends ChangeEventName>(actor: Actor, meetingId: string, opts: { action: MeetingAction; baseVersion?: number }, work: SqlChangeWork<T, N>) =>
  liveChangeWith<T, N, SqlChangeWork<T, N>>(changeMeetingSql, actor, meetingId, opts, work);

const unchanged = (version: number) => new Unchanged(null, version - 1);

/** The meeting's live row in SQL (created on first use, like liveOf), with the columns the hot commands read. */
function liveRowSql(w: Writer, meetingId: string) {
  w.run(sql`INSERT INTO "MeetingLive" ("meetingId", "updatedAt") VALUES (${meetingId}, ${dbDate(new Date())}) ON CONFLICT ("meetingId") DO NOTHING`);
  const l = w.get(sql`SELECT "startedAt", "pausedAt", "closedAt", "itemRunningSince", "itemSpentMs", "presenterUserId", "shownDocumentId", "shownPage" FROM "MeetingLive" WHERE "meetingId" = ${meetingId}`)!;
  return {
    startedAt: asDateOrNull(l.startedAt),
    pausedAt: asDateOrNull(l.pausedAt),
    closedAt: asDateOrNull(l.closedAt),
    itemRunningSince: asDateOrNull(l.itemRunningSince),
    itemSpentMs: l.itemSpentMs,
    presenterUserId: (l.presenterUserId ?? null) as string | null,
    shownDocumentId: (l.shownDocumentId ?? null) as string | null,
    shownPage: Number(l.shownPage),
  };
}

async function liveOf(tx: Tx, meetingId: string) {
  return tx.meetingLive.upsert({ where: { meetingId }, create: { meetingId }, update: {} });
}

const liveEvent = <T>(change: ChangeOutcome<T, "live.changed">["event"]["change"], meetingId: string, result: T, audit: string, data?: Record<string, unknown>, extra?: { meeting?: boolean; speakers?: string[] }): ChangeOutcome<T, "live.changed"> => ({
  result,
  event: { name: "live.changed", change },
  touched: { live: true, meeting: extra?.meeting, speakers: extra?.speakers },
  audit: { action: `live.${audit}`, subjectType: "Meeting", subjectId: meetingId, data },
});

/** Ends whoever is speaking in this meeting (at `now`); returns their request ids. */
async function endSpeaking(tx: Tx, meetingId: string, now: Date): Promise<string[]> {
  const speaking = await tx.speakerRequest.findMany({ where: { meetingId, status: "SPEAKING" }, select: { id: true } });
  if (speaking.length) await tx.speakerRequest.updateMany({ where: { id: { in: speaking.map((s) => s.id) } }, data: { status: "DONE", endedAt: now } });
  return speaking.map((s) => s.id);
}

/** The chair's console: start, pause, resume, close, go to an item, step, settings. */
export async function runMeeting(actor: Actor, meetingId: string, cmd: RunCommand) {
  const done = await runMeetingChange(actor, meetingId, cmd);
  // A new limit (or the close) changes when the current speech ends by itself.
  if (cmd.command === "settings" || cmd.command === "close") await rearmSpeechTimer(meetingId);
  return done;
}

async function runMeetingChange(actor: Actor, meetingId: string, cmd: RunCommand) {
  if (cmd.command === "goto" || cmd.command === "step") return moveCurrentItem(actor, meetingId, cmd);
  return liveChange(actor, meetingId, { action: "meeting.run", baseVersion: cmd.baseVersion }, async (tx, { meeting, version }) => {
    const live = await liveOf(tx, meetingId);
    const now = new Date();
    const current = meeting.currentAgendaItemId;
    const running = !!live.startedAt && !live.pausedAt && !live.closedAt;
    const spent = spentOf(live.itemSpentMs);
    const items = () => tx.agendaItem.findMany({ where: { meetingId }, select: { id: true, parentId: true, position: true } });
    // goto and step: moveCurrentItem.
    switch (cmd.command) {
      case "start": {
        if (live.startedAt) throw unchanged(version);
        const first = current ?? agendaOrder(await items())[0] ?? null;
        await tx.meeting.update({ where: { id: meetingId }, data: { status: "IN_PROGRESS", currentAgendaItemId: first } });
        await tx.meetingLive.update({ where: { meetingId }, data: { startedAt: now, itemRunningSince: first ? now : null } });
        return liveEvent("started", meetingId, null, "start", { item: first }, { meeting: true });
      }
      case "pause": {
        if (!running) throw unchanged(version);
        await tx.meetingLive.update({
          where: { meetingId },
          data: { pausedAt: now, itemSpentMs: foldItemTime(spent, current, live.itemRunningSince, now), itemRunningSince: null },
        });
        return liveEvent("paused", meetingId, null, "pause");
      }
      case "resume": {
        if (!live.pausedAt || live.closedAt) throw unchanged(version);
        await tx.meetingLive.update({
          where: { meetingId },
          data: { pausedAt: null, pausedMs: live.pausedMs + (now.getTime() - live.pausedAt.getTime()), itemRunningSince: current ? now : null },
        });
        return liveEvent("resumed", meetingId, null, "resume");
      }
      case "close": {
        if (!live.startedAt) throw invalid("live.notStarted");
        const pausedMs = live.pausedMs + (live.pausedAt ? now.getTime() - live.pausedAt.getTime() : 0);
        await tx.meetingLive.update({
          where: { meetingId },
          data: { closedAt: now, pausedAt: null, pausedMs, itemSpentMs: foldItemTime(spent, current, live.itemRunningSince, now), itemRunningSince: null, shownDocumentId: null },
        });
        await tx.meeting.update({ where: { id: meetingId }, data: { status: "CLOSED" } });
        const ended = await endSpeaking(tx, meetingId, now);
        return liveEvent("closed", meetingId, null, "close", undefined, { meeting: true, speakers: ended });
      }
      case "settings": {
        const data: Prisma.MeetingLiveUpdateInput = {};
        // A preset chosen brings its own defaults for deputies (quorum and ballot) (lib/live/attendance.ts), unless the command says.
        if (cmd.quorumRule !== undefined && cmd.quorumRule !== live.quorumRule) {
          data.quorumRule = cmd.quorumRule;
          data.quorumCountsDeputies = QUORUM_PRESETS[cmd.quorumRule].deputiesCountByDefault;
          data.deputiesVote = QUORUM_PRESETS[cmd.quorumRule].deputiesVoteByDefault;
        }
        if (cmd.quorumCountsDeputies !== undefined) data.quorumCountsDeputies = cmd.quorumCountsDeputies;
        if (cmd.deputiesVote !== undefined) data.deputiesVote = cmd.deputiesVote;
        if (cmd.speakingLimitSeconds !== undefined) data.speakingLimitSeconds = cmd.speakingLimitSeconds;
        if (cmd.presenterUserId !== undefined) {
          if (cmd.presenterUserId && !(await tx.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: cmd.presenterUserId } } }))) {
            throw invalid("VALIDATION", { presenterUserId: ["live.notParticipant"] });
          }
          data.presenterUserId = cmd.presenterUserId;
        }
        if (Object.keys(data).length === 0) throw unchanged(version);
        await tx.meetingLive.update({ where: { meetingId }, data });
        return liveEvent("settings", meetingId, null, "settings", { ...data });
      }
    }
  });
}

/**
 * The chair goes to an item, or steps to the next / previous one: the hottest live command (every tablet follows it),
 * in SQL (lib/meetings/change.ts changeMeetingSql). The time spent on the item left is folded into its total.
 */
function moveCurrentItem(actor: Actor, meetingId: string, cmd: Extract<RunCommand, { command: "goto" | "step" }>) {
  return liveChangeSql(actor, meetingId, { action: "meeting.run", baseVersion: cmd.baseVersion }, (w, { meeting, version }) => {
    const live = liveRowSql(w, meetingId);
    const now = new Date();
    const current = meeting.currentAgendaItemId;
    const items = () => w.all(sql`SELECT "id", "parentId", "position" FROM "AgendaItem" WHERE "meetingId" = ${meetingId}`)
      .map((i) => ({ id: i.id as string, parentId: (i.parentId ?? null) as string | null, position: Number(i.position) }));
    let target: string | null;
    if (cmd.command === "goto") {
      const item = w.get(sql`SELECT "id" FROM "AgendaItem" WHERE "id" = ${cmd.itemId} AND "meetingId" = ${meetingId}`);
      if (!item) throw invalid("VALIDATION", { itemId: ["live.unknownItem"] });
      target = item.id as string;
    } else {
      // The chair saw `from` as current; if the meeting has moved on since, this step has been taken already.
      if (cmd.from !== current) throw unchanged(version);
      target = stepFrom(agendaOrder(items()), current, cmd.direction);
    }
    if (!target || target === current) throw unchanged(version);
    const running = !!live.startedAt && !live.pausedAt && !live.closedAt;
    const stamp = dbDate(now);
    w.run(sql`UPDATE "Meeting" SET "currentAgendaItemId" = ${target}, "updatedAt" = ${stamp} WHERE "id" = ${meetingId}`);
    const spent = foldItemTime(spentOf(live.itemSpentMs), current, live.itemRunningSince, now);
    w.run(sql`UPDATE "MeetingLive" SET "itemSpentMs" = ${JSON.stringify(spent)}, "itemRunningSince" = ${running ? stamp : null}, "updatedAt" = ${stamp} WHERE "meetingId" = ${meetingId}`);
    return liveEvent("item", meetingId, null, "item", { from: current, to: target }, { meeting: true });
  });
}

/** The presenter (the chair, the secretary, or whoever the chair named) shows a paper at a page, or nothing. */
export async function presentPaper(actor: Actor, meetingId: string, input: Present) {
  // Every page the presenter turns reaches every following tablet: in SQL, like moveCurrentItem.
  return liveChangeSql(actor, meetingId, { action: "meeting.view" }, (w, { meeting, version }) => {
    const live = liveRowSql(w, meetingId);
    authorize(actor, "live.present", { ...meeting, presenterUserId: live.presenterUserId });
    let page = input.page;
    if (input.documentId) {
      // Only a paper everyone in the room may see goes on the room's screens.
      const doc = w.get(sql`SELECT v."pageCount" FROM "Document" d JOIN "DocumentVersion" v ON v."documentId" = d."id"
        WHERE d."id" = ${input.documentId} AND d."meetingId" = ${meetingId} AND d."restricted" = ${dbBool(false)}
        ORDER BY v."number" DESC LIMIT 1`);
      const pages = doc ? Number(doc.pageCount) : 0;
      if (!pages) throw invalid("VALIDATION", { documentId: ["live.notShowable"] });
      page = Math.min(page, pages);
    }
    if (live.shownDocumentId === input.documentId && (input.documentId === null || live.shownPage === page)) throw unchanged(version);
    w.run(sql`UPDATE "MeetingLive" SET "shownDocumentId" = ${input.documentId}, "shownPage" = ${input.documentId ? page : 1}, "updatedAt" = ${dbDate(new Date())} WHERE "meetingId" = ${meetingId}`);
    return liveEvent("shown", meetingId, { page }, "present", { documentId: input.documentId, page });
  });
}


/** A new room display token (the old one stops working); only its hash is stored. */
export async function issueDisplayToken(actor: Actor, meetingId: string) {
  const token = crypto.randomBytes(24).toString("base64url");
  const out = await liveChange(actor, meetingId, { action: "meeting.run" }, async (tx) => {
    await liveOf(tx, meetingId);
    await tx.meetingLive.update({ where: { meetingId }, data: { displayTokenHash: displayTokenHash(token) } });
    return { ...liveEvent("display", meetingId, { token }, "display.issue"), after: () => closeDisplaySockets(meetingId, displayTokenHash(token)) };
  });
  return out;
}

export async function revokeDisplayToken(actor: Actor, meetingId: string) {
  return liveChange(actor, meetingId, { action: "meeting.run" }, async (tx, { version }) => {
    const live = await liveOf(tx, meetingId);
    if (!live.displayTokenHash) throw unchanged(version);
    await tx.meetingLive.update({ where: { meetingId }, data: { displayTokenHash: null } });
    return { ...liveEvent("display", meetingId, null, "display.revoke"), after: () => closeDisplaySockets(meetingId, null) };
  });
}

// Attendance.

const attendanceEvent = (participantId: string, present: boolean, data: Record<string, unknown>): ChangeOutcome<null, "attendance.changed"> => ({
  result: null,
  event: { name: "attendance.changed", change: present ? "checkedIn" : "checkedOut" },
  touched: { participants: [participantId] },
  audit: { action: present ? "attendance.checkIn" : "attendance.checkOut", subjectType: "Participant", subjectId: participantId, data },
});

/** A participant checks themself in (in person) on their tablet, or out. */
export async function checkIn(actor: Actor, meetingId: string, present: boolean) {
  return liveChange(actor, meetingId, { action: "attendance.checkIn" }, async (tx, { version }) => {
    const me = await tx.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId, userId: actor.id } } });
    if (present === !!me.checkedInAt && !me.checkedInDeputy) throw unchanged(version);
    await tx.participant.update({
      where: { id: me.id },
      data: present ? { checkedInAt: new Date(), checkedInDeputy: false, checkedInById: actor.id } : { checkedInAt: null, checkedInDeputy: false, checkedInById: actor.id },
    });
    return attendanceEvent(me.id, present, { by: "self" });
  });
}

/**
 * The deputy named in a member's answer checks in for that member's seat on their own tablet (or out). The seat is
 * the member's one participant row, so it counts once whoever checks it in; a member already here in person keeps
 * the seat.
 */
export async function checkInAsDeputy(actor: Actor, meetingId: string, input: DeputyCheckIn) {
  return liveChange(actor, meetingId, { action: "attendance.checkInDeputy" }, async (tx, { version }) => {
    const seat = await tx.participant.findFirst({ where: { id: input.participantId, meetingId, ...deputySeatOf(actor.id) } });
    if (!seat) throw forbidden("live.notYourSeat");
    const inPerson = !!seat.checkedInAt && !seat.checkedInDeputy;
    if (inPerson) {
      if (input.present) throw invalid("live.memberPresent");
      throw unchanged(version);
    }
    if (input.present === !!seat.checkedInAt) throw unchanged(version);
    await tx.participant.update({
      where: { id: seat.id },
      data: { checkedInAt: input.present ? new Date() : null, checkedInDeputy: input.present, checkedInById: actor.id },
    });
    return attendanceEvent(seat.id, input.present, { by: "deputy", deputy: actor.id });
  });
}

/** The chair or secretary marks someone present (in person or by their deputy) or absent. */
export async function markAttendance(actor: Actor, meetingId: string, input: MarkAttendance) {
  return liveChange(actor, meetingId, { action: "meeting.run" }, async (tx, { version }) => {
    const p = await tx.participant.findFirst({ where: { id: input.participantId, meetingId } });
    if (!p) throw invalid("VALIDATION", { participantId: ["live.notParticipant"] });
    if (input.mark === "DEPUTY" && p.rsvp !== "DELEGATE") throw invalid("live.noDeputy", { mark: ["live.noDeputy"] });
    const present = input.mark !== "ABSENT";
    const deputy = input.mark === "DEPUTY";
    if (present === !!p.checkedInAt && (!present || deputy === p.checkedInDeputy)) throw unchanged(version);
    await tx.participant.update({
      where: { id: p.id },
      data: { checkedInAt: present ? new Date() : null, checkedInDeputy: deputy, checkedInById: actor.id },
    });
    return attendanceEvent(p.id, present, { mark: input.mark, by: actor.id });
  });
}

// Requests to speak.

const speakersEvent = <T>(change: ChangeOutcome<T, "speakers.changed">["event"]["change"], result: T, speakers: string[], subjectId: string, data?: Record<string, unknown>): ChangeOutcome<T, "speakers.changed"> => ({
  result,
  event: { name: "speakers.changed", change },
  touched: { speakers },
  audit: { action: `speaker.${change}`, subjectType: "SpeakerRequest", subjectId, data },
});

/** Writes new positions for the queue in this order; returns the ids whose position changed. */
async function writeQueue(tx: Tx, ordered: { id: string; position: number }[]): Promise<string[]> {
  const changed: string[] = [];
  for (const [i, e] of ordered.entries()) {
    if (e.position === i) continue;
    await tx.speakerRequest.update({ where: { id: e.id }, data: { position: i } });
    changed.push(e.id);
  }
  return changed;
}

const waitingOn = (tx: Tx, meetingId: string, agendaItemId: string | null) =>
  tx.speakerRequest.findMany({ where: { meetingId, agendaItemId, status: "WAITING" }, select: { id: true, kind: true, position: true, requestedAt: true } });

/** Ask to speak on the current item. Asking again while a request is open changes nothing (a double tap). */
export async function requestToSpeak(actor: Actor, meetingId: string, kind: SpeakerKind) {
  // A double tap or a retry is answered from a read, without taking the write lock (a hundred members asking at
  // once queue behind each other's writes; their repeats need not). The check inside the change still decides.
  const meeting = await loadMeetingResource(db, actor, meetingId);
  // A named deputy not (or no longer) checked in for the seat is told what to do; the policy decides as for anyone.
  if (meeting.represents && !meeting.deputySeatCheckedIn && !meeting.participant && meeting.status === "IN_PROGRESS" && can(actor, "meeting.view", meeting)) {
    throw forbidden("live.checkInToSpeak");
  }
  authorize(actor, "speaker.request", meeting);
  const open = await db.speakerRequest.findFirst({
    where: { meetingId, agendaItemId: meeting.currentAgendaItemId, userId: actor.id, status: { in: ["WAITING", "SPEAKING"] } },
    select: { id: true },
  });
  if (open) return { result: { id: open.id }, version: meeting.version };
  return liveChange(actor, meetingId, { action: "speaker.request" }, async (tx, { meeting, version }) => {
    const agendaItemId = meeting.currentAgendaItemId;
    const open = await tx.speakerRequest.findFirst({ where: { meetingId, agendaItemId, userId: actor.id, status: { in: ["WAITING", "SPEAKING"] } } });
    if (open) throw new Unchanged({ id: open.id }, version - 1);
    const onBehalfOfId = await speakingFor(tx, actor, meetingId, meeting.participant);
    const queue = await waitingOn(tx, meetingId, agendaItemId);
    const id = crypto.randomUUID();
    const requestedAt = new Date();
    const audit = { kind, agendaItemId, ...(onBehalfOfId ? { onBehalfOf: onBehalfOfId } : {}) };
    if (kind === "SPEAK") {
      // At the end: nobody else moves (a hundred requests in a second write a hundred rows, not ten thousand).
      const position = queue.reduce((max, e) => Math.max(max, e.position + 1), 0);
      await tx.speakerRequest.create({ data: { id, meetingId, agendaItemId, userId: actor.id, onBehalfOfId, kind, position, requestedAt } });
      return speakersEvent("requested", { id }, [id], id, audit);
    }
    // A point of order goes ahead of the ordinary requests: the queue is renumbered around it.
    const ordered = enqueue(queue, { id, kind, position: -1, requestedAt });
    await tx.speakerRequest.create({ data: { id, meetingId, agendaItemId, userId: actor.id, onBehalfOfId, kind, position: ordered.findIndex((e) => e.id === id), requestedAt } });
    const moved = await writeQueue(tx, ordered.map((e, i) => (e.id === id ? { ...e, position: i } : e)));
    return speakersEvent("requested", { id }, [id, ...moved], id, audit);
  });
}

/**
 * Whom a request to speak is for: null when the requester takes part themself (a member, the chair, the secretary),
 * else the member whose seat they are checked in for as deputy (the policy has let them ask: speaker.request). A
 * deputy attending for more than one member speaks for the first seat named.
 */
async function speakingFor(tx: Tx, actor: Actor, meetingId: string, own: { role: string } | null): Promise<string | null> {
  if (own && own.role !== "OBSERVER") return null;
  const seat = await tx.participant.findFirst({ where: { meetingId, ...checkedInDeputySeatOf(actor.id) }, orderBy: { createdAt: "asc" }, select: { userId: true } });
  return seat?.userId ?? null;
}

/** Withdraw one's own waiting request (the one given, or all on the current item). */
export async function withdrawRequest(actor: Actor, meetingId: string, requestId?: string) {
  return liveChange(actor, meetingId, { action: "speaker.request" }, async (tx, { meeting, version }) => {
    const mine = await tx.speakerRequest.findMany({
      where: { meetingId, userId: actor.id, status: "WAITING", ...(requestId ? { id: requestId } : { agendaItemId: meeting.currentAgendaItemId }) },
      select: { id: true },
    });
    if (!mine.length) throw unchanged(version);
    const ids = mine.map((s) => s.id);
    authorize(actor, "speaker.withdraw", { meeting, userId: actor.id });
    await tx.speakerRequest.updateMany({ where: { id: { in: ids } }, data: { status: "WITHDRAWN", endedAt: new Date() } });
    return speakersEvent("withdrawn", null, ids, ids[0]);
  });
}

/** The chair gives the floor, moves to the next speaker, ends a speech, reorders or removes a request. */
export async function manageSpeakers(actor: Actor, meetingId: string, cmd: ManageSpeakers) {
  const done = await manageSpeakersChange(actor, meetingId, cmd);
  await rearmSpeechTimer(meetingId);
  return done;
}

async function manageSpeakersChange(actor: Actor, meetingId: string, cmd: ManageSpeakers) {
  return liveChange(actor, meetingId, { action: "meeting.run" }, async (tx, { meeting, version }) => {
    const now = new Date();
    const guard = (userId: string) => authorize(actor, "speaker.manage", { meeting, userId });
    const request = async (id: string) => {
      const r = await tx.speakerRequest.findFirst({ where: { id, meetingId } });
      if (!r) throw invalid("VALIDATION", { requestId: ["live.unknownRequest"] });
      guard(r.userId);
      return r;
    };
    const speaking = await tx.speakerRequest.findFirst({ where: { meetingId, status: "SPEAKING" } });
    switch (cmd.command) {
      case "floor": {
        const r = await request(cmd.requestId);
        if (r.status === "SPEAKING") throw unchanged(version);
        if (r.status !== "WAITING") throw invalid("live.notWaiting", { requestId: ["live.notWaiting"] });
        const ended = await endSpeaking(tx, meetingId, now);
        await tx.speakerRequest.update({ where: { id: r.id }, data: { status: "SPEAKING", startedAt: now } });
        return speakersEvent("floor", null, [r.id, ...ended], r.id, { userId: r.userId });
      }
      case "next": {
        if ((speaking?.id ?? null) !== cmd.after) throw unchanged(version);
        const queue = queueOrder(await waitingOn(tx, meetingId, meeting.currentAgendaItemId));
        if (!speaking && !queue.length) throw unchanged(version);
        if (speaking) guard(speaking.userId);
        const ended = await endSpeaking(tx, meetingId, now);
        const next = queue[0];
        if (next) await tx.speakerRequest.update({ where: { id: next.id }, data: { status: "SPEAKING", startedAt: now } });
        return speakersEvent(next ? "floor" : "ended", null, [...ended, ...(next ? [next.id] : [])], next?.id ?? speaking!.id);
      }
      case "end": {
        const r = await request(cmd.requestId);
        if (r.status !== "SPEAKING") throw unchanged(version);
        await tx.speakerRequest.update({ where: { id: r.id }, data: { status: "DONE", endedAt: now } });
        return speakersEvent("ended", null, [r.id], r.id);
      }
      case "move": {
        const r = await request(cmd.requestId);
        if (r.status !== "WAITING") throw invalid("live.notWaiting", { requestId: ["live.notWaiting"] });
        const queue = await waitingOn(tx, meetingId, r.agendaItemId);
        const moved = await writeQueue(tx, moveInQueue(queue, r.id, cmd.index));
        if (!moved.length) throw unchanged(version);
        return speakersEvent("moved", null, moved, r.id, { index: cmd.index });
      }
      case "remove": {
        const r = await request(cmd.requestId);
        if (r.status !== "WAITING") throw unchanged(version);
        await tx.speakerRequest.update({ where: { id: r.id }, data: { status: "REMOVED", endedAt: now } });
        return speakersEvent("removed", null, [r.id], r.id);
      }
    }
  });
}

/**
 * The speaking limit has run out (lib/live/speechTimer.ts): the speech ends, recorded as ending at the limit (a
 * server that was down past it does not lengthen it). The timer acts for the meeting's chair (or its secretary); a
 * speech already ended, or a limit lifted or lengthened since, changes nothing.
 */
export async function endSpeechAtLimit(meetingId: string, requestId: string): Promise<boolean> {
  const m = await db.meeting.findUnique({
    where: { id: meetingId },
    select: { chairId: true, live: { select: { speakingLimitSeconds: true } }, participants: { where: { role: { in: ["CHAIR", "SECRETARY"] } }, select: { userId: true }, orderBy: { role: "asc" } } },
  });
  if (!m) return false;
  for (const userId of [...new Set([m.chairId, ...m.participants.map((p) => p.userId)])]) {
    if (!userId) continue;
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user?.active) continue;
    const actor: Actor = { id: user.id, role: user.role as Actor["role"], name: user.name, email: user.email, locale: user.locale };
    try {
      const { result } = await liveChange(actor, meetingId, { action: "meeting.run" }, async (tx, { meeting, version }) => {
        const r = await tx.speakerRequest.findFirst({ where: { id: requestId, meetingId } });
        const live = await tx.meetingLive.findUnique({ where: { meetingId }, select: { speakingLimitSeconds: true, updatedAt: true } });
        const deadline = speechDeadline(r?.startedAt ?? null, live?.speakingLimitSeconds ?? null);
        const now = Date.now();
        if (!r || r.status !== "SPEAKING" || !deadline || deadline.getTime() > now) throw new Unchanged(false, version - 1);
        authorize(actor, "speaker.manage", { meeting, userId: r.userId });
        // At the limit; but a limit set when the speech had already run past it ends it when it was set, not before.
        const endedAt = new Date(Math.min(now, Math.max(deadline.getTime(), live!.updatedAt.getTime())));
        await tx.speakerRequest.update({ where: { id: r.id }, data: { status: "DONE", endedAt } });
        return speakersEvent("ended", true, [r.id], r.id, { atLimit: live!.speakingLimitSeconds });
      });
      if (!result) await rearmSpeechTimer(meetingId); // lengthened since: wait for the new deadline
      return result;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  return false;
}

setSpeechEnder(endSpeechAtLimit);

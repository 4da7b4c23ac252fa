// Vote writes. Creating, opening and closing a vote are meeting changes (version, stored event, hash-chained audit);
// a ballot is not: it is one small transaction of its own, then a coalesced progress message ("n of m have voted").
//
// Secret votes are secret by construction: the ballot is split into a receipt (who voted, for "never twice") and an
// increment of a per-option counter created in full at the opening. No row per secret ballot exists, so no id, rowid,
// timestamp, log line or event order can pair a voter with a choice; progress messages carry no counts.
import crypto from "node:crypto";
import { db, type Tx } from "../db/index.ts";
import { AppError, forbidden, invalid, notFound } from "../errors/index.ts";
import { authorize, can, type Actor, type MeetingResource, type MeetingRole } from "../policy/index.ts";
import { asBool, asDate, asDateOrNull, sql } from "../db/read.ts";
import { dbDate, writeTransaction, type Writer } from "../db/write.ts";
import { changeMeeting, meetingEvent } from "../meetings/change.ts";
import { publishUserEvent } from "../realtime/publish.ts";
import { decide, STANDARD_ROLES, type OptionRoles, type VoteRule } from "./rules.ts";
import { castBallotSchema, createVoteSchema, ruleOf, voteStepSchema, type MyBallot, type VoteResult } from "./schema.ts";
import { eligibleVoters, readVoteRow, voteResource } from "./queries.ts";
import { attendanceOf, attendsFor, speaksFor, votingSeat } from "../live/attendance.ts";
import { meetingPresence } from "../live/presence.ts";
import { scheduleProgress } from "./progress.ts";
import { armVoteTimer, disarmVoteTimer, setVoteCloser } from "./timer.ts";

/** The labels of the standard options are localized by the UI; stored as these keys. */
export const STANDARD_OPTIONS = ["FOR", "AGAINST", "ABSTAIN"] as const;

const rolesOf = (standard: boolean): OptionRoles => (standard ? STANDARD_ROLES : { forIndex: null, againstIndex: null, abstainIndex: null });

async function voteOr404(tx: Tx, voteId: string) {
  const vote = await tx.vote.findUnique({ where: { id: voteId } });
  if (!vote) throw notFound();
  return vote;
}

export async function meetingIdOfVote(voteId: string): Promise<string> {
  return (await voteOr404(db, voteId)).meetingId;
}

export async function createVote(actor: Actor, meetingId: string, raw: unknown) {
  const input = createVoteSchema.parse(raw);
  return changeMeeting(actor, meetingId, { action: "meeting.run", baseVersion: input.baseVersion }, async (tx) => {
    if (input.agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId }, select: { id: true } }))) {
      throw invalid("VALIDATION", { agendaItemId: ["votes.unknownItem"] });
    }
    const standard = !input.options;
    const vote = await tx.vote.create({
      data: {
        meetingId,
        agendaItemId: input.agendaItemId ?? null,
        question: input.question,
        options: standard ? [...STANDARD_OPTIONS] : input.options!,
        standardOptions: standard,
        ballotKind: input.ballotKind,
        rule: ruleOf(input) as object,
        // A secret ballot cannot be changed: nothing links it to its voter.
        allowChange: input.ballotKind === "SECRET" ? false : input.allowChange,
        allowRemote: input.allowRemote,
        // Named and secret votes show no counts before the close.
        hideCounts: input.ballotKind === "OPEN" ? input.hideCounts : true,
        deadline: null,
        closesAt: null,
        durationSeconds: input.durationSeconds ?? null,
        createdById: actor.id,
      },
    });
    return {
      result: await readVoteRow(tx, vote.id),
      event: meetingEvent("votes.changed", "created"),
      touched: { votes: [vote.id] },
      audit: { action: "vote.create", subjectType: "Vote", subjectId: vote.id, data: { question: vote.question, ballotKind: vote.ballotKind, rule: vote.rule } },
    };
  });
}

/** A planned (not yet opened) vote can be deleted. */
export async function deleteVote(actor: Actor, voteId: string, raw: unknown) {
  const { baseVersion } = voteStepSchema.parse(raw ?? {});
  const meetingId = await meetingIdOfVote(voteId);
  return changeMeeting(actor, meetingId, { action: "meeting.run", baseVersion }, async (tx, { meeting }) => {
    const vote = await voteOr404(tx, voteId);
    authorize(actor, "vote.manage", voteResource(meeting, vote));
    if (vote.status !== "DRAFT") throw invalid("votes.notDraft");
    await tx.vote.delete({ where: { id: voteId } });
    return {
      result: { id: voteId },
      event: meetingEvent("votes.changed", "deleted"),
      touched: { removedVotes: [voteId] },
      audit: { action: "vote.delete", subjectType: "Vote", subjectId: voteId },
    };
  });
}

export async function openVote(actor: Actor, voteId: string, raw: unknown) {
  const { baseVersion } = voteStepSchema.parse(raw ?? {});
  const meetingId = await meetingIdOfVote(voteId);
  const out = await changeMeeting(actor, meetingId, { action: "meeting.run", baseVersion }, async (tx, { meeting }) => {
    const vote = await voteOr404(tx, voteId);
    authorize(actor, "vote.manage", voteResource(meeting, vote));
    if (vote.status !== "DRAFT") throw invalid("votes.notDraft");
    if (meeting.status !== "IN_PROGRESS") throw invalid("votes.meetingNotRunning");
    const openedAt = new Date();
    const closesAt = vote.durationSeconds ? new Date(openedAt.getTime() + vote.durationSeconds * 1000) : null;
    const opened = await tx.vote.updateMany({ where: { id: voteId, status: "DRAFT" }, data: { status: "OPEN", openedAt, closesAt } });
    if (opened.count !== 1) throw invalid("votes.notDraft");
    if (vote.ballotKind === "SECRET") {
      // Every counter exists from the start, in option order: no row's creation tells which option got a ballot first.
      const options = vote.options as string[];
      for (let choice = 0; choice < options.length; choice++) await tx.secretTally.create({ data: { voteId, choice, count: 0 } });
    }
    const eligible = await eligibleVoters(tx, meetingId, vote.allowRemote);
    return {
      result: await readVoteRow(tx, voteId),
      event: meetingEvent("votes.changed", "opened"),
      touched: { votes: [voteId] },
      audit: { action: "vote.open", subjectType: "Vote", subjectId: voteId, data: { openedAt: openedAt.toISOString(), closesAt: closesAt?.toISOString() ?? null, eligible: eligible.length } },
    };
  });
  if (out.result.closesAt) armVoteTimer(voteId, new Date(out.result.closesAt));
  scheduleProgress(meetingId, voteId);
  return out;
}

/** Closes a vote: the result is computed once, in this transaction, stored, hash-chained in the audit trail. */
export async function closeVote(actor: Actor, voteId: string, raw: unknown, closedBy: "chair" | "timer" = "chair") {
  const { baseVersion } = voteStepSchema.parse(raw ?? {});
  const meetingId = await meetingIdOfVote(voteId);
  const out = await changeMeeting(actor, meetingId, { action: "meeting.run", baseVersion }, async (tx, { meeting }) => {
    const vote = await voteOr404(tx, voteId);
    authorize(actor, "vote.manage", voteResource(meeting, vote));
    if (vote.status !== "OPEN") throw invalid("votes.notOpen");
    const closedAt = new Date();
    // The conditional update orders the close against every ballot: a ballot after it finds the vote closed.
    const closed = await tx.vote.updateMany({ where: { id: voteId, status: "OPEN" }, data: { status: "CLOSED", closedAt } });
    if (closed.count !== 1) throw invalid("votes.notOpen");
    const result = await computeResult(tx, vote, meeting.chairId, closedBy);
    await tx.vote.update({ where: { id: voteId }, data: { result: result as object } });
    return {
      result: await readVoteRow(tx, voteId),
      event: meetingEvent("votes.changed", "closed"),
      touched: { votes: [voteId] },
      audit: { action: "vote.close", subjectType: "Vote", subjectId: voteId, data: { closedAt: closedAt.toISOString(), closedBy, result: { outcome: result.outcome, hash: result.hash } } },
    };
  });
  disarmVoteTimer(voteId);
  return out;
}

type VoteRecord = Awaited<ReturnType<typeof voteOr404>>;

async function computeResult(tx: Tx, vote: VoteRecord, chairId: string | null, closedBy: "chair" | "timer"): Promise<VoteResult> {
  const options = vote.options as string[];
  const counts = options.map(() => 0);
  let chairChoice: number | null = null;
  let named: VoteResult["named"] = null;
  if (vote.ballotKind === "SECRET") {
    for (const t of await tx.secretTally.findMany({ where: { voteId: vote.id } })) counts[t.choice] = t.count;
  } else {
    const ballots = await tx.ballot.findMany({ where: { voteId: vote.id }, include: { voter: { select: { id: true, name: true } } }, orderBy: { voter: { name: "asc" } } });
    for (const b of ballots) counts[b.choice]++;
    chairChoice = ballots.find((b) => b.voterId === chairId)?.choice ?? null;
    if (vote.ballotKind === "NAMED") named = options.map((_, i) => ballots.filter((b) => b.choice === i).map((b) => ({ id: b.voter.id, name: b.voter.name })));
  }
  // Present for the vote's quorum by the meeting's one rule (lib/live/attendance.ts: a deputy counts only when the
  // meeting counts deputies), though a checked-in deputy casts the member's ballot either way.
  const { quorum: { members, present } } = await meetingPresence(tx, vote.meetingId);
  const rule = vote.rule as VoteRule;
  const outcome = decide(rule, rolesOf(vote.standardOptions), { counts, members, present, chairChoice });
  const body = { outcome, rule, named, closedBy };
  const hash = crypto.createHash("sha256").update(JSON.stringify([vote.id, vote.question, options, body])).digest("hex");
  return { ...body, hash };
}

/** A vote whose countdown ran out: closed by the timer (on behalf of the meeting's chair). Idempotent. */
export async function closeDueVote(voteId: string): Promise<boolean> {
  const vote = await db.vote.findUnique({ where: { id: voteId }, include: { meeting: { select: { chairId: true, createdById: true } } } });
  if (!vote || vote.status !== "OPEN" || !vote.closesAt || vote.closesAt.getTime() > Date.now()) return false;
  // The timer acts for whoever runs the meeting: its chair if they may, else the vote's creator.
  for (const userId of [vote.meeting.chairId, vote.createdById]) {
    if (!userId) continue;
    const user = await db.user.findUnique({ where: { id: userId } });
    if (!user) continue;
    const actor: Actor = { id: user.id, role: user.role as Actor["role"], name: user.name, email: user.email, locale: user.locale };
    try {
      await closeVote(actor, voteId, {}, "timer");
      return true;
    } catch (e) {
      if (e instanceof AppError && e.text === "votes.notOpen") return false;
      if (!(e instanceof AppError)) throw e;
    }
  }
  return false;
}

export interface CastOutcome {
  myBallot: MyBallot;
  alreadyRecorded: boolean;
}

/**
 * One ballot. Idempotent: a retried, duplicated or concurrent submission of the member's ballot counts once (the
 * unique key is the member, so a deputy or the secretary casting for them cannot make it two).
 *
 * Ballots are written in groups: while one transaction commits, the ballots that arrive meanwhile wait and then go
 * into the next one together (a commit's disk flush is the cost of a ballot; 2,000 voters in one second would
 * otherwise queue behind 2,000 flushes). Each is still checked and answered on its own; none is answered before its
 * transaction has committed.
 */
export function castBallot(actor: Actor, voteId: string, raw: unknown): Promise<CastOutcome> {
  const input = castBallotSchema.parse(raw);
  return new Promise((resolve, reject) => {
    ballots.pending.push({ actor, voteId, choice: input.choice, onBehalfOf: input.onBehalfOf, resolve, reject });
    void drainBallots();
  });
}

interface PendingBallot {
  actor: Actor;
  voteId: string;
  choice: number;
  onBehalfOf: string | undefined;
  resolve: (o: CastOutcome) => void;
  reject: (e: unknown) => void;
}
interface Cast {
  meetingId: string;
  voterId: string;
  alreadyRecorded: boolean;
  myBallot: MyBallot;
}
const MAX_GROUP = 250;
const gb = globalThis as unknown as { __opencabinetBallots?: { pending: PendingBallot[]; writing: boolean } };
const ballots = (gb.__opencabinetBallots ??= { pending: [], writing: false });

async function drainBallots() {
  if (ballots.writing) return;
  ballots.writing = true;
  try {
    while (ballots.pending.length) {
      const group = ballots.pending.splice(0, MAX_GROUP);
      const write = () => writeTransaction((w) => castGroup(w, group));
      let outcomes: ({ ok: Cast } | { error: unknown })[];
      try {
        outcomes = await write().catch((e) => {
          // Another server wrote the same member's ballot meanwhile: once more, now seeing it.
          if (isUniqueViolation(e)) return write();
          throw e;
        });
      } catch (e) {
        for (const b of group) b.reject(e);
        continue;
      }
      const touched = new Map<string, string>();
      outcomes.forEach((o, i) => {
        const b = group[i];
        if ("error" in o) return b.reject(o.error);
        touched.set(b.voteId, o.ok.meetingId);
        publishUserEvent(o.ok.voterId, "ballot.recorded", o.ok.myBallot);
        b.resolve({ myBallot: o.ok.myBallot, alreadyRecorded: o.ok.alreadyRecorded });
      });
      for (const [voteId, meetingId] of touched) scheduleProgress(meetingId, voteId);
    }
  } finally {
    ballots.writing = false;
  }
}

/**
 * A group of ballots in one transaction: what they need is read once per vote and person (the vote, the meeting, the
 * participants concerned, the ballots they already cast), each ballot is judged on its own in order (a later one of
 * the same member sees the earlier), and the accepted ones are written together. Every check comes before any write.
 * Prepared SQL on Prisma's connection (lib/db/write.ts), synchronous from BEGIN to COMMIT: a ballot is the hottest
 * write of a meeting (hundreds in a second), and through Prisma each group cost ~10 ms of CPU in statements alone.
 */
function castGroup(w: Writer, group: PendingBallot[]): ({ ok: Cast } | { error: unknown })[] {
  const out: ({ ok: Cast } | { error: unknown })[] = new Array(group.length);
  const byVote = new Map<string, number[]>();
  group.forEach((b, i) => byVote.set(b.voteId, [...(byVote.get(b.voteId) ?? []), i]));
  for (const [voteId, indexes] of byVote) {
    const vote = w.get(sql`SELECT "meetingId", "options", "ballotKind", "allowChange", "allowRemote", "closesAt", "status" FROM "Vote" WHERE "id" = ${voteId}`) as
      | { meetingId: string; options: string; ballotKind: string; allowChange: number; allowRemote: number; closesAt: string | null; status: VoteRecord["status"] }
      | undefined;
    if (!vote) {
      for (const i of indexes) out[i] = { error: notFound() };
      continue;
    }
    const meetingRow = w.get(sql`SELECT "id", "status", "chairId", "approverId", "publishedAt" FROM "Meeting" WHERE "id" = ${vote.meetingId}`) as
      Omit<MeetingResource, "participant" | "represents" | "deputySeatCheckedIn">;
    const allowRemote = asBool(vote.allowRemote);
    const deputiesVote = asBool(w.get(sql`SELECT "deputiesVote" FROM "MeetingLive" WHERE "meetingId" = ${vote.meetingId}`)?.deputiesVote);
    const closesAt = asDateOrNull(vote.closesAt);
    // The participants concerned: each person's own seat, and the seats they attend for as a deputy.
    const byId = new Map<string, SeatRow>();
    for (const person of new Set(indexes.flatMap((i) => [group[i].actor.id, group[i].onBehalfOf].filter((x): x is string => !!x)))) {
      const rows = w.all(sql`SELECT "id", "userId", "role", "mayVote", "rsvp", "checkedInAt", "checkedInDeputy", "deputyUserId" FROM "Participant"
        WHERE "meetingId" = ${vote.meetingId} AND ("userId" = ${person} OR ("deputyUserId" = ${person} AND (("checkedInDeputy" = 1 AND "checkedInAt" IS NOT NULL) OR "rsvp" = 'DELEGATE')))`);
      for (const r of rows) {
        byId.set(r.id as string, { ...(r as unknown as SeatRow), user: { id: r.userId as string }, mayVote: asBool(r.mayVote), checkedInDeputy: asBool(r.checkedInDeputy) });
      }
    }
    const participants = [...byId.values()];
    const byUser = new Map(participants.map((p) => [p.userId, p]));
    const secret = vote.ballotKind === "SECRET";
    const previous = new Map<string, { choice: number | null; at: Date; id: string | null }>();
    for (const p of participants) {
      const before = secret
        ? (w.get(sql`SELECT "createdAt" AS "at", NULL AS "choice", NULL AS "id" FROM "VoteReceipt" WHERE "voteId" = ${voteId} AND "voterId" = ${p.userId}`))
        : (w.get(sql`SELECT "updatedAt" AS "at", "choice", "id" FROM "Ballot" WHERE "voteId" = ${voteId} AND "voterId" = ${p.userId}`));
      if (before) previous.set(p.userId, { choice: before.choice as number | null, at: asDate(before.at), id: before.id as string | null });
    }
    const options = JSON.parse(vote.options) as string[];
    const at = new Date();
    const created: { voterId: string; castById: string; choice: number }[] = [];
    const changed = new Map<string, { castById: string; choice: number }>();
    for (const i of indexes) {
      const { actor, choice, onBehalfOf } = group[i];
      try {
        const p = byUser.get(actor.id);
        // A named deputy who is not a participant themself sees the meeting through the seat they attend for.
        const represents = participants.some((x) => attendsFor(x, actor.id));
        const deputySeatCheckedIn = participants.some((x) => speaksFor(x, actor.id));
        const meeting: MeetingResource = { ...meetingRow, participant: p ? { role: p.role, mayVote: p.mayVote } : null, represents, deputySeatCheckedIn };
        const resource = voteResource(meeting, vote);
        const delegated = onBehalfOf && onBehalfOf !== actor.id ? onBehalfOf : undefined;
        if (delegated) authorize(actor, "vote.manage", resource);
        else authorize(actor, "vote.view", resource);
        if (vote.status === "CLOSED") throw forbidden("votes.closed");
        if (closesAt && closesAt.getTime() <= Date.now()) {
          armVoteTimer(voteId, closesAt); // overdue: the timer closes it now
          throw forbidden("votes.closed");
        }
        if (vote.status !== "OPEN" || meetingRow.status !== "IN_PROGRESS") throw forbidden("votes.notOpen");
        // Whose ballot this is: the one named by the secretary, the member the actor attends for as deputy, or their own.
        const asDeputy = delegated ? undefined : participants.find((x) => x.userId !== actor.id && x.deputyUserId === actor.id && votingSeat(x, allowRemote, deputiesVote)?.castBy === actor.id);
        const seat = votingSeat(delegated ? byUser.get(delegated) : asDeputy ?? p, allowRemote, deputiesVote);
        // A deputy checked in for a member, at a meeting where deputies do not vote (and with no ballot of their own).
        const deputyHere = !delegated && !seat?.eligible
          && participants.some((x) => x.userId !== actor.id && x.deputyUserId === actor.id && attendanceOf(x) === "DEPUTY");
        if (deputyHere && !deputiesVote) throw forbidden("votes.deputiesDoNotVote");
        const voterId = seat?.voterId ?? delegated ?? actor.id;
        if (voterId === actor.id && !can(actor, "vote.cast", resource)) throw forbidden("votes.noVote");
        if (!seat || !seat.eligible) throw forbidden(allowRemote || (seat === null && voterId !== actor.id) ? "votes.noVote" : "votes.notCheckedIn");
        // A member represented by a deputy does not vote beside them: never two ballots for one seat.
        if (seat.castBy && seat.castBy !== actor.id && !delegated) throw forbidden("votes.representedByDeputy");
        if (choice >= options.length) throw invalid("VALIDATION", { choice: ["votes.unknownOption"] });
        const done = (when: Date, c: number | null, already: boolean): Cast => ({
          meetingId: vote.meetingId, voterId, alreadyRecorded: already, myBallot: { voteId, recorded: true, choice: c, recordedAt: when.toISOString() },
        });
        const before = previous.get(voterId);
        if (before) {
          if (secret || before.choice === choice) {
            out[i] = { ok: done(before.at, secret ? null : before.choice, true) };
            continue;
          }
          if (!asBool(vote.allowChange)) {
            throw new AppError("CONFLICT", "votes.alreadyVoted", undefined, { myBallot: { voteId, recorded: true, choice: before.choice, recordedAt: before.at.toISOString() } });
          }
          changed.set(voterId, { castById: actor.id, choice });
        } else created.push({ voterId, castById: actor.id, choice });
        previous.set(voterId, { choice: secret ? null : choice, at, id: before?.id ?? null });
        out[i] = { ok: done(at, secret ? null : choice, false) };
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        out[i] = { error: e };
      }
    }
    if (!created.length && !changed.size) continue;
    // The conditional write orders these ballots against the close (a close that got in first makes them late).
    if (w.run(sql`UPDATE "Vote" SET "castCount" = "castCount" + ${created.length} WHERE "id" = ${voteId} AND "status" = 'OPEN'`) !== 1) {
      for (const i of indexes) if (out[i] && "ok" in out[i]) out[i] = { error: forbidden("votes.closed") };
      continue;
    }
    const when = dbDate(at);
    if (secret) {
      // A receipt has a random id and the group's one timestamp: nothing in it orders or pairs it with a choice.
      for (const c of created) w.run(sql`INSERT INTO "VoteReceipt" ("id", "voteId", "voterId", "createdAt") VALUES (${crypto.randomUUID()}, ${voteId}, ${c.voterId}, ${when})`);
      const perChoice = new Map<number, number>();
      for (const c of created) perChoice.set(c.choice, (perChoice.get(c.choice) ?? 0) + 1);
      // Counters in option order, whatever order the ballots came in.
      for (const [choice, n] of [...perChoice].sort((a, b) => a[0] - b[0])) {
        if (w.run(sql`UPDATE "SecretTally" SET "count" = "count" + ${n} WHERE "voteId" = ${voteId} AND "choice" = ${choice}`) !== 1) throw new Error(`no tally row for choice ${choice}`);
      }
    } else {
      for (const c of created) {
        w.run(sql`INSERT INTO "Ballot" ("id", "voteId", "voterId", "castById", "choice", "createdAt", "updatedAt") VALUES (${crypto.randomUUID()}, ${voteId}, ${c.voterId}, ${c.castById}, ${c.choice}, ${when}, ${when})`);
      }
      for (const [voterId, c] of changed) w.run(sql`UPDATE "Ballot" SET "choice" = ${c.choice}, "castById" = ${c.castById}, "updatedAt" = ${when} WHERE "voteId" = ${voteId} AND "voterId" = ${voterId}`);
    }
  }
  return out;
}

interface SeatRow {
  id: string;
  userId: string;
  /** The same id as lib/live/attendance.ts's rules read it (`attendsFor`, `speaksFor`). */
  user: { id: string };
  role: MeetingRole;
  mayVote: boolean;
  rsvp: string;
  checkedInAt: string | null;
  checkedInDeputy: boolean;
  deputyUserId: string | null;
}

function isUniqueViolation(e: unknown): boolean {
  const code = typeof e === "object" && e !== null ? (e as { code?: string }).code : undefined;
  return code === "P2002" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

setVoteCloser(closeDueVote);

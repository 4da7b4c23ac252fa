// Vote reads: the row every participant sees, who may vote now, one vote in detail with its progress and one's own
// ballot (the one entity a tablet fetches when an event cannot carry it).
import { db, type Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, can, type Actor, type MeetingResource, type Principal, type VoteResource } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import type { VoteRule } from "./rules.ts";
import { votingSeat, type AttendanceFacts } from "../live/attendance.ts";
import { asBool, readConsistent, sql } from "../db/read.ts";
import type { MyBallot, VoteProgress, VoteResult, VoteRow } from "./schema.ts";

type VoteRecord = NonNullable<Awaited<ReturnType<Tx["vote"]["findUnique"]>>>;

export const voteResource = (meeting: MeetingResource, vote: Pick<VoteRecord, "status">): VoteResource => ({ meeting, status: vote.status });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function voteRowOf(v: VoteRecord): VoteRow {
  return {
    id: v.id,
    agendaItemId: v.agendaItemId,
    question: v.question,
    options: v.options as string[],
    standardOptions: v.standardOptions,
    ballotKind: v.ballotKind,
    rule: v.rule as VoteRule,
    allowChange: v.allowChange,
    allowRemote: v.allowRemote,
    hideCounts: v.hideCounts,
    durationSeconds: v.durationSeconds,
    closesAt: iso(v.closesAt),
    status: v.status,
    openedAt: iso(v.openedAt),
    closedAt: iso(v.closedAt),
    result: (v.result as VoteResult | null) ?? null,
    createdAt: v.createdAt.toISOString(),
  };
}

export async function readVoteRow(tx: Tx, voteId: string): Promise<VoteRow> {
  return voteRowOf(await tx.vote.findUniqueOrThrow({ where: { id: voteId } }));
}

export async function readVoteRows(tx: Tx, where: { meetingId: string; id?: { in: string[] } }): Promise<VoteRow[]> {
  const rows = await tx.vote.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(voteRowOf);
}

type SeatRow = AttendanceFacts & { userId: string; deputyUserId: string | null; name: string };
type Eligible = { id: string; name: string; castBy: string | null }[];

/** Who may vote now, sorted by name, from the participants' rows: the one rule `votingSeat` (lib/live attendance). */
function eligibleFrom(rows: SeatRow[], allowRemote: boolean, deputiesVote: boolean): Eligible {
  return rows
    .flatMap((p) => {
      const seat = votingSeat(p, allowRemote, deputiesVote);
      return seat?.eligible ? [{ id: seat.voterId, name: p.name, castBy: seat.castBy }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Who may vote now (inside a transaction: opening and closing a vote): one ballot per member, cast by the deputy who
 * attends for them when there is one and the meeting lets deputies vote (`castBy`).
 */
export async function eligibleVoters(tx: Tx, meetingId: string, allowRemote: boolean): Promise<Eligible> {
  const [rows, live] = await Promise.all([
    tx.participant.findMany({
      where: { meetingId },
      select: { userId: true, role: true, mayVote: true, rsvp: true, checkedInAt: true, checkedInDeputy: true, deputyUserId: true, user: { select: { name: true } } },
    }),
    tx.meetingLive.findUnique({ where: { meetingId }, select: { deputiesVote: true } }),
  ]);
  return eligibleFrom(rows.map((r) => ({ ...r, name: r.user.name })), allowRemote, live?.deputiesVote ?? false);
}

/** Those who run the meeting (they see who has not voted yet). */
export const runsMeeting = (actor: Principal, meeting: MeetingResource) => can(actor, "meeting.run", meeting) || can(actor, "meeting.listAll");

type ProgressVote = Pick<VoteRecord, "id" | "meetingId" | "ballotKind" | "hideCounts" | "status" | "options" | "allowRemote" | "castCount">;

/**
 * A vote's progress now: "n of m", counts where the vote shows them, and (for those who run the meeting) who has not
 * voted. Read in one consistent read on lib/db's reader (prepared statements, committed data): it runs up to ten
 * times a second during a vote, over every participant and ballot, where Prisma took tens of ms of CPU each time.
 * Also returns who runs the meeting (chair, secretary), to whom the list of those who have not voted goes, and who
 * may vote now.
 */
export function voteProgress(vote: ProgressVote, withNotVoted: boolean, seq: number): { progress: VoteProgress; runners: string[]; eligible: Eligible } {
  const secret = vote.ballotKind === "SECRET";
  const showCounts = vote.ballotKind === "OPEN" && !vote.hideCounts && vote.status !== "DRAFT";
  const [participants, meeting, counted, voted, live] = readConsistent([
    sql`SELECT p."userId", p."role", p."mayVote", p."rsvp", p."checkedInAt", p."checkedInDeputy", p."deputyUserId", u."name"
        FROM "Participant" p JOIN "User" u ON u."id" = p."userId" WHERE p."meetingId" = ${vote.meetingId}`,
    sql`SELECT "chairId" FROM "Meeting" WHERE "id" = ${vote.meetingId}`,
    showCounts ? sql`SELECT "choice", COUNT(*) AS "n" FROM "Ballot" WHERE "voteId" = ${vote.id} GROUP BY "choice"` : sql`SELECT 1 WHERE 1 = 0`,
    !withNotVoted ? sql`SELECT 1 WHERE 1 = 0`
      : secret ? sql`SELECT "voterId" FROM "VoteReceipt" WHERE "voteId" = ${vote.id}` : sql`SELECT "voterId" FROM "Ballot" WHERE "voteId" = ${vote.id}`,
    sql`SELECT "deputiesVote" FROM "MeetingLive" WHERE "meetingId" = ${vote.meetingId}`,
  ]);
  const rows: SeatRow[] = participants.map((r) => ({
    userId: r.userId as string, role: r.role as SeatRow["role"], mayVote: asBool(r.mayVote), rsvp: r.rsvp as string,
    checkedInAt: (r.checkedInAt as string | null) ?? null, checkedInDeputy: asBool(r.checkedInDeputy), deputyUserId: (r.deputyUserId as string | null) ?? null, name: r.name as string,
  }));
  const eligible = eligibleFrom(rows, vote.allowRemote, asBool(live[0]?.deputiesVote));
  let counts: number[] | null = null;
  if (showCounts) {
    counts = (vote.options as string[]).map(() => 0);
    for (const c of counted) counts[Number(c.choice)] = Number(c.n);
  }
  const runners = [...new Set([meeting[0]?.chairId as string | null, ...rows.filter((r) => r.role === "CHAIR" || r.role === "SECRETARY").map((r) => r.userId)])]
    .filter((x): x is string => !!x);
  const progress: VoteProgress = { meetingId: vote.meetingId, voteId: vote.id, cast: vote.castCount, eligible: eligible.length, counts, seq };
  if (withNotVoted) {
    const done = new Set(voted.map((r) => r.voterId as string));
    progress.notVoted = eligible.filter((e) => !done.has(e.id)).map(({ id, name }) => ({ id, name }));
  }
  return { progress, runners, eligible };
}

export async function myBallot(tx: Tx, vote: VoteRecord, userId: string): Promise<MyBallot> {
  if (vote.ballotKind === "SECRET") {
    const r = await tx.voteReceipt.findUnique({ where: { voteId_voterId: { voteId: vote.id, voterId: userId } } });
    return { voteId: vote.id, recorded: !!r, choice: null, recordedAt: iso(r?.createdAt ?? null) };
  }
  const b = await tx.ballot.findUnique({ where: { voteId_voterId: { voteId: vote.id, voterId: userId } } });
  return { voteId: vote.id, recorded: !!b, choice: b?.choice ?? null, recordedAt: iso(b?.updatedAt ?? null) };
}

/** A vote and its meeting, when this actor may see the vote (else 404/403): the opening of every vote read. */
async function visibleVote(actor: Actor, voteId: string) {
  const vote = await db.vote.findUnique({ where: { id: voteId } });
  if (!vote) throw notFound();
  const meeting = await loadMeetingResource(db, actor, vote.meetingId).catch(() => {
    throw notFound();
  });
  authorize(actor, "vote.view", voteResource(meeting, vote));
  return { vote, meeting };
}

/** What a result export needs: the vote's row and its meeting's title (no progress, ballots or snapshot). */
export async function getVoteForExport(actor: Actor, voteId: string): Promise<{ vote: VoteRow; meetingTitle: string }> {
  const { vote, meeting } = await visibleVote(actor, voteId);
  return { vote: voteRowOf(vote), meetingTitle: meeting.title };
}

/** One vote as this actor may see it: the row, its progress now, their own ballot and whether they may cast one. */
export async function getVote(actor: Actor, voteId: string) {
  const { vote, meeting } = await visibleVote(actor, voteId);
  const { progress, eligible } = voteProgress(vote, runsMeeting(actor, meeting), 0);
  const participant = meeting.participant;
  // May cast now: their own ballot (present, with a vote) or, as a deputy, the ballot of the member they attend for.
  // Whether they may cast on this vote while it is open (the card shows the choices only then).
  const voters = meeting.status === "IN_PROGRESS" ? eligible : [];
  const ownSeat = voters.find((v) => v.id === actor.id && !v.castBy) && can(actor, "meeting.vote", meeting);
  const deputyFor = voters.find((v) => v.castBy === actor.id);
  const eligibleNow = Boolean(ownSeat || deputyFor);
  const ballotOf = deputyFor ? deputyFor.id : participant?.mayVote ? actor.id : null;
  return { vote: voteRowOf(vote), progress, myBallot: ballotOf ? await myBallot(db, vote, ballotOf) : null, eligible: eligibleNow };
}

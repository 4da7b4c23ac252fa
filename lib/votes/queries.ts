// Vote reads: the row every participant sees, who may vote now, one vote in detail with its progress and one's own
// ballot (the one entity a tablet fetches when an event cannot carry it).
import { db, type Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, can, type Actor, type MeetingResource, type Principal, type VoteResource } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import type { VoteRule } from "./rules.ts";
import { votingSeat } from "../live/attendance.ts";
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

/**
 * Who may vote now (lib/live attendance, the one rule `votingSeat`), sorted by name: one ballot per member, cast by
 * the deputy who attends for them when there is one (`castBy`).
 */
export async function eligibleVoters(tx: Tx, meetingId: string, allowRemote: boolean): Promise<{ id: string; name: string; castBy: string | null }[]> {
  const rows = await tx.participant.findMany({
    where: { meetingId },
    select: { userId: true, role: true, mayVote: true, rsvp: true, checkedInAt: true, checkedInDeputy: true, deputyUserId: true, user: { select: { name: true } } },
  });
  return rows
    .flatMap((p) => {
      const seat = votingSeat(p, allowRemote);
      return seat?.eligible ? [{ id: seat.voterId, name: p.user.name, castBy: seat.castBy }] : [];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Those who run the meeting (they see who has not voted yet). */
export const runsMeeting = (actor: Principal, meeting: MeetingResource) => can(actor, "meeting.run", meeting) || can(actor, "meeting.listAll");

export async function voteProgress(
  tx: Tx, vote: VoteRecord, withNotVoted: boolean, seq: number,
  eligible?: Awaited<ReturnType<typeof eligibleVoters>>,
): Promise<VoteProgress> {
  eligible ??= await eligibleVoters(tx, vote.meetingId, vote.allowRemote);
  const showCounts = vote.ballotKind === "OPEN" && !vote.hideCounts && vote.status !== "DRAFT";
  let counts: number[] | null = null;
  if (showCounts) {
    counts = (vote.options as string[]).map(() => 0);
    for (const g of await tx.ballot.groupBy({ by: ["choice"], where: { voteId: vote.id }, _count: { _all: true } })) counts[g.choice] = g._count._all;
  }
  const progress: VoteProgress = { meetingId: vote.meetingId, voteId: vote.id, cast: vote.castCount, eligible: eligible.length, counts, seq };
  if (withNotVoted) {
    const voted = new Set(
      vote.ballotKind === "SECRET"
        ? (await tx.voteReceipt.findMany({ where: { voteId: vote.id }, select: { voterId: true } })).map((r) => r.voterId)
        : (await tx.ballot.findMany({ where: { voteId: vote.id }, select: { voterId: true } })).map((r) => r.voterId),
    );
    progress.notVoted = eligible.filter((e) => !voted.has(e.id)).map(({ id, name }) => ({ id, name }));
  }
  return progress;
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
  const eligible = await eligibleVoters(db, vote.meetingId, vote.allowRemote);
  const progress = await voteProgress(db, vote, runsMeeting(actor, meeting), 0, eligible);
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

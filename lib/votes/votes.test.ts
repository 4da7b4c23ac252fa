// Votes through the real commands on a real SQLite database: eligibility, idempotent and concurrent ballots, changing
// a ballot, the close racing ballots, results by the rules, the audit chain, the countdown.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Actor } from "../policy";
import { apiRequest, makeMeeting, makeUser, params, refusal } from "../../tests/fixtures";
import { verifyAuditChain } from "../audit";
import { castBallot, closeDueVote, closeVote, createVote, deleteVote, openVote } from "./commands";
import { getVote } from "./queries";
import { armAllVoteTimers } from "./timer";
import { checkInAsDeputy, runMeeting } from "../live/commands";
import { voteResultCsv } from "./csv";
import { inspectPdf } from "../documents/pdf";
import * as resultPdfRoute from "../../app/api/v1/votes/[voteId]/result.pdf/route";
import * as resultCsvRoute from "../../app/api/v1/votes/[voteId]/result.csv/route";
import * as ballotRoute from "../../app/api/v1/votes/[voteId]/ballot/route";

let sec: Actor, chair: Actor, members: Actor[], observer: Actor, outsider: Actor, meetingId: string;

/** A running meeting: the chair, five members with a vote (four checked in), an observer. */
beforeEach(async () => {
  sec = await makeUser("SECRETARIAT");
  chair = await makeUser("MEMBER", "Chủ tọa");
  members = [await makeUser(), await makeUser(), await makeUser(), await makeUser(), await makeUser()];
  observer = await makeUser();
  outsider = await makeUser();
  const m = await makeMeeting(sec, { members, chair });
  meetingId = m.id;
  await db.participant.create({ data: { meetingId, userId: observer.id, role: "OBSERVER", mayVote: false } });
  await db.meeting.update({ where: { id: meetingId }, data: { status: "IN_PROGRESS" } });
  await db.participant.updateMany({ where: { meetingId, userId: { in: [chair.id, ...members.slice(0, 4).map((u) => u.id)] } }, data: { checkedInAt: new Date() } });
});


async function openedVote(input: Record<string, unknown> = {}) {
  const { result } = await createVote(chair, meetingId, { question: "Thông qua Tờ trình?", ...input });
  await openVote(chair, result.id, {});
  return result.id;
}

describe("votes", () => {
  it("an open vote: counts live, the result by the Government rule, stored once and hash-chained", async () => {
    const voteId = await openedVote({ preset: "GOVERNMENT" });
    await castBallot(chair, voteId, { choice: 0 });
    for (const [i, u] of members.slice(0, 4).entries()) await castBallot(u, voteId, { choice: i < 3 ? 0 : 1 });
    const live = await getVote(members[0], voteId);
    expect(live.progress).toMatchObject({ cast: 5, eligible: 5, counts: [4, 1, 0] });
    expect(live.progress.notVoted).toBeUndefined(); // a member does not see who has not voted
    expect((await getVote(chair, voteId)).progress.notVoted).toEqual([]);
    const { result } = await closeVote(chair, voteId, {});
    // 6 members with a vote (chair + 5), 5 present: quorum 2/3 of 6 = 4 met; 4 for > half of 6 members.
    expect(result.result!.outcome).toMatchObject({ counts: [4, 1, 0], members: 6, present: 5, quorumMet: true, passed: true, needed: 4 });
    expect(await verifyAuditChain(db)).toBeNull();
    const audit = await db.auditEntry.findMany({ where: { subjectId: voteId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["vote.create", "vote.open", "vote.close"]);
    expect((audit[2].data as { result: { hash: string } }).result.hash).toBe(result.result!.hash);
    // Final: no ballot, no second close.
    expect(await refusal(castBallot(members[3], voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.closed" });
    expect(await refusal(closeVote(chair, voteId, {}))).toMatchObject({ status: 422, text: "votes.notOpen" });
  });

  it("a double tap, a retry and 50 concurrent submissions count once", async () => {
    const voteId = await openedVote();
    const all = await Promise.all(Array.from({ length: 50 }, () => castBallot(members[0], voteId, { choice: 1 })));
    expect(all.filter((r) => !r.alreadyRecorded)).toHaveLength(1);
    expect(await db.ballot.count({ where: { voteId } })).toBe(1);
    expect((await db.vote.findUniqueOrThrow({ where: { id: voteId } })).castCount).toBe(1);
    // The same for a secret vote: one receipt, one increment.
    const secret = await openedVote({ ballotKind: "SECRET" });
    await Promise.all(Array.from({ length: 50 }, () => castBallot(members[1], secret, { choice: 2 })));
    expect(await db.voteReceipt.count({ where: { voteId: secret } })).toBe(1);
    expect((await db.secretTally.findMany({ where: { voteId: secret }, orderBy: { choice: "asc" } })).map((t) => t.count)).toEqual([0, 0, 1]);
  });

  it("who may vote: checked-in participants with a vote; remote votes when allowed; the secretary for a member", async () => {
    const voteId = await openedVote();
    expect(await refusal(castBallot(members[4], voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.notCheckedIn" });
    expect(await refusal(castBallot(observer, voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.noVote" });
    expect(await refusal(castBallot(outsider, voteId, { choice: 0 }))).toMatchObject({ status: 404 });
    expect(await refusal(castBallot(members[0], voteId, { choice: 7 }))).toMatchObject({ status: 422 });
    // A member may not cast for another; the chair (who runs the meeting) records one for a member without a tablet.
    expect(await refusal(castBallot(members[0], voteId, { choice: 0, onBehalfOf: members[1].id }))).toMatchObject({ status: 403 });
    await castBallot(chair, voteId, { choice: 1, onBehalfOf: members[1].id });
    // ... and the member cannot then vote a second time.
    expect(await refusal(castBallot(members[1], voteId, { choice: 0 }))).toEqual({ status: 409, text: "votes.alreadyVoted" });
    const remote = await openedVote({ allowRemote: true });
    expect((await castBallot(members[4], remote, { choice: 0 })).alreadyRecorded).toBe(false);
  });

  it("where deputies do not vote (the default): the deputy gets no ballot card and is refused; the seat has no ballot in the room", async () => {
    const deputy = await makeUser("MEMBER", "Thứ trưởng dự thay");
    await db.participant.create({ data: { meetingId, userId: deputy.id, role: "OBSERVER", mayVote: false } });
    await db.participant.updateMany({ where: { meetingId, userId: members[3].id }, data: { rsvp: "DELEGATE", deputyName: deputy.name, deputyUserId: deputy.id, checkedInAt: new Date(), checkedInDeputy: true } });
    const voteId = await openedVote();
    expect(await refusal(castBallot(deputy, voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.deputiesDoNotVote" });
    // Through the route, in the deputy's own language.
    for (const [locale, text] of [["vi", "Người dự họp thay không biểu quyết tại cuộc họp này."], ["en", "A deputy does not vote at this meeting."]]) {
      await db.user.update({ where: { id: deputy.id }, data: { locale } });
      const res = await ballotRoute.POST(await apiRequest(deputy, "POST", `/api/v1/votes/${voteId}/ballot`, { choice: 0 }), params({ voteId }));
      expect(res.status).toBe(403);
      expect((await res.json()).error.message).toBe(text);
    }
    const card = await getVote(deputy, voteId);
    expect(card.eligible).toBe(false);
    // "n of m": the chair and three members in person; the represented seat is not among them.
    expect(card.progress).toMatchObject({ cast: 0, eligible: 4 });
    expect((await getVote(chair, voteId)).progress.notVoted!.map((v) => v.id)).not.toContain(members[3].id);
    // The member, absent, has no ballot either, unless the vote allows remote voting: then they cast it themself.
    expect(await refusal(castBallot(members[3], voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.notCheckedIn" });
    const remote = await openedVote({ allowRemote: true });
    expect(await refusal(castBallot(deputy, remote, { choice: 0 }))).toEqual({ status: 403, text: "votes.deputiesDoNotVote" });
    await castBallot(members[3], remote, { choice: 1 });
    expect(await db.ballot.findFirst({ where: { voteId: remote } })).toMatchObject({ voterId: members[3].id, castById: members[3].id });
    // The setting turned on: the same deputy now casts the member's ballot, and "m" counts the seat.
    await runMeeting(chair, meetingId, { command: "settings", deputiesVote: true });
    // Audited like the other live settings, and sent to every tablet with the live row.
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "live.settings", meetingId }, orderBy: { seq: "desc" } })).toMatchObject({ actorId: chair.id, data: { deputiesVote: true } });
    const event = await db.meetingEvent.findFirstOrThrow({ where: { meetingId }, orderBy: { version: "desc" } });
    expect(event.name).toBe("live.changed");
    expect(JSON.stringify(event.payload)).toContain('"deputiesVote":true');
    expect((await getVote(deputy, voteId)).progress).toMatchObject({ eligible: 5 });
    await castBallot(deputy, voteId, { choice: 2 });
    expect(await db.ballot.findFirst({ where: { voteId } })).toMatchObject({ voterId: members[3].id, castById: deputy.id, choice: 2 });
    // A preset chosen brings back its default (deputies do not vote).
    await runMeeting(chair, meetingId, { command: "settings", quorumRule: "MAJORITY" });
    expect((await db.meetingLive.findUniqueOrThrow({ where: { meetingId } })).deputiesVote).toBe(false);
    expect((await getVote(deputy, voteId)).progress).toMatchObject({ eligible: 4 });
  });

  it("a deputy attending for a member casts that member's ballot, once; the member does not vote beside them", async () => {
    const deputy = await makeUser("MEMBER", "Thứ trưởng");
    await db.participant.create({ data: { meetingId, userId: deputy.id, role: "OBSERVER", mayVote: false } });
    await db.participant.updateMany({ where: { meetingId, userId: members[4].id }, data: { rsvp: "ABSENT", deputyName: deputy.name, deputyUserId: deputy.id, checkedInAt: new Date(), checkedInDeputy: true } });
    await runMeeting(chair, meetingId, { command: "settings", deputiesVote: true });
    const voteId = await openedVote({ allowRemote: true });
    await castBallot(deputy, voteId, { choice: 1 });
    expect(await db.ballot.findFirst({ where: { voteId } })).toMatchObject({ voterId: members[4].id, castById: deputy.id, choice: 1 });
    expect(await refusal(castBallot(members[4], voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.representedByDeputy" });
    expect((await castBallot(deputy, voteId, { choice: 1 })).alreadyRecorded).toBe(true);
    expect((await getVote(deputy, voteId)).eligible).toBe(true);
  });

  it("a deputy with no seat of their own, checked in on their tablet, casts the member's ballot", async () => {
    const deputy = await makeUser("MEMBER", "Thứ trưởng không dự họp");
    await db.participant.updateMany({ where: { meetingId, userId: members[3].id }, data: { rsvp: "DELEGATE", deputyName: deputy.name, deputyUserId: deputy.id, checkedInAt: null, checkedInDeputy: false } });
    await runMeeting(chair, meetingId, { command: "settings", deputiesVote: true });
    const voteId = await openedVote();
    // Not checked in yet: the meeting is visible to them, the ballot is not theirs to cast.
    expect((await getVote(deputy, voteId)).eligible).toBe(false);
    await checkInAsDeputy(deputy, meetingId, { participantId: (await db.participant.findFirstOrThrow({ where: { meetingId, userId: members[3].id } })).id, present: true });
    expect((await getVote(deputy, voteId)).eligible).toBe(true);
    await castBallot(deputy, voteId, { choice: 2 });
    expect(await db.ballot.findFirst({ where: { voteId, castById: deputy.id } })).toMatchObject({ voterId: members[3].id, choice: 2 });
    // Someone else's deputy, or nobody's: nothing to see.
    await expect(getVote(await makeUser("MEMBER"), voteId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("changing a ballot: allowed per vote (never in a secret one)", async () => {
    const fixed = await openedVote();
    await castBallot(members[0], fixed, { choice: 0 });
    expect(await refusal(castBallot(members[0], fixed, { choice: 1 }))).toEqual({ status: 409, text: "votes.alreadyVoted" });
    const changeable = await openedVote({ allowChange: true });
    await castBallot(members[0], changeable, { choice: 0 });
    await castBallot(members[0], changeable, { choice: 1 });
    expect((await getVote(members[0], changeable)).myBallot).toMatchObject({ recorded: true, choice: 1 });
    expect((await getVote(members[0], changeable)).progress).toMatchObject({ cast: 1, counts: [0, 1, 0] });
    const { result } = await createVote(chair, meetingId, { question: "Bầu kín", ballotKind: "SECRET", allowChange: true });
    expect(result.allowChange).toBe(false);
    expect(result.hideCounts).toBe(true);
  });

  it("only the chair or secretary create, open and close; a member is refused; a planned vote can be deleted", async () => {
    expect(await refusal(createVote(members[0], meetingId, { question: "?" }))).toMatchObject({ status: 403 });
    const { result } = await createVote(chair, meetingId, { question: "Thông qua?" });
    expect(await refusal(openVote(members[0], result.id, {}))).toMatchObject({ status: 403 });
    await openVote(chair, result.id, {});
    expect(await refusal(closeVote(members[0], result.id, {}))).toMatchObject({ status: 403 });
    expect(await refusal(deleteVote(chair, result.id, {}))).toMatchObject({ status: 422, text: "votes.notDraft" });
    const { result: planned } = await createVote(chair, meetingId, { question: "Để sau" });
    await deleteVote(chair, planned.id, {});
    expect(await db.vote.findUnique({ where: { id: planned.id } })).toBeNull();
  });

  it("a ballot racing the close: either counted in the result or refused, never lost", async () => {
    const voteId = await openedVote();
    const outcomes = await Promise.allSettled([
      ...members.slice(0, 4).map((u) => castBallot(u, voteId, { choice: 0 })),
      closeVote(chair, voteId, {}),
      castBallot(chair, voteId, { choice: 0 }),
    ]);
    const accepted = outcomes.filter((o, i) => i !== 4 && o.status === "fulfilled").length;
    const vote = await db.vote.findUniqueOrThrow({ where: { id: voteId } });
    expect((vote.result as { outcome: { cast: number } }).outcome.cast).toBe(accepted);
    expect(await db.ballot.count({ where: { voteId } })).toBe(accepted);
  });

  it("a tie: the side the chair voted for wins (named vote); NAMED results list the voters", async () => {
    const voteId = await openedVote({ ballotKind: "NAMED", preset: "GOVERNMENT", rule: undefined });
    await castBallot(chair, voteId, { choice: 0 });
    await castBallot(members[0], voteId, { choice: 0 });
    await castBallot(members[1], voteId, { choice: 1 });
    await castBallot(members[2], voteId, { choice: 1 });
    expect((await getVote(chair, voteId)).progress.counts).toBeNull(); // named: no counts before the close
    const { result } = await closeVote(chair, voteId, {});
    expect(result.result!.outcome).toMatchObject({ counts: [2, 2, 0], passed: true, decidedByChair: true });
    expect(result.result!.named![0].map((v) => v.id).sort()).toEqual([chair.id, members[0].id].sort());
    // The CSV: a BOM for spreadsheets, Vietnamese labels, counts and the voters of each option.
    const csv = await voteResultCsv(result, "vi");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(`Tán thành,2,`);
    expect(csv).toContain(chair.name);
    expect(csv).toContain("THÔNG QUA");
  });

  it("the result exports over HTTP: a PDF with the meeting, the rule in words and the outcome, in Vietnamese; CSV; none for outsiders", async () => {
    const voteId = await openedVote({ preset: "GOVERNMENT" });
    for (const u of [chair, ...members.slice(0, 3)]) await castBallot(u, voteId, { choice: 0 });
    await closeVote(chair, voteId, {});
    const title = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).title;
    const get = async (route: { GET: (r: Request, p: ReturnType<typeof params>) => Promise<Response> }, who: Actor, ext: string) =>
      route.GET(await apiRequest(who, "GET", `/api/v1/votes/${voteId}/result.${ext}`), params({ voteId }));
    const pdf = await get(resultPdfRoute as never, members[0], "pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text } = await inspectPdf(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain("Thông qua Tờ trình?");
    expect(text).toContain(title);
    expect(text).toContain("THÔNG QUA");
    const csv = await get(resultCsvRoute as never, chair, "csv");
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/^Tán thành,4\r?$/m);
    expect((await get(resultPdfRoute as never, outsider, "pdf")).status).toBe(404);
  });

  it("the countdown closes the vote by itself, also after a restart (re-armed from the database)", async () => {
    const voteId = await openedVote({ durationSeconds: 10 });
    await castBallot(members[0], voteId, { choice: 0 });
    // Time passes (as if the server was down when it ran out): the stored deadline is in the past.
    await db.vote.update({ where: { id: voteId }, data: { closesAt: new Date(Date.now() - 1000) } });
    expect(await refusal(castBallot(members[1], voteId, { choice: 0 }))).toEqual({ status: 403, text: "votes.closed" });
    expect(await armAllVoteTimers()).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 100 && (await db.vote.findUniqueOrThrow({ where: { id: voteId } })).status !== "CLOSED"; i++) await new Promise((r) => setTimeout(r, 20));
    const vote = await db.vote.findUniqueOrThrow({ where: { id: voteId } });
    expect(vote.status).toBe("CLOSED");
    expect((vote.result as { closedBy: string; outcome: { cast: number } })).toMatchObject({ closedBy: "timer", outcome: { cast: 1 } });
    expect(await closeDueVote(voteId)).toBe(false); // idempotent
  });

  it("a vote cannot open before the meeting runs", async () => {
    await db.meeting.update({ where: { id: meetingId }, data: { status: "PUBLISHED" } });
    const { result } = await createVote(chair, meetingId, { question: "Trước giờ họp" });
    expect(await refusal(openVote(chair, result.id, {}))).toEqual({ status: 422, text: "votes.meetingNotRunning" });
  });
});

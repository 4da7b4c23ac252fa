// The running meeting over the realtime contract: real commands, a real socket.io server (stopped and started again
// within a test), real socket.io clients running the shipped MeetingSync, the real SQLite database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import type { Actor } from "../policy";
import { db } from "../db";
import { createAgendaItem } from "../agenda/commands";
import { answerInvitation, nameDeputy, removeParticipant } from "../meetings/participants";
import { getMeetingSnapshot } from "../meetings/queries";
import type { MeetingSnapshot } from "../meetings/view";
import { makeMeeting, makeUser, sessionCookie } from "../../tests/fixtures";
import { attachRealtime } from "../realtime/server";
import { setRealtimeServer } from "../realtime/publish";
import { MeetingSync } from "../realtime/sync";
import { checkIn, checkInAsDeputy, issueDisplayToken, manageSpeakers, markAttendance, presentPaper, requestToSpeak, revokeDisplayToken, runMeeting, withdrawRequest } from "./commands";
import { displayMeeting } from "./display";
import { readRoomSnapshot } from "../meetings/snapshot";
import { updateDocument } from "../documents/commands";
import type { JoinAck } from "../realtime/events";
import { itemElapsedMs } from "./clock";
import { quorum, QUORUM_PRESETS } from "./attendance";
import { closeVote, createVote, openVote } from "../votes/commands";
import { meetingPresence } from "./presence";
import { armAllSpeechTimers, armedSpeech } from "./speechTimer";
import { endSpeechAtLimit } from "./commands";
import { assignDisplay, roomSnapshotFor } from "./room";

let httpServer: http.Server;
let io: Server;
let port = 0;
const sockets: Socket[] = [];

async function startServer() {
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(port, "127.0.0.1", r));
  port = (httpServer.address() as AddressInfo).port;
}

async function stopServer() {
  setRealtimeServer(undefined);
  await io.close(); // closes the HTTP server and every socket
}

beforeAll(startServer);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await stopServer();
});

const asJson = <T,>(v: T): T => JSON.parse(JSON.stringify(v));

interface Tablet {
  actor: Actor;
  socket: Socket;
  sync: MeetingSync;
  /** The version of every state this tablet showed, in order. */
  versions: number[];
  fetches: number;
}

async function tablet(actor: Actor, meetingId: string): Promise<Tablet> {
  const socket = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(actor) }, forceNew: true,
    reconnectionDelay: 50, reconnectionDelayMax: 200,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  const t: Tablet = { actor, socket, versions: [], fetches: 0, sync: null as unknown as MeetingSync };
  t.sync = new MeetingSync({
    socket,
    initial: asJson(await getMeetingSnapshot(actor, meetingId)),
    fetchSnapshot: async () => {
      t.fetches++;
      return { status: 200, body: asJson(await getMeetingSnapshot(actor, meetingId)) };
    },
    onState: (s) => t.versions.push(s.meeting.version),
  });
  t.sync.start();
  return t;
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 30_000) => {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
};
const versionOf = async (meetingId: string) => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
const fresh = async (actor: Actor, meetingId: string) => asJson(await getMeetingSnapshot(actor, meetingId)) as MeetingSnapshot;
const allCaughtUp = async (tablets: Tablet[], meetingId: string) => {
  const v = await versionOf(meetingId);
  await until(() => tablets.every((t) => t.sync.version === v));
  for (const t of tablets) expect(t.sync.snapshot).toEqual(await fresh(t.actor, meetingId));
};

/** A published meeting with a chair, a secretary, members and three agenda items (one nested). */
async function meeting(memberCount = 3) {
  const sec = await makeUser("SECRETARIAT");
  const chair = await makeUser("MEMBER", "Chủ tọa");
  const secretary = await makeUser("MEMBER", "Thư ký phiên họp");
  const members: Actor[] = [];
  for (let i = 0; i < memberCount; i++) members.push(await makeUser("MEMBER", `Bộ trưởng ${i + 1}`));
  const m = await makeMeeting(sec, { members, chair, status: "DRAFT" });
  await db.participant.create({ data: { meetingId: m.id, userId: secretary.id, role: "SECRETARY", mayVote: false } });
  const one = (await createAgendaItem(sec, m.id, { title: "Nội dung 1", plannedMinutes: 10 })).result.id;
  const oneA = (await createAgendaItem(sec, m.id, { title: "Nội dung 1.1", parentId: one, plannedMinutes: 5 })).result.id;
  const two = (await createAgendaItem(sec, m.id, { title: "Nội dung 2", plannedMinutes: 20 })).result.id;
  await db.meeting.update({ where: { id: m.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  return { meetingId: m.id, sec, chair, secretary, members, items: [one, oneA, two] };
}

describe("running a meeting live", () => {
  it("the quorum rule's preset brings its own default for deputies; the meeting may then count them; a vote's quorum follows", async () => {
    const { meetingId, chair, members } = await meeting(3);
    const [a, b, c] = members;
    await answerInvitation(c, meetingId, { answer: "DELEGATE", deputyName: "Thứ trưởng Nguyễn Văn Phó" });
    await runMeeting(chair, meetingId, { command: "start" });
    await checkIn(a, meetingId, true);
    await checkIn(b, meetingId, true);
    await markAttendance(chair, meetingId, { participantId: (await db.participant.findFirstOrThrow({ where: { meetingId, userId: c.id } })).id, mark: "DEPUTY" });
    const quorumNow = async () => (await meetingPresence(db, meetingId)).quorum;
    // The Government's preset: the deputy does not count (chair + 2 of 4 members with a vote; two thirds need 3).
    expect(await quorumNow()).toMatchObject({ rule: "TWO_THIRDS", members: 4, present: 2, required: 3, met: false });
    await runMeeting(chair, meetingId, { command: "settings", quorumCountsDeputies: true });
    expect(await quorumNow()).toMatchObject({ present: 3, met: true });
    // Choosing another preset applies that preset's default; saying otherwise in the same command wins.
    await runMeeting(chair, meetingId, { command: "settings", quorumRule: "MAJORITY" });
    expect((await db.meetingLive.findUniqueOrThrow({ where: { meetingId } })).quorumCountsDeputies).toBe(QUORUM_PRESETS.MAJORITY.deputiesCountByDefault);
    await runMeeting(chair, meetingId, { command: "settings", quorumRule: "TWO_THIRDS", quorumCountsDeputies: true });
    expect(await db.meetingLive.findUniqueOrThrow({ where: { meetingId } })).toMatchObject({ quorumRule: "TWO_THIRDS", quorumCountsDeputies: true });
    await runMeeting(chair, meetingId, { command: "settings", quorumCountsDeputies: false });
    // A vote closed now counts present as the meeting does: the deputy casts the member's ballot but is not "present".
    await db.meeting.update({ where: { id: meetingId }, data: { status: "IN_PROGRESS" } });
    const { result: vote } = await createVote(chair, meetingId, { question: "Thông qua?", preset: "GOVERNMENT" });
    await openVote(chair, vote.id, {});
    const closed = (await closeVote(chair, vote.id, {})).result.result!.outcome;
    expect(closed).toMatchObject({ members: 4, present: 2, quorumMet: false });
  });

  it("every change reaches every tablet as an event; a tablet that drops off gets what it missed, in order", async () => {
    const { meetingId, chair, secretary, members, items } = await meeting(3);
    const [a, b, c] = members;
    await answerInvitation(c, meetingId, { answer: "DELEGATE", deputyName: "Thứ trưởng Nguyễn Văn Phó" });
    const tablets = [await tablet(chair, meetingId), await tablet(a, meetingId), await tablet(b, meetingId)];
    const [, ta, tb] = tablets;

    await runMeeting(chair, meetingId, { command: "start" });
    await checkIn(a, meetingId, true);
    tb.socket.disconnect(); // b's Wi-Fi drops; the meeting goes on
    await markAttendance(secretary, meetingId, { participantId: (await db.participant.findFirstOrThrow({ where: { meetingId, userId: c.id } })).id, mark: "DEPUTY" });
    await runMeeting(chair, meetingId, { command: "settings", quorumRule: "MAJORITY", quorumCountsDeputies: true, speakingLimitSeconds: 180 });
    await runMeeting(chair, meetingId, { command: "step", direction: 1, from: items[0] });
    await requestToSpeak(a, meetingId, "SPEAK");
    await requestToSpeak(chair, meetingId, "POINT_OF_ORDER");
    await manageSpeakers(secretary, meetingId, { command: "next", after: null });
    await runMeeting(chair, meetingId, { command: "pause" });
    await allCaughtUp(tablets.slice(0, 2), meetingId);
    tb.socket.connect(); // back: it re-joins with its version and replays the stored events
    await runMeeting(chair, meetingId, { command: "resume" });
    await checkIn(b, meetingId, true);
    await allCaughtUp(tablets, meetingId);

    // Replayed in order, one version after another; nobody needed a snapshot.
    for (const t of tablets) expect(t.versions).toEqual(t.versions.map((_, i) => t.versions[0] + i));
    expect(tablets.map((t) => t.fetches)).toEqual([0, 0, 0]);
    const s = ta.sync.snapshot;
    expect(s.live).toMatchObject({ state: "RUNNING", currentItemId: items[1], quorumRule: "MAJORITY", quorumCountsDeputies: true, speakingLimitSeconds: 180 });
    expect(s.meeting.status).toBe("IN_PROGRESS");
    // The point of order went ahead and got the floor; the ordinary request waits.
    expect(s.speakers.map((r) => [r.user.id, r.kind, r.status])).toEqual([[a.id, "SPEAK", "WAITING"], [chair.id, "POINT_OF_ORDER", "SPEAKING"]]);
    // a, b in person, c by deputy (counted, by this meeting's setting); the chair has not checked in.
    expect(quorum(s.participants, s.live.quorumRule, s.live.quorumCountsDeputies)).toMatchObject({ members: 4, present: 3, met: true });
    const presence = await meetingPresence(db, meetingId);
    expect(presence.participants.filter((p) => p.attendance !== "ABSENT").map((p) => [p.userId, p.attendance, p.deputy?.name ?? null])).toEqual([
      [a.id, "PRESENT", null], [b.id, "PRESENT", null], [c.id, "DEPUTY", "Thứ trưởng Nguyễn Văn Phó"],
    ]);
    expect(presence.quorum).toMatchObject({ members: 4, present: 3, required: 3, met: true });
    // Item 1 ran, then 1.1 runs: its time is counted from its stored start.
    expect(s.live.itemSpentMs[items[0]]).toBeGreaterThanOrEqual(0);
    expect(itemElapsedMs(s.live, items[1], Date.now())).toBeGreaterThanOrEqual(0);
    for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
  });

  it("two chairs pressing at once give one consistent state", async () => {
    const { meetingId, chair, secretary, members, items } = await meeting(3);
    const tablets = [await tablet(members[0], meetingId), await tablet(members[1], meetingId)];
    await runMeeting(chair, meetingId, { command: "start" });
    // Both see item 1 and press "next": the meeting moves once, to 1.1 (not to 2).
    const before = await versionOf(meetingId);
    await Promise.all([
      runMeeting(chair, meetingId, { command: "step", direction: 1, from: items[0] }),
      runMeeting(secretary, meetingId, { command: "step", direction: 1, from: items[0] }),
    ]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentAgendaItemId).toBe(items[1]);
    expect(await versionOf(meetingId)).toBe(before + 1);
    // Both start and both pause: one start (above), one pause.
    await Promise.all([runMeeting(chair, meetingId, { command: "pause" }), runMeeting(secretary, meetingId, { command: "pause" }), runMeeting(chair, meetingId, { command: "start" })]);
    expect(await versionOf(meetingId)).toBe(before + 2);
    await runMeeting(chair, meetingId, { command: "resume" });
    // Three requests; both press "next speaker" seeing nobody speaking: one gets the floor, the queue moves once.
    for (const m of members) await requestToSpeak(m, meetingId, "SPEAK");
    await Promise.all([manageSpeakers(chair, meetingId, { command: "next", after: null }), manageSpeakers(secretary, meetingId, { command: "next", after: null })]);
    const speaking = await db.speakerRequest.findMany({ where: { meetingId, status: "SPEAKING" } });
    expect(speaking.map((s) => s.userId)).toEqual([members[0].id]);
    // Different intents at once (go to 2, go to 1): both apply, in some order; every tablet shows the one result.
    await Promise.all([runMeeting(chair, meetingId, { command: "goto", itemId: items[2] }), runMeeting(secretary, meetingId, { command: "goto", itemId: items[0] })]);
    await allCaughtUp(tablets, meetingId);
    const current = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).currentAgendaItemId;
    expect(tablets.map((t) => t.sync.snapshot.live.currentItemId)).toEqual([current, current]);
    // A chair working from an old version is told (409 with the fresh state), not silently applied.
    await expect(runMeeting(chair, meetingId, { command: "goto", itemId: items[1], baseVersion: before })).rejects.toMatchObject({ code: "CONFLICT" });
    // Members cannot drive.
    await expect(runMeeting(members[0], meetingId, { command: "pause" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(manageSpeakers(members[0], meetingId, { command: "next", after: speaking[0].id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
  });

  it("a server restarted mid-meeting resumes the same item, queue and timers; tablets catch up without a reload", async () => {
    const { meetingId, chair, members, items } = await meeting(2);
    const tablets = [await tablet(members[0], meetingId), await tablet(chair, meetingId)];
    await runMeeting(chair, meetingId, { command: "start" });
    await runMeeting(chair, meetingId, { command: "goto", itemId: items[2] });
    await requestToSpeak(members[0], meetingId, "SPEAK");
    await requestToSpeak(members[1], meetingId, "SPEAK");
    await manageSpeakers(chair, meetingId, { command: "next", after: null });
    await allCaughtUp(tablets, meetingId);
    const before = await fresh(members[0], meetingId);

    await stopServer();
    await until(() => tablets.every((t) => !t.socket.connected));
    // While the server is down, nothing can change; a new server process starts on the same database and port.
    await startServer();
    await until(() => tablets.every((t) => t.socket.connected));
    const after = await fresh(members[0], meetingId);
    expect(after.live).toEqual(before.live);
    expect(after.speakers).toEqual(before.speakers);
    // Timers are the same numbers from the same stored timestamps, whichever process computes them.
    const now = Date.now();
    expect(itemElapsedMs(after.live, items[2], now)).toBe(itemElapsedMs(before.live, items[2], now));

    // The new server carries on: the next speaker, seen by every tablet.
    const speaking = after.speakers.find((s) => s.status === "SPEAKING")!;
    await manageSpeakers(chair, meetingId, { command: "next", after: speaking.id });
    await allCaughtUp(tablets, meetingId);
    expect(tablets[0].sync.snapshot.speakers.map((s) => [s.user.id, s.status])).toEqual([[members[0].id, "DONE"], [members[1].id, "SPEAKING"]]);
    expect(tablets.map((t) => t.fetches)).toEqual([0, 0]);
    for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
  });

  it("100 members asking to speak within a second are all queued once, in the order they asked", async () => {
    const { meetingId, chair, members } = await meeting(100);
    const watcher = await tablet(chair, meetingId);
    await runMeeting(chair, meetingId, { command: "start" });
    const started = Date.now();
    // Each taps twice (a double tap): one request each.
    const answers = await Promise.all(members.flatMap((m) => [requestToSpeak(m, meetingId, "SPEAK"), requestToSpeak(m, meetingId, "SPEAK")]));
    const took = Date.now() - started;
    const rows = await db.speakerRequest.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(100);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
    // Queue order is request order.
    const byTime = [...rows].sort((x, y) => x.requestedAt.getTime() - y.requestedAt.getTime());
    expect(rows.map((r) => r.id)).toEqual(byTime.map((r) => r.id));
    expect(new Set(answers.map((a) => a.result.id)).size).toBe(100);
    await allCaughtUp([watcher], meetingId);
    expect(watcher.sync.snapshot.speakers.filter((s) => s.status === "WAITING")).toHaveLength(100);
    console.log(`100 members × 2 taps: queued in ${took} ms`);
    // A withdrawal leaves the others in place.
    await withdrawRequest(members[5], meetingId);
    expect(await db.speakerRequest.count({ where: { meetingId, status: "WAITING" } })).toBe(99);
    watcher.sync.stop();
    watcher.socket.disconnect();
  }, 60_000);
});

describe("the speaking limit", () => {
  it("ends the floor by itself at the limit, from stored timestamps, after a restart too; recorded at the limit", async () => {
    const { meetingId, chair, members } = await meeting(2);
    const watcher = await tablet(members[1], meetingId);
    await runMeeting(chair, meetingId, { command: "start" });
    await runMeeting(chair, meetingId, { command: "settings", speakingLimitSeconds: 60 });
    const { result } = await requestToSpeak(members[0], meetingId, "SPEAK");
    await manageSpeakers(chair, meetingId, { command: "floor", requestId: result.id });
    const speech = await db.speakerRequest.findUniqueOrThrow({ where: { id: result.id } });
    // Giving the floor arms the deadline: the start plus the limit.
    expect(armedSpeech(meetingId)).toEqual({ requestId: result.id, endsAt: new Date(speech.startedAt!.getTime() + 60_000) });
    // Before the limit, the timer's call changes nothing.
    expect(await endSpeechAtLimit(meetingId, result.id)).toBe(false);
    expect((await db.speakerRequest.findUniqueOrThrow({ where: { id: result.id } })).status).toBe("SPEAKING");
    // Lifting the limit disarms it; setting it again re-arms it.
    await runMeeting(chair, meetingId, { command: "settings", speakingLimitSeconds: null });
    expect(armedSpeech(meetingId)).toBeNull();
    await runMeeting(chair, meetingId, { command: "settings", speakingLimitSeconds: 30 });
    expect(armedSpeech(meetingId)?.endsAt).toEqual(new Date(speech.startedAt!.getTime() + 30_000));

    // The server was down past the limit: only the stored start and limit say so. On start the timers are re-armed
    // from the database and the overdue speech ends at once, as having ended at the limit.
    const startedAt = new Date(Date.now() - 45_000);
    await db.speakerRequest.update({ where: { id: result.id }, data: { startedAt } });
    await db.meetingLive.update({ where: { meetingId }, data: { updatedAt: new Date(startedAt.getTime() - 5_000) } });
    expect(await armAllSpeechTimers()).toBeGreaterThanOrEqual(1);
    await until(async () => (await db.speakerRequest.findUniqueOrThrow({ where: { id: result.id } })).status === "DONE");
    const ended = await db.speakerRequest.findUniqueOrThrow({ where: { id: result.id } });
    expect(ended.endedAt).toEqual(new Date(startedAt.getTime() + 30_000));
    expect(armedSpeech(meetingId)).toBeNull();
    // Every tablet sees the floor ended; the record keeps who spoke on which item, and for how long.
    await allCaughtUp([watcher], meetingId);
    expect(watcher.sync.snapshot.speakers.find((s) => s.id === result.id)).toMatchObject({ status: "DONE", agendaItemId: speech.agendaItemId });
    const audit = await db.auditEntry.findFirst({ where: { subjectId: result.id, action: "speaker.ended" } });
    expect(audit?.actorId).toBe(chair.id);
    // Ending it again (a second server's timer) changes nothing.
    const v = await versionOf(meetingId);
    expect(await endSpeechAtLimit(meetingId, result.id)).toBe(false);
    expect(await versionOf(meetingId)).toBe(v);

    // A limit set when the speech has already run past it ends it then (not retroactively at the limit).
    const next = await requestToSpeak(members[1], meetingId, "SPEAK");
    await manageSpeakers(chair, meetingId, { command: "floor", requestId: next.result.id });
    await db.speakerRequest.update({ where: { id: next.result.id }, data: { startedAt: new Date(Date.now() - 40_000) } });
    const setAt = Date.now();
    await runMeeting(chair, meetingId, { command: "settings", speakingLimitSeconds: 10 });
    await until(async () => (await db.speakerRequest.findUniqueOrThrow({ where: { id: next.result.id } })).status === "DONE");
    const late = await db.speakerRequest.findUniqueOrThrow({ where: { id: next.result.id } });
    expect(late.endedAt!.getTime()).toBeGreaterThanOrEqual(setAt - 5);
    watcher.sync.stop();
    watcher.socket.disconnect();
  }, 60_000);
});

describe("the room display", () => {
  it("a display-only account joins only the rooms it is assigned to, as the room sees them; taking it off evicts it", async () => {
    const { meetingId, sec, chair, members } = await meeting(1);
    const other = await meeting(1);
    const screen = await makeUser("DISPLAY", "Màn hình phòng họp");
    const secret = await db.document.create({ data: { meetingId, title: "Tài liệu mật", restricted: true, access: { create: [{ userId: members[0].id }] } } });
    // Only a display account can be assigned; only the secretariat assigns.
    await expect(assignDisplay(sec, meetingId, members[0].id, true)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(assignDisplay(chair, meetingId, screen.id, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await assignDisplay(sec, meetingId, screen.id, true)).toEqual({ userIds: [screen.id] });
    const socket = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(screen) }, forceNew: true, reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
    const join = (id: string, version = 0) => new Promise<JoinAck>((r) => socket.emit("meeting:join", { meetingId: id, version }, r));
    expect(await join(other.meetingId)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await expect(roomSnapshotFor(screen, other.meetingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(roomSnapshotFor(members[0], meetingId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const v = await versionOf(meetingId);
    expect(await join(meetingId, v)).toMatchObject({ ok: true, missed: [] });
    const got: { name: string; payload: unknown }[] = [];
    for (const name of ["live.changed", "meeting.version", "meeting.removed"]) socket.on(name, (payload: unknown) => got.push({ name, payload }));
    await runMeeting(chair, meetingId, { command: "start" });
    await updateDocument(sec, secret.id, { title: "Tài liệu mật (sửa)" });
    await until(() => got.length >= 2);
    expect(got[0]).toMatchObject({ name: "live.changed", payload: { change: "started", live: { state: "RUNNING" } } });
    expect(got[1]).toEqual({ name: "meeting.version", payload: { meetingId, version: v + 2 } });
    expect(JSON.stringify(got)).not.toContain("mật");
    expect(JSON.stringify(await roomSnapshotFor(screen, meetingId))).not.toContain(secret.id);
    // Taken off the room: out of the meeting's rooms at once, and refused on the next join.
    await assignDisplay(sec, meetingId, screen.id, false);
    await until(() => got.some((g) => g.name === "meeting.removed"));
    const before = got.length;
    await runMeeting(chair, meetingId, { command: "pause" });
    expect(await join(meetingId, v)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(got.length).toBe(before);
    socket.disconnect();
  }, 60_000);

  it("joins with its token only its own meeting, as the room sees it; a new token or a revocation closes it", async () => {
    const { meetingId, sec, chair, members } = await meeting(1);
    const other = await meeting(1);
    // A paper restricted to one member: the room (and so the display) never sees it.
    const secret = await db.document.create({ data: { meetingId, title: "Tài liệu mật", restricted: true, access: { create: [{ userId: members[0].id }] } } });
    const { result } = await issueDisplayToken(chair, meetingId);
    const { result: otherToken } = await issueDisplayToken(other.chair, other.meetingId);
    const display = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], auth: { displayToken: result.token }, forceNew: true, reconnection: false });
    sockets.push(display);
    await new Promise<void>((resolve, reject) => (display.once("connect", () => resolve()), display.once("connect_error", reject)));
    const join = (id: string, version = 0) => new Promise<JoinAck>((r) => display.emit("meeting:join", { meetingId: id, version }, r));
    expect(await join(other.meetingId)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const v = await versionOf(meetingId);
    expect(await join(meetingId, v)).toMatchObject({ ok: true, missed: [] });
    const got: { name: string; payload: unknown }[] = [];
    for (const name of ["live.changed", "documents.changed", "meeting.version", "display.ended"]) display.on(name, (payload: unknown) => got.push({ name, payload }));
    await runMeeting(chair, meetingId, { command: "start" });
    await db.document.update({ where: { id: secret.id }, data: { title: "Tài liệu mật (sửa)" } });
    await updateDocument(sec, secret.id, { title: "Tài liệu mật (sửa lần 2)" });
    await until(() => got.length >= 2);
    expect(got[0]).toMatchObject({ name: "live.changed", payload: { change: "started", live: { state: "RUNNING" } } });
    expect(got[1]).toEqual({ name: "meeting.version", payload: { meetingId, version: v + 2 } });
    expect(JSON.stringify(got)).not.toContain("mật");
    // The display's snapshot is the room's: no restricted paper.
    expect(JSON.stringify(readRoomSnapshot(meetingId))).not.toContain(secret.id);
    // A bad or foreign token opens nothing.
    const forged = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], auth: { displayToken: "x".repeat(32) }, forceNew: true, reconnection: false });
    sockets.push(forged);
    await expect(new Promise<void>((resolve, reject) => (forged.once("connect", () => resolve()), forged.once("connect_error", reject)))).rejects.toThrow("UNAUTHENTICATED");
    expect(await displayMeeting(otherToken.token)).toBe(other.meetingId);
    // A new token ends the old display at once.
    await issueDisplayToken(chair, meetingId);
    await until(() => !display.connected);
    expect(got.at(-1)).toEqual({ name: "display.ended", payload: { meetingId } });
    expect(await displayMeeting(result.token)).toBeNull();
    await revokeDisplayToken(other.chair, other.meetingId);
    expect(await displayMeeting(otherToken.token)).toBeNull();
    // Members cannot make display links.
    await expect(issueDisplayToken(members[0], meetingId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a deputy on their own tablet", () => {
  it("the secretariat names the deputy's account: every tablet hears it, the new deputy is told on their own devices, the former one is removed", async () => {
    const { meetingId, sec, chair, members } = await meeting(2);
    const [a, c] = members;
    const first = await makeUser("MEMBER", "Thứ trưởng thứ nhất");
    const second = await makeUser("MEMBER", "Thứ trưởng thứ hai");
    await answerInvitation(c, meetingId, { answer: "DELEGATE", deputyUserId: first.id });
    const seat = (await db.participant.findFirstOrThrow({ where: { meetingId, userId: c.id } })).id;
    const tablets = [await tablet(chair, meetingId), await tablet(a, meetingId), await tablet(c, meetingId)];
    const tFirst = await tablet(first, meetingId);
    const removed: unknown[] = [];
    tFirst.socket.on("meeting.removed", (p: unknown) => removed.push(p));
    // The second deputy has the app open elsewhere (their own room only): the notice reaches it.
    const tSecond = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(second) }, forceNew: true });
    sockets.push(tSecond);
    await new Promise<void>((resolve, reject) => (tSecond.once("connect", () => resolve()), tSecond.once("connect_error", reject)));
    const told: { notificationId: string; unread: number }[] = [];
    tSecond.on("notification.created", (p: { notificationId: string; unread: number }) => told.push(p));

    await nameDeputy(sec, seat, { deputyUserId: second.id });
    await allCaughtUp(tablets, meetingId);
    for (const t of tablets) expect(t.sync.snapshot.participants.find((p) => p.id === seat)).toMatchObject({ deputyUserId: second.id, deputyName: second.name });
    expect(tablets[2].sync.snapshot.me).toMatchObject({ deputyUserId: second.id });
    await until(() => told.length === 1 && removed.length === 1);
    expect(told[0].unread).toBe(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: told[0].notificationId } })).kind).toBe("DEPUTY_NAMED");
    expect(removed).toEqual([{ meetingId }]);
    expect((await getMeetingSnapshot(second, meetingId)).permissions.checkInDeputy).toBe(true);
  });

  it("the deputy a member named sees the meeting as every participant does, checks in for the seat once; others are refused", async () => {
    const { meetingId, sec, chair, secretary, members } = await meeting(3);
    const [a, b, c] = members;
    const deputy = await makeUser("MEMBER", "Thứ trưởng Lê Văn Phó");
    const stranger = await makeUser("MEMBER", "Người ngoài");
    // A paper shared with the member by name: their deputy does not get it.
    const secret = await db.document.create({ data: { meetingId, title: "Tài liệu mật", restricted: true, access: { create: [{ userId: c.id }] } } });
    const seat = (await db.participant.findFirstOrThrow({ where: { meetingId, userId: c.id } })).id;
    // Not yet named: the deputy sees nothing of the meeting.
    await expect(getMeetingSnapshot(deputy, meetingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await answerInvitation(c, meetingId, { answer: "DELEGATE", deputyUserId: deputy.id, reason: "Đi công tác" });

    const td = await tablet(deputy, meetingId);
    const tc = await tablet(c, meetingId);
    const got: { name: string; payload: unknown }[] = [];
    for (const name of ["live.changed", "attendance.changed", "documents.changed", "meeting.version"]) td.socket.on(name, (payload: unknown) => got.push({ name, payload }));
    expect(td.sync.snapshot.me).toBeNull();
    expect(td.sync.snapshot.permissions).toMatchObject({ checkIn: false, checkInDeputy: true, speak: false, run: false, rsvp: false });
    expect(JSON.stringify(td.sync.snapshot)).not.toContain(secret.id);

    await runMeeting(chair, meetingId, { command: "start" });
    await runMeeting(chair, meetingId, { command: "settings", quorumCountsDeputies: true });
    // Named but not yet checked in for the seat: no request to speak, and told why.
    await expect(requestToSpeak(deputy, meetingId, "SPEAK")).rejects.toMatchObject({ code: "FORBIDDEN", text: "live.checkInToSpeak" });
    await checkIn(a, meetingId, true);
    const before = await versionOf(meetingId);
    await checkInAsDeputy(deputy, meetingId, { participantId: seat, present: true });
    // Again from the deputy (a double tap), and the secretary marking the same deputy: the seat is already taken.
    await checkInAsDeputy(deputy, meetingId, { participantId: seat, present: true });
    await markAttendance(secretary, meetingId, { participantId: seat, mark: "DEPUTY" });
    expect(await versionOf(meetingId)).toBe(before + 1);
    await updateDocument(sec, secret.id, { title: "Tài liệu mật (sửa)" });
    await allCaughtUp([td, tc], meetingId);
    // The seat counts once: a in person, c by the deputy (this meeting counts deputies); b and the chair are not here.
    const q = quorum(td.sync.snapshot.participants, td.sync.snapshot.live.quorumRule, td.sync.snapshot.live.quorumCountsDeputies);
    expect(q).toMatchObject({ members: 4, present: 2 });
    expect((await meetingPresence(db, meetingId)).participants.find((p) => p.participantId === seat)).toMatchObject({ attendance: "DEPUTY", deputy: { userId: deputy.id } });
    expect(await db.participant.findUniqueOrThrow({ where: { id: seat } })).toMatchObject({ checkedInDeputy: true, checkedInById: deputy.id });
    // The member's own tablet got the restricted paper's change; the deputy's socket never did.
    expect(JSON.stringify(tc.sync.snapshot)).toContain(secret.id);
    expect(got.some((g) => g.name === "attendance.changed")).toBe(true);
    expect(JSON.stringify(got)).not.toContain(secret.id);
    expect(JSON.stringify(got)).not.toContain("mật");
    expect(JSON.stringify(td.sync.snapshot)).not.toContain(secret.id);

    // Refused: a stranger (the meeting is not theirs to see), a member who is nobody's deputy, the deputy for another seat.
    await expect(checkInAsDeputy(stranger, meetingId, { participantId: seat, present: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(checkInAsDeputy(b, meetingId, { participantId: seat, present: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const aSeat = (await db.participant.findFirstOrThrow({ where: { meetingId, userId: a.id } })).id;
    await expect(checkInAsDeputy(deputy, meetingId, { participantId: aSeat, present: true })).rejects.toMatchObject({ code: "FORBIDDEN", text: "live.notYourSeat" });
    // The deputy is no participant: no own check-in; checked in for the seat, they ask to speak in the member's place,
    // and every tablet's queue names the member.
    await expect(checkIn(deputy, meetingId, true)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await allCaughtUp([td, tc], meetingId);
    expect(td.sync.snapshot.permissions.speak).toBe(true);
    const asked = (await requestToSpeak(deputy, meetingId, "SPEAK")).result.id;
    await allCaughtUp([td, tc], meetingId);
    for (const t of [td, tc]) expect(t.sync.snapshot.speakers.find((r) => r.id === asked)).toMatchObject({ user: { id: deputy.id }, onBehalfOf: { id: c.id, name: c.name } });
    // The member arrives in person after all: the seat is theirs (still one), and the deputy cannot take it back nor ask again.
    await checkIn(c, meetingId, true);
    await expect(checkInAsDeputy(deputy, meetingId, { participantId: seat, present: true })).rejects.toMatchObject({ text: "live.memberPresent" });
    await expect(requestToSpeak(deputy, meetingId, "POINT_OF_ORDER")).rejects.toMatchObject({ code: "FORBIDDEN", text: "live.checkInToSpeak" });
    await allCaughtUp([td], meetingId);
    expect(td.sync.snapshot.permissions.speak).toBe(false);
    expect((await meetingPresence(db, meetingId)).quorum).toMatchObject({ members: 4, present: 2 });

    // The member names nobody any more: the deputy's tablet is told and leaves the meeting's rooms.
    const removed = new Promise<unknown>((r) => td.socket.once("meeting.removed", r));
    await answerInvitation(c, meetingId, { answer: "ATTEND" });
    await removed;
    await expect(getMeetingSnapshot(deputy, meetingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const t of [td, tc]) (t.sync.stop(), t.socket.disconnect());
  }, 60_000);

  it("a member taken off the meeting takes their deputy's access with them", async () => {
    const { meetingId, sec, members } = await meeting(2);
    const deputy = await makeUser("MEMBER", "Thứ trưởng dự thay");
    await answerInvitation(members[1], meetingId, { answer: "DELEGATE", deputyUserId: deputy.id });
    const td = await tablet(deputy, meetingId);
    const removed = new Promise<unknown>((r) => td.socket.once("meeting.removed", r));
    await removeParticipant(sec, (await db.participant.findFirstOrThrow({ where: { meetingId, userId: members[1].id } })).id);
    expect(await removed).toEqual({ meetingId });
    await expect(getMeetingSnapshot(deputy, meetingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    td.sync.stop();
    td.socket.disconnect();
  });
});

describe("the presenter", () => {
  it("the chair names a presenter, who shows a paper and turns its pages; others cannot; a restricted paper never goes on the screens", async () => {
    const { meetingId, sec, chair, members } = await meeting(2);
    const [presenter, other] = members;
    const open = await db.document.create({ data: { meetingId, title: "Tờ trình", versions: { create: { number: 1, fileHash: "a".repeat(64), fileName: "t.pdf", size: 10, pageCount: 4, uploadedById: sec.id } } } });
    const secret = await db.document.create({ data: { meetingId, title: "Mật", restricted: true, access: { create: [{ userId: presenter.id }] }, versions: { create: { number: 1, fileHash: "b".repeat(64), fileName: "m.pdf", size: 10, pageCount: 2, uploadedById: sec.id } } } });
    await runMeeting(chair, meetingId, { command: "start" });
    await expect(presentPaper(presenter, meetingId, { documentId: open.id, page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await runMeeting(chair, meetingId, { command: "settings", presenterUserId: presenter.id });
    const first = await presentPaper(presenter, meetingId, { documentId: open.id, page: 9 });
    expect(first.result).toEqual({ page: 4 }); // past the end: the last page
    const again = await presentPaper(presenter, meetingId, { documentId: open.id, page: 4 });
    expect(again.version).toBe(first.version); // the same page again changes nothing
    await expect(presentPaper(other, meetingId, { documentId: open.id, page: 2 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(presentPaper(chair, meetingId, { documentId: secret.id, page: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    const live = (await db.meetingLive.findUniqueOrThrow({ where: { meetingId } }));
    expect([live.shownDocumentId, live.shownPage]).toEqual([open.id, 4]);
  });
});

describe("convergence (fast-check)", () => {
  it("random pairs of commands pressed at once by the chair, the secretary and members leave one consistent state on every tablet", async () => {
    const { meetingId, chair, secretary, members, items } = await meeting(4);
    const tablets = [await tablet(members[0], meetingId), await tablet(secretary, meetingId)];
    await runMeeting(chair, meetingId, { command: "start" });
    const drivers = [chair, secretary];
    type Cmd = (pick: number) => Promise<unknown>;
    const state = async () => {
      const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
      const reqs = await db.speakerRequest.findMany({ where: { meetingId }, orderBy: { requestedAt: "asc" } });
      return { current: m.currentAgendaItemId, reqs };
    };
    const cmds: Cmd[] = [
      async (p) => runMeeting(drivers[p % 2], meetingId, { command: "step", direction: p % 3 === 0 ? -1 : 1, from: (await state()).current }),
      async (p) => runMeeting(drivers[p % 2], meetingId, { command: "goto", itemId: items[p % items.length] }),
      async (p) => runMeeting(drivers[p % 2], meetingId, { command: p % 2 ? "pause" : "resume" }),
      async (p) => requestToSpeak(members[p % members.length], meetingId, p % 5 === 0 ? "POINT_OF_ORDER" : "SPEAK"),
      async (p) => withdrawRequest(members[p % members.length], meetingId),
      async (p) => manageSpeakers(drivers[p % 2], meetingId, { command: "next", after: (await state()).reqs.find((r) => r.status === "SPEAKING")?.id ?? null }),
      async (p) => {
        const waiting = (await state()).reqs.filter((r) => r.status === "WAITING");
        if (!waiting.length) return null;
        const r = waiting[p % waiting.length];
        const which = p % 3;
        return manageSpeakers(drivers[p % 2], meetingId, which === 0 ? { command: "floor", requestId: r.id } : which === 1 ? { command: "move", requestId: r.id, index: p % 4 } : { command: "remove", requestId: r.id });
      },
      async (p) => checkIn(members[p % members.length], meetingId, p % 3 !== 0),
      async (p) => markAttendance(drivers[p % 2], meetingId, { participantId: (await db.participant.findFirstOrThrow({ where: { meetingId, userId: members[p % members.length].id } })).id, mark: p % 2 ? "PRESENT" : "ABSENT" }),
    ];
    const pair = fc.tuple(fc.nat({ max: cmds.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: cmds.length - 1 }), fc.nat({ max: 1000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 60, maxLength: 60 }), async (steps) => {
        for (const [a, pa, b, pb] of steps) {
          const out = await Promise.allSettled([cmds[a](pa), cmds[b](pb)]);
          // A refusal of an intent that no longer applies (a request no longer waiting) is fine; nothing else is.
          for (const o of out) if (o.status === "rejected") expect((o.reason as { code?: string }).code).toBe("VALIDATION");
          // After every step: at most one speaker, one open request per person and item, distinct queue places.
          const { reqs } = await state();
          expect(reqs.filter((r) => r.status === "SPEAKING").length).toBeLessThanOrEqual(1);
          const open = reqs.filter((r) => r.status === "WAITING" || r.status === "SPEAKING");
          expect(new Set(open.map((r) => `${r.userId}/${r.agendaItemId}`)).size).toBe(open.length);
          const waiting = reqs.filter((r) => r.status === "WAITING");
          expect(new Set(waiting.map((r) => `${r.agendaItemId}/${r.position}`)).size).toBe(waiting.length);
        }
        // One stored event per version, none missing.
        const versions = (await db.meetingEvent.findMany({ where: { meetingId }, select: { version: true }, orderBy: { version: "asc" } })).map((e) => e.version);
        expect(versions).toEqual(versions.map((_, i) => versions[0] + i));
        await allCaughtUp(tablets, meetingId);
        expect(tablets.map((t) => t.fetches)).toEqual([0, 0]);
      }),
      { numRuns: 1, endOnFailure: true },
    );
    for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
  }, 120_000);
});

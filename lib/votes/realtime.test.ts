// Votes over the realtime contract with a real socket.io server and the shipped MeetingSync: the vote rows travel as
// votes.changed events (and are replayed to a tablet that was offline), progress as coalesced vote.progress messages
// that carry no choices, a ballot's receipt only to the voter's own devices.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { db } from "../db";
import type { Actor } from "../policy";
import { makeMeeting, makeUser, sessionCookie } from "../../tests/fixtures";
import { attachRealtime } from "../realtime/server";
import { setRealtimeServer } from "../realtime/publish";
import { MeetingSync } from "../realtime/sync";
import { getMeetingSnapshot } from "../meetings/queries";
import type { MeetingSnapshot } from "../meetings/view";
import { castBallot, closeVote, createVote, openVote } from "./commands";

let httpServer: http.Server;
let ioServer: Server;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  httpServer = http.createServer();
  ioServer = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await ioServer.close();
});

const asJson = <T,>(v: T): T => JSON.parse(JSON.stringify(v));
const until = async (cond: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
};

async function tablet(actor: Actor, meetingId: string) {
  const socket = connect(url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(actor) }, forceNew: true, reconnection: false });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  const received: { name: string; payload: unknown }[] = [];
  socket.onAny((name, payload) => received.push({ name, payload }));
  const sync = new MeetingSync({
    socket,
    initial: asJson(await getMeetingSnapshot(actor, meetingId)),
    fetchSnapshot: async () => ({ status: 200, body: asJson(await getMeetingSnapshot(actor, meetingId)) as MeetingSnapshot }),
  });
  sync.start();
  return { actor, socket, sync, received };
}

describe("votes live", () => {
  it("rows by events (replayed after a drop), progress without choices, receipts to the voter only", async () => {
    const sec = await makeUser("SECRETARIAT");
    const chair = await makeUser("MEMBER", "Chủ tọa");
    const [a, b] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [a, b], chair });
    await db.meeting.update({ where: { id: m.id }, data: { status: "IN_PROGRESS" } });
    await db.participant.updateMany({ where: { meetingId: m.id }, data: { checkedInAt: new Date() } });
    const [tc, ta, tb] = [await tablet(chair, m.id), await tablet(a, m.id), await tablet(b, m.id)];
    const { result: vote, version: created } = await createVote(chair, m.id, { question: "Thông qua?", ballotKind: "SECRET" });
    await until(() => [tc, ta, tb].every((t) => t.sync.version === created));
    expect(ta.sync.snapshot.votes.map((v) => v.status)).toEqual(["DRAFT"]);
    // B's Wi-Fi drops; the vote opens and closes meanwhile; B catches up from stored events.
    tb.socket.disconnect();
    await openVote(chair, vote.id, {});
    await until(() => ta.received.some((e) => e.name === "vote.progress"));
    await castBallot(a, vote.id, { choice: 1 });
    await until(() => ta.received.some((e) => e.name === "ballot.recorded"));
    await until(() => tc.received.some((e) => e.name === "vote.progress" && (e.payload as { cast: number }).cast === 1));
    const { version: closed } = await closeVote(chair, vote.id, {});
    tb.socket.connect();
    await until(() => [tc, ta, tb].every((t) => t.sync.version === closed));
    for (const t of [tc, ta, tb]) expect(t.sync.snapshot).toEqual(asJson(await getMeetingSnapshot(t.actor, m.id)));
    expect(tb.sync.snapshot.votes[0].result?.outcome.counts).toEqual([0, 1, 0]);
    // The receipt reached A's devices only; progress carried no counts (secret) and who has not voted only to the chair.
    expect(tc.received.some((e) => e.name === "ballot.recorded")).toBe(false);
    const progress = [...ta.received, ...tc.received].filter((e) => e.name === "vote.progress").map((e) => e.payload as { counts: unknown; notVoted?: unknown });
    expect(progress.every((p) => p.counts === null)).toBe(true);
    expect(ta.received.filter((e) => e.name === "vote.progress").every((e) => (e.payload as { notVoted?: unknown }).notVoted === undefined)).toBe(true);
    expect(tc.received.filter((e) => e.name === "vote.progress").some((e) => Array.isArray((e.payload as { notVoted?: unknown }).notVoted))).toBe(true);
    for (const t of [tc, ta, tb]) (t.sync.stop(), t.socket.disconnect());
  });
});

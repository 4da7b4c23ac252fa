// Sockets follow access: a real socket.io server on a real port, real socket.io clients with real session cookies.
// The Origin check, and sockets losing their rooms (and being told) when a session ends, a user is deactivated or a
// participant is removed; nothing reaches them afterwards and they cannot join again.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { db } from "../db";
import type { Actor } from "../policy";
import { createAgendaItem, updateAgendaItem } from "../agenda/commands";
import { removeParticipant } from "../meetings/participants";
import { endSession } from "../auth/sessions";
import { changeOwnPassword, endAllOwnSessions, setUserActive } from "../users/accounts";
import { hashPassword } from "../auth/passwords";
import { makeMeeting, makeUser, signIn } from "../../tests/fixtures";
import { attachRealtime } from "./server";
import { setRealtimeServer } from "./publish";
import type { JoinAck } from "./events";

let httpServer: http.Server;
let io: Server;
let url: string;
let host: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  host = `127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  url = `http://${host}`;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io.close();
});

const savedPublicUrl = process.env.PUBLIC_URL;
afterEach(() => {
  if (savedPublicUrl === undefined) delete process.env.PUBLIC_URL;
  else process.env.PUBLIC_URL = savedPublicUrl;
});

function open(cookie: string, headers: Record<string, string> = {}): Socket {
  const s = connect(url, { transports: ["websocket"], extraHeaders: { cookie, ...headers }, reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });

/** A connected socket of a new session of this user, with what it receives recorded. */
async function tablet(user: Actor) {
  const session = await signIn(user);
  const socket = open(session.cookie);
  const got: { name: string; payload: any }[] = [];
  socket.onAny((name, payload) => got.push({ name, payload }));
  const closed = new Promise<string>((r) => socket.on("disconnect", (reason) => r(reason)));
  await connected(socket);
  return { ...session, socket, got, closed, names: () => got.map((e) => e.name) };
}

const join = (s: Socket, meetingId: string, version = 0) =>
  new Promise<JoinAck>((resolve) => s.emit("meeting:join", { meetingId, version }, resolve));

const quiet = () => new Promise((r) => setTimeout(r, 200));
const until = async (cond: () => boolean) => {
  for (let waited = 0; !cond(); waited += 10) {
    if (waited > 3000) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("the handshake", () => {
  it("refuses a foreign Origin (cross-site WebSocket hijacking); accepts its own host, the public URL, and no Origin", async () => {
    const { cookie } = await signIn(await makeUser());
    await expect(connected(open(cookie, { origin: "https://evil.example" }))).rejects.toThrow();
    await expect(connected(open(cookie, { origin: `http://${host}.evil.example` }))).rejects.toThrow();
    await expect(connected(open(cookie, { origin: "null" }))).rejects.toThrow();
    await connected(open(cookie, { origin: url }));
    await connected(open(cookie));
    process.env.PUBLIC_URL = "https://hop.chinhphu.vn";
    await connected(open(cookie, { origin: "https://hop.chinhphu.vn" }));
  });

  it("a stray % in another cookie does not break it", async () => {
    const { cookie } = await signIn(await makeUser());
    await connected(open(`other=%; ${cookie}`));
  });
});

describe("sessions end, sockets end", () => {
  it("sign-out: the session's socket is told and closed, the same user's other tablet is not; the cookie cannot reconnect", async () => {
    const user = await makeUser();
    const [here, there] = [await tablet(user), await tablet(user)];
    await endSession(here.sessionId, "signedOut");
    expect(await here.closed).toBe("io server disconnect");
    expect(here.got).toEqual([{ name: "session.ended", payload: { reason: "signedOut" } }]);
    await quiet();
    expect(there.socket.connected).toBe(true);
    expect(there.names()).toEqual([]);
    await expect(connected(open(here.cookie))).rejects.toThrow("UNAUTHENTICATED");
  });

  it("deactivation: every socket of the user is told and closed; nothing from their meeting reaches them afterwards", async () => {
    const [admin, sec, user, colleague] = [await makeUser("ADMIN"), await makeUser("SECRETARIAT"), await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [user, colleague] });
    const { result: item } = await createAgendaItem(sec, m.id, { title: "Một" });
    const [a, b, c] = [await tablet(user), await tablet(user), await tablet(colleague)];
    for (const t of [a, b, c]) expect((await join(t.socket, m.id)).ok).toBe(true);
    await setUserActive(admin, user.id, { active: false });
    expect([await a.closed, await b.closed]).toEqual(["io server disconnect", "io server disconnect"]);
    await updateAgendaItem(sec, item.id, { title: "Hai" });
    await quiet();
    for (const t of [a, b]) expect(t.names()).toEqual(["session.ended"]);
    expect(a.got[0].payload).toEqual({ reason: "deactivated" });
    expect(c.names()).toContain("agenda.changed");
    await expect(connected(open(a.cookie))).rejects.toThrow("UNAUTHENTICATED");
  });

  it("sign out everywhere closes every tablet; a password change closes the others and keeps this one", async () => {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("mật-khẩu-cũ-2026") } });
    const [here, there] = [await tablet(user), await tablet(user)];
    await changeOwnPassword(user, here.sessionId, "127.0.0.1", { currentPassword: "mật-khẩu-cũ-2026", newPassword: "mật-khẩu-mới-2026" });
    expect(await there.closed).toBe("io server disconnect");
    expect(there.got).toEqual([{ name: "session.ended", payload: { reason: "passwordChanged" } }]);
    await quiet();
    expect(here.socket.connected).toBe(true);

    const third = await tablet(user);
    await endAllOwnSessions(user);
    expect([await here.closed, await third.closed]).toEqual(["io server disconnect", "io server disconnect"]);
    expect(third.got).toEqual([{ name: "session.ended", payload: { reason: "signedOutEverywhere" } }]);
  });

  it("a session ended or a user deactivated without a message reaching the socket (e.g. on another node): the next join refuses and closes it", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [u1, u2] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [u1, u2] });
    const [t1, t2] = [await tablet(u1), await tablet(u2)];
    await db.session.update({ where: { id: t1.sessionId }, data: { endedAt: new Date(), endReason: "signedOut" } });
    await db.user.update({ where: { id: u2.id }, data: { active: false } });
    for (const [t, reason] of [[t1, "signedOut"], [t2, "deactivated"]] as const) {
      expect(await join(t.socket, m.id)).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      expect(await t.closed).toBe("io server disconnect");
      expect(t.got).toEqual([{ name: "session.ended", payload: { reason } }]);
    }
  });

  it("a socket is closed when its session expires", async () => {
    const user = await makeUser();
    const session = await signIn(user);
    await db.session.update({ where: { id: session.sessionId }, data: { expiresAt: new Date(Date.now() + 1500) } });
    const socket = open(session.cookie);
    const got: unknown[] = [];
    socket.on("session.ended", (p) => got.push(p));
    const closed = new Promise<string>((r) => socket.on("disconnect", r));
    await connected(socket);
    expect(await closed).toBe("io server disconnect");
    expect(got).toEqual([{ reason: "expired" }]);
  });
});

describe("removed from a meeting", () => {
  it("the participant's sockets leave the rooms and are told; later changes do not reach them; re-joining is refused", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [gone, stays] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [gone, stays] });
    const { result: item } = await createAgendaItem(sec, m.id, { title: "Một" });
    const [g, s] = [await tablet(gone), await tablet(stays)];
    expect((await join(g.socket, m.id)).ok).toBe(true);
    expect((await join(s.socket, m.id)).ok).toBe(true);
    const participant = await db.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: m.id, userId: gone.id } } });
    await removeParticipant(sec, participant.id);
    await until(() => g.names().includes("meeting.removed"));
    expect(g.got.find((e) => e.name === "meeting.removed")!.payload).toEqual({ meetingId: m.id });
    const before = g.got.length;
    await updateAgendaItem(sec, item.id, { title: "Hai" });
    await quiet();
    expect(g.got.slice(before)).toEqual([]);
    expect(s.names()).toContain("agenda.changed");
    expect(await join(g.socket, m.id)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(g.socket.connected).toBe(true); // still signed in: only this meeting is gone
  });

  it("a secretariat officer removed as a participant still sees the meeting: not evicted, not told", async () => {
    const sec = await makeUser("SECRETARIAT");
    const officer = await makeUser("SECRETARIAT");
    const m = await makeMeeting(sec, { members: [officer] });
    const { result: item } = await createAgendaItem(sec, m.id, { title: "Một" });
    const t = await tablet(officer);
    expect((await join(t.socket, m.id)).ok).toBe(true);
    const participant = await db.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: m.id, userId: officer.id } } });
    await removeParticipant(sec, participant.id);
    await updateAgendaItem(sec, item.id, { title: "Hai" });
    await quiet();
    expect(t.names()).not.toContain("meeting.removed");
    expect(t.names()).toContain("agenda.changed");
  });
});

// A real socket.io server on a real HTTP port, real socket.io clients, real session cookies.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import type { Actor } from "../policy";
import { createAgendaItem, updateAgendaItem } from "../agenda/commands";
import { makeMeeting, makeUser, sessionCookie } from "../../tests/fixtures";
import { attachRealtime } from "./server";
import { setRealtimeServer } from "./publish";
import type { JoinAck } from "./events";

let httpServer: http.Server;
let io: Server;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io.close();
});

async function client(actor: Actor | null, cookie?: string): Promise<Socket> {
  const s = connect(url, {
    transports: ["websocket"],
    extraHeaders: { cookie: cookie ?? (actor ? await sessionCookie(actor) : "") },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(s);
  return s;
}

// A socket made before other awaits (the tests make three, each after reading a session cookie) may have connected
// already: waiting for its "connect" then would wait forever.
const connected = (s: Socket) =>
  s.connected
    ? Promise.resolve()
    : new Promise<void>((resolve, reject) => {
        s.once("connect", () => resolve());
        s.once("connect_error", reject);
      });

const join = (s: Socket, meetingId: string, version: number) =>
  new Promise<JoinAck>((resolve) => s.emit("meeting:join", { meetingId, version }, resolve));

/** Collects events of one name, so a test can assert both arrival and non-arrival. */
function collect(s: Socket, name: string) {
  const got: any[] = [];
  s.on(name, (p) => got.push(p));
  return got;
}

const until = async (cond: () => boolean, ms = 3000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("realtime", () => {
  it("refuses an unauthenticated socket and a forged session", async () => {
    const anon = await client(null);
    await expect(connected(anon)).rejects.toThrow("UNAUTHENTICATED");
    const forged = await client(null, "next-auth.session-token=forged");
    await expect(connected(forged)).rejects.toThrow("UNAUTHENTICATED");
  });

  it("two members in a meeting room get the rename; a member of another meeting does not", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [a, b, other] = [await makeUser(), await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [a, b] });
    const m2 = await makeMeeting(sec, { members: [other] });
    const { result: item, version } = await createAgendaItem(sec, m.id, { title: "Cũ" });

    const [sa, sb, so] = [await client(a), await client(b), await client(other)];
    await Promise.all([connected(sa), connected(sb), connected(so)]);
    expect((await join(sa, m.id, version)).ok).toBe(true);
    expect((await join(sb, m.id, version)).ok).toBe(true);
    expect((await join(so, m2.id, 0)).ok).toBe(true);
    // The outsider may not even join the first meeting.
    const refused = await join(so, m.id, 0);
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });

    const [ga, gb, go] = [collect(sa, "agenda.changed"), collect(sb, "agenda.changed"), collect(so, "agenda.changed")];
    await updateAgendaItem(sec, item.id, { title: "Mới" });
    await until(() => ga.length === 1 && gb.length === 1);
    // The event carries the change itself: the client applies it without asking the server again.
    expect(ga[0]).toMatchObject({ meetingId: m.id, version: version + 1, change: "updated", items: [{ id: item.id, title: "Mới" }] });
    await new Promise((r) => setTimeout(r, 200));
    expect(go).toHaveLength(0);
  });

  it("a client reconnecting with an old version gets exactly the missed events; a very old one a snapshot", async () => {
    const sec = await makeUser("SECRETARIAT");
    const a = await makeUser();
    const m = await makeMeeting(sec, { members: [a] });
    const { result: item, version: v1 } = await createAgendaItem(sec, m.id, { title: "Một" });
    const s1 = await client(a);
    await connected(s1);
    await join(s1, m.id, v1);
    s1.disconnect(); // Wi-Fi lost
    await updateAgendaItem(sec, item.id, { title: "Hai" });
    await createAgendaItem(sec, m.id, { title: "Ba" });

    const s2 = await client(a);
    await connected(s2);
    const ack = await join(s2, m.id, v1);
    expect(ack).toMatchObject({ ok: true, version: v1 + 2, snapshot: false });
    if (!ack.ok) throw new Error("join failed");
    expect(ack.missed.map((e) => [e.name, e.payload.version, "change" in e.payload && e.payload.change])).toEqual([
      ["agenda.changed", v1 + 1, "updated"],
      ["agenda.changed", v1 + 2, "created"],
    ]);

    const fresh = await join(s2, m.id, 0);
    expect(fresh).toMatchObject({ ok: true, snapshot: true, missed: [] });
    const current = await join(s2, m.id, v1 + 2);
    expect(current).toMatchObject({ ok: true, snapshot: false, missed: [] });
  });

  it("a member cannot join a meeting before it is published", async () => {
    const sec = await makeUser("SECRETARIAT");
    const a = await makeUser();
    const m = await makeMeeting(sec, { members: [a], status: "DRAFT" });
    const s = await client(a);
    await connected(s);
    expect(await join(s, m.id, 0)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await new Promise((r) => s.emit("meeting:join", { meetingId: 5 }, r))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

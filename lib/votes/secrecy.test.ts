// The secret-ballot linking attack. An attacker holds a full dump of the database (every table, every row with its
// rowid), everything the server logged, and every event a staff tablet received. Can they tell who chose what?
//
// The test runs two worlds with the same voters voting in the same order and the same totals, but with two voters'
// choices swapped (A for / B against, then A against / B for). If anything stored, logged or sent depended on who
// chose what (a row per ballot, its id, rowid or timestamp order, a log line, an event), the two worlds' traces would
// differ. After normalising what differs between any two runs anyway (fresh ids and hashes by first appearance,
// timestamps and counters by their rank), they must be identical: nothing links a choice to a voter.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { db } from "../db";
import type { Actor } from "../policy";
import { makeMeeting, makeUser, sessionCookie } from "../../tests/fixtures";
import { attachRealtime } from "../realtime/server";
import { setRealtimeServer } from "../realtime/publish";
import { castBallot, closeVote, createVote, openVote } from "./commands";

let httpServer: http.Server;
let ioServer: Server;
let url: string;
beforeAll(async () => {
  httpServer = http.createServer();
  ioServer = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setRealtimeServer(undefined);
  await ioServer.close();
});

type Row = Record<string, unknown>;

/** Every row of every table, with its rowid where the table has one. */
async function dump(): Promise<Map<string, Row>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name`);
  const out = new Map<string, Row>();
  for (const { name } of tables) {
    let rows: Row[];
    try {
      rows = await db.$queryRawUnsafe<Row[]>(`SELECT rowid AS "__rowid", * FROM "${name}" ORDER BY rowid`);
    } catch {
      rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${name}"`);
    }
    for (const r of rows) out.set(`${name}:${r.__rowid ?? JSON.stringify(r)}`, r);
  }
  return out;
}

/** What a world added or changed in the database: its footprint, in table and rowid order. */
function footprint(before: Map<string, Row>, after: Map<string, Row>): [string, Row][] {
  const out: [string, Row][] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (!old || JSON.stringify(old, big) !== JSON.stringify(row, big)) out.push([key.split(":")[0], row]);
  }
  return out;
}
const big = (_k: string, v: unknown) => (typeof v === "bigint" ? Number(v) : v);

const ID = /^(c[a-z0-9]{20,32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const HASH = /^[0-9a-f]{64}$/;
const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/;
const COUNTERS = new Set(["__rowid", "version", "seq", "changedAtVersion", "lastSeenVersion"]);

/**
 * Replaces what differs between any two runs by its place: ids and hashes by first appearance, timestamps and
 * counters by rank. Order is kept: a leak through the order of rows, ids or times still shows.
 */
function normalise(trace: { database: [string, Row][]; logs: unknown[]; events: unknown[] }): unknown {
  const times = new Set<string>();
  // Counters are ranked per table (a rowid is only ordered within its table), events and logs on their own.
  const counters = new Map<string, Set<number>>();
  const walk = (v: unknown, visit: (v: unknown, key: string) => unknown, key = ""): unknown => {
    if (typeof v === "string" && /^[[{]/.test(v)) {
      try {
        return walk(JSON.parse(v), visit, key);
      } catch {
        return visit(v, key);
      }
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, visit));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, visit, k)]));
    return visit(v, key);
  };
  const parts: [string, unknown][] = [...trace.database.map(([table, row]): [string, unknown] => [table, row]), ["logs", trace.logs], ["events", trace.events]];
  for (const [ctx, v] of parts) {
    walk(v, (x, key) => {
      if (typeof x === "string" && TIME.test(x)) times.add(new Date(x).toISOString());
      else if ((typeof x === "number" || typeof x === "bigint") && COUNTERS.has(key)) {
        const k = `${ctx}.${key}`;
        if (!counters.has(k)) counters.set(k, new Set());
        counters.get(k)!.add(Number(x));
      }
    });
  }
  const timeRank = new Map([...times].sort().map((t, i) => [t, i]));
  const counterRank = new Map([...counters].map(([k, set]) => [k, new Map([...set].sort((a, b) => a - b).map((n, i) => [n, i]))]));
  const names = new Map<string, string>();
  const name = (prefix: string, v: string) => {
    if (!names.has(v)) names.set(v, `${prefix}${names.size}`);
    return names.get(v)!;
  };
  return parts.map(([ctx, v]) => [
    ctx,
    walk(v, (x, key) => {
      if (typeof x === "string") {
        if (TIME.test(x)) return `time#${timeRank.get(new Date(x).toISOString())}`;
        if (ID.test(x)) return name("id#", x);
        if (HASH.test(x)) return name("hash#", x);
        return x;
      }
      if ((typeof x === "number" || typeof x === "bigint") && COUNTERS.has(key)) return `${key}#${counterRank.get(`${ctx}.${key}`)!.get(Number(x))}`;
      return typeof x === "bigint" ? Number(x) : x;
    }),
  ]);
}

async function staffSocket(actor: Actor, meetingId: string, received: unknown[]): Promise<Socket> {
  const s = connect(url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(actor) }, forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
  s.onAny((name, payload) => received.push({ name, payload }));
  await new Promise((r) => s.emit("meeting:join", { meetingId, version: 0 }, r));
  received.length = 0;
  return s;
}

describe("secret ballots", () => {
  it("a full database dump, the logs and the events cannot link a voter to a choice", async () => {
    const sec = await makeUser("SECRETARIAT");
    const chair = await makeUser("MEMBER", "Chủ tọa");
    const [a, b, c] = [await makeUser(), await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [a, b, c], chair });
    await db.meeting.update({ where: { id: m.id }, data: { status: "IN_PROGRESS" } });
    await db.participant.updateMany({ where: { meetingId: m.id }, data: { checkedInAt: new Date() } });

    const world = async (choices: [number, number, number]) => {
      const received: unknown[] = [];
      const socket = await staffSocket(sec, m.id, received);
      const logs: unknown[][] = [];
      const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push([level, ...args])),
      );
      const before = await dump();
      const { result } = await createVote(chair, m.id, { question: "Bầu kín", ballotKind: "SECRET" });
      await openVote(chair, result.id, {});
      for (const [i, voter] of [a, b, c].entries()) {
        await castBallot(voter, result.id, { choice: choices[i] });
        await new Promise((r) => setTimeout(r, 150)); // each ballot's progress message goes out on its own
      }
      await closeVote(chair, result.id, {});
      await new Promise((r) => setTimeout(r, 300));
      const after = await dump();
      spies.forEach((s) => s.mockRestore());
      socket.disconnect();
      const vote = await db.vote.findUniqueOrThrow({ where: { id: result.id } });
      return { trace: normalise({ database: footprint(before, after), logs, events: received }), counts: (vote.result as { outcome: { counts: number[] } }).outcome.counts };
    };

    const one = await world([0, 1, 0]); // A for, B against, C for
    const two = await world([1, 0, 0]); // A against, B for, C for
    expect(one.counts).toEqual([2, 1, 0]);
    expect(two.counts).toEqual([2, 1, 0]);
    // The attacker's material in both worlds is the same: nothing in it says which one happened.
    expect(two.trace).toEqual(one.trace);
    // And the material is not empty: the receipts (who voted) are there, as they must be.
    expect(JSON.stringify(one.trace)).toContain("VoteReceipt");
  });
});

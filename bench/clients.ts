// A child process of bench/run.ts holding many simulated tablets (bench/tablet.ts), driven over IPC (bench/ipc.ts).
// Each tablet is one socket.io client with its own session cookie and its own keep-alive HTTP connection, like a
// tablet on the meeting room's Wi-Fi. Times are `performance.timeOrigin + performance.now()`, comparable across the
// processes of one machine.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";
import type { MeetingSnapshot } from "../lib/meetings/view.ts";
import type { SnapshotResponse } from "../lib/realtime/sync.ts";
import { tablet, type Tablet } from "./tablet.ts";
import type { Collected, ToClients, FromClients } from "./ipc.ts";

const now = () => performance.timeOrigin + performance.now();
const send = (m: FromClients) => process.send!(m);

interface Sim {
  socket: Socket;
  agent: http.Agent;
  tablet: Tablet | null;
  /** Per watched title: when this tablet first showed it (or a later one); NaN until then. */
  shown: Float64Array;
  /** Per watched title: when its event reached this tablet's socket, before the tablet's logic ran. */
  arrived: Float64Array;
}

let sims: Sim[] = [];
let titles = new Map<string, number>();
let failed = 0;
let errors: string[] = [];
let captured: { name: string; payload: unknown } | null = null;

/** A request on the tablet's own keep-alive connection. */
function request(agent: http.Agent, method: string, url: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; etag?: string; text: string }>((resolve, reject) => {
    const req = http.request(url, { method, agent, headers, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(body);
  });
}

function fail(what: string) {
  failed++;
  if (errors.length < 5) errors.push(what);
}

/** What a watched change shows as (see the "watch" message). */
let watchKey: "title" | "current" = "title";

function keyOf(state: MeetingSnapshot | Record<string, unknown>, itemId: string): string | undefined {
  if (watchKey === "current") return (state as { live?: { currentItemId?: string | null } }).live?.currentItemId ?? undefined;
  return titleOf(state, itemId);
}

function titleOf(state: MeetingSnapshot | Record<string, unknown>, itemId: string): string | undefined {
  if ("agenda" in state) return (state as MeetingSnapshot).agenda.find((n) => n.id === itemId)?.title;
  const items = (state as { items?: { id: string; title: string }[] }).items;
  return items?.find((i) => i.id === itemId)?.title;
}

function mark(times: Float64Array, state: MeetingSnapshot | Record<string, unknown>, itemId: string) {
  const title = keyOf(state, itemId);
  const k = title === undefined ? undefined : titles.get(title);
  if (k === undefined) return;
  const t = now();
  // Showing rename k means every earlier rename of the same field is applied too (superseded).
  for (let j = k; j >= 0 && Number.isNaN(times[j]); j--) times[j] = t;
}

/** Runs `work` over `items`, `concurrency` at a time; failures are counted, not thrown. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<number> {
  const queue = [...items];
  let refused = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) {
        await work(x).catch((e) => {
          refused++;
          fail(`open: ${(e as Error).message}`);
        });
      }
    }),
  );
  return refused;
}

interface Page {
  cookie: string;
  agent: http.Agent;
  initial: MeetingSnapshot | null;
}
let pages: Page[] = [];
let spec: Extract<ToClients, { type: "load" }>;

const snapshotFetcher = (cookie: string, agent: http.Agent) => async (etag: string | undefined): Promise<SnapshotResponse> => {
  let res;
  try {
    res = await request(agent, "GET", `${spec.url}/api/v1/meetings/${spec.meetingId}`, { cookie, ...(etag ? { "if-none-match": etag } : {}) });
  } catch (e) {
    fail(`GET snapshot: ${(e as Error).message}`);
    throw e;
  }
  if (res.status === 304) return { status: 304 };
  if (res.status !== 200) {
    fail(`GET snapshot: HTTP ${res.status}`);
    throw new Error(String(res.status));
  }
  return { status: 200, etag: res.etag, body: parsed(res.text) };
};

// Tablets of one person get byte-identical snapshots: one parsed copy per text keeps a process with 1,000 tablets
// from holding 1,000 copies (its garbage collector would be what the benchmark measures). Nothing mutates them.
const parsedTexts = new Map<string, MeetingSnapshot>();
function parsed(text: string): MeetingSnapshot {
  let s = parsedTexts.get(text);
  if (!s) parsedTexts.set(text, (s = JSON.parse(text) as MeetingSnapshot));
  return s;
}

const seenMarker = (cookie: string, agent: http.Agent) => async (version: number) => {
  try {
    const headers = { cookie, origin: spec.url, "content-type": "application/json" };
    const res = await request(agent, "POST", `${spec.url}/api/v1/meetings/${spec.meetingId}/seen`, headers, JSON.stringify({ version }));
    if (res.status >= 300) fail(`POST seen: HTTP ${res.status}`);
  } catch (e) {
    fail(`POST seen: ${(e as Error).message}`);
  }
};

/** Step 1, the meeting page each tablet opened: the snapshot it starts from (bare tablets have no page). */
async function load(m: Extract<ToClients, { type: "load" }>) {
  spec = m;
  pages = [];
  const refused = await pool(m.cookies, m.concurrency, async (cookie) => {
    // One connection per tablet, kept alive, as a tablet's browser keeps its own.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let initial: MeetingSnapshot | null = null;
    if (m.behaviour !== "bare") {
      const res = await snapshotFetcher(cookie, agent)(undefined);
      if (res.status !== 200) throw new Error("no snapshot");
      initial = res.body;
    }
    pages.push({ cookie, agent, initial });
  });
  send({ type: "loaded", loaded: pages.length, refused, errors });
}

/** Step 2: each tablet's socket connects and its logic starts (joins the meeting's room). */
async function connect(concurrency: number) {
  const m = spec;
  let opened = 0;
  const refused = await pool(pages, concurrency, async ({ cookie, agent, initial }) => {
    const socket = io(m.socketUrl ?? m.url, {
      transports: ["websocket"],
      extraHeaders: { cookie },
      forceNew: true,
      reconnectionDelay: 500,
      timeout: 30_000,
    });
    const sim: Sim = { socket, agent, tablet: null, shown: new Float64Array(0), arrived: new Float64Array(0) };
    // Registered before the tablet's own listener, so it runs first: the moment the event reached this socket.
    for (const name of ["agenda.changed", "live.changed"]) socket.on(name, (payload: Record<string, unknown>) => mark(sim.arrived, payload, m.itemId));
    sims.push(sim);
    socket.on("connect_error", (e) => fail(`socket connect: ${e.message}`));
    socket.on("disconnect", (reason) => {
      if (reason !== "io client disconnect") fail(`socket disconnected: ${reason}`);
    });
    // Joined = the server has put the socket in the meeting's room (its answer to meeting:join arrived).
    const joined = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("join timed out")), 60_000);
      if (m.behaviour === "bare") {
        socket.once("connect", () => (clearTimeout(timer), resolve()));
        return;
      }
      const emit = socket.emit.bind(socket);
      socket.emit = ((event: string, ...args: unknown[]) => {
        if (event === "meeting:join" && typeof args[1] === "function") {
          const ack = args[1] as (a: { ok: boolean }) => void;
          args[1] = (a: { ok: boolean }) => {
            clearTimeout(timer);
            if (a.ok) resolve();
            else reject(new Error(`join refused: ${JSON.stringify(a)}`));
            ack(a);
          };
        }
        return emit(event as never, ...(args as never[]));
      }) as typeof socket.emit;
    });
    if (!captured) {
      for (const name of ["agenda.changed", "live.changed"]) {
        socket.on(name, (payload: unknown) => {
          // The first event of the kind being watched: the bare server sends the same payload.
          if ((name === "live.changed") === (watchKey === "current")) captured ??= { name, payload };
        });
      }
    }
    sim.tablet = tablet(m.behaviour, {
      socket,
      meetingId: m.meetingId,
      initial,
      fetchSnapshot: snapshotFetcher(cookie, agent),
      markSeen: seenMarker(cookie, agent),
      onState: (state) => mark(sim.shown, state, m.itemId),
    });
    sim.tablet.start();
    await joined;
    opened++;
  });
  pages = [];
  send({ type: "connected", opened, refused, errors });
}

let cpuAtWatch = process.cpuUsage();

function watch(list: string[], key: "title" | "current" = "title") {
  if (key !== watchKey) captured = null;
  watchKey = key;
  cpuAtWatch = process.cpuUsage();
  titles = new Map(list.map((t, i) => [t, i]));
  for (const s of sims) {
    s.shown = new Float64Array(list.length).fill(Number.NaN);
    s.arrived = new Float64Array(list.length).fill(Number.NaN);
  }
  failed = 0;
  errors = [];
}

async function collect(writeTimes: number[], timeoutMs: number): Promise<Collected> {
  const last = writeTimes.length - 1;
  const deadline = now() + timeoutMs;
  while (now() < deadline && sims.some((s) => Number.isNaN(s.shown[last]))) await new Promise((r) => setTimeout(r, 20));
  const latencies: number[] = [];
  const arrivals: number[] = [];
  let missing = 0;
  for (const s of sims) {
    for (let k = 0; k <= last; k++) {
      if (Number.isNaN(s.shown[k])) missing++;
      else latencies.push(s.shown[k] - writeTimes[k]);
      if (!Number.isNaN(s.arrived[k])) arrivals.push(s.arrived[k] - writeTimes[k]);
    }
  }
  const cpu = process.cpuUsage(cpuAtWatch);
  return { type: "collected", latencies, arrivals, missing, failed, errors, captured, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function close() {
  for (const s of sims) {
    s.tablet?.stop();
    s.socket.disconnect();
    s.agent.destroy();
  }
  sims = [];
  send({ type: "closed" });
}

process.on("message", (m: ToClients) => {
  const run = async () => {
    switch (m.type) {
      case "load":
        return load(m);
      case "connect":
        return connect(m.concurrency);
      case "watch":
        watch(m.titles, m.key);
        return send({ type: "watching" });
      case "collect":
        return send(await collect(m.writeTimes, m.timeoutMs));
      case "close":
        await close();
        return process.exit(0);
    }
  };
  run().catch((e) => send({ type: "error", message: String((e as Error)?.stack ?? e) }));
});
process.on("disconnect", () => process.exit(0)); // the orchestrator is gone: never linger
send({ type: "ready" });

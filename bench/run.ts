// `npm run bench`: what a deployment can expect on this machine, written to bench/RESULTS.md.
//   1. A meeting room of N = 100, 500, 1,000, 2,000 simulated tablets (bench/clients.ts, real socket.io clients,
//      each running the shipped client logic: lib/realtime/sync.ts), connected to the production server (server.ts,
//      its own process). The secretariat renames an agenda item through the HTTP API; measured: the time from the
//      write until every tablet's state shows it (p50/p99/max), for single changes and for a burst of 30 changes
//      300 ms apart; failed requests; server memory per connected tablet. The same N tablets then take the same
//      payload from a bare socket.io server (bench/bare-server.ts): the baseline.
//   2. The client before events carried the change (every event → full snapshot GET + POST /seen), at small N.
//   3. HTTP load (autocannon, 50 concurrent users with their own sessions): the meeting page, the snapshot API, and
//      the snapshot API answered 304.
//   4. In process: the snapshot read of a 60-item meeting, and its agenda PDF.
// Everything runs on 127.0.0.1 against a fresh SQLite database under data/bench/, removed at the end. Every wait has
// a timeout; a watchdog ends the run after 15 minutes; child processes are killed by id.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ChildProcess } from "node:child_process";
import { benchEnvironment, ClientProcess, cpuMsOf, ensureBuild, freePort, removeBenchDir, root, rssOf, runBench, startApp, startBare, stop, stopGracefully } from "./processes.ts";
import { load, type LoadResult } from "./http-load.ts";
import { summarize, type Summary } from "./stats.ts";
import { writeResults, type RoomResult } from "./report.ts";
import { gotoItem, speakBurst, type LiveReport } from "./live.ts";
import type { Behaviour } from "./tablet.ts";
import type { Collected } from "./ipc.ts";
import { tabletApplyCost } from "./apply-cost.ts";
import { writeCost } from "./write-cost.ts";

const SIZES = (process.env.BENCH_SIZES ?? "100,500,1000,2000").split(",").filter(Boolean).map(Number);
/** The client before this one re-fetched on every event: measured where it still finishes in bounded time. */
const BEFORE_SIZES = (process.env.BENCH_BEFORE_SIZES ?? "100,500").split(",").filter(Boolean).map(Number);
/** The chair moving the current item (issue 8): the same room sizes unless told. */
const LIVE_SIZES = (process.env.BENCH_LIVE_SIZES ?? process.env.BENCH_SIZES ?? "100,500,1000").split(",").filter(Boolean).map(Number);
const SPEAKERS = Number(process.env.BENCH_SPEAKERS ?? 100);
const ROOM_PARTICIPANTS = 200; // a large plenary; tablets beyond that are further devices of the same people
const TABLETS_PER_PROCESS = 1000;
// Enough single changes that one slow change (a GC pause, another process taking the CPU) is not the p99 by itself.
const SINGLE_CHANGES = Number(process.env.BENCH_SINGLE_CHANGES ?? 20);
const BURST = 30;
const BURST_GAP_MS = 300;
const APPLY_TIMEOUT_MS = 30_000;
const HTTP_USERS = 50;
const HTTP_SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WATCHDOG_MS = 15 * 60_000;

const { benchDir, env } = benchEnvironment("run");
const now = () => performance.timeOrigin + performance.now();
const children: ChildProcess[] = [];
const clientProcs: ClientProcess[] = [];


async function write(url: string, cookie: string, itemId: string, title: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/agenda-items/${itemId}`, {
      method: "PATCH",
      headers: { cookie, origin: url, "content-type": "application/json" },
      body: JSON.stringify({ title }),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function bareEmit(url: string, name: string, payload: unknown): Promise<boolean> {
  try {
    const res = await fetch(`${url}/emit`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, payload }) });
    return res.status === 204;
  } catch {
    return false;
  }
}

interface Target {
  /** The process whose memory and CPU are measured. */
  pid: number | undefined;
  /** Where the tablets' sockets connect. */
  socketUrl: string;
  /** Makes change k (title) happen; true when the write succeeded. */
  change: (title: string, k: number) => Promise<boolean>;
}

/**
 * `key`: what each change shows as — "title" (a rename; changes are titles), or "current" (the chair moves the
 * current item; changes are the item ids in `ids`, one per change, all distinct).
 */
async function room(label: string, behaviour: Behaviour, n: number, app: string, target: Target, data: { meetingId: string; itemId: string; cookies: string[] }, key: "title" | "current" = "title", ids: string[] = []): Promise<RoomResult & { captured: Collected["captured"] }> {
  const name = (title: string, k: number) => (key === "current" ? ids[k] : title);
  // One process up to 1,000 tablets, then at least two, so the tablets' side is not what is measured.
  const count = n >= TABLETS_PER_PROCESS ? Math.max(2, Math.ceil(n / TABLETS_PER_PROCESS)) : 1;
  const ps = await Promise.all(Array.from({ length: count }, () => ClientProcess.start()));
  clientProcs.push(...ps);
  const loaded = await Promise.all(
    ps.map((p, i) =>
      p.ask({
        type: "load", url: app, socketUrl: target.socketUrl, meetingId: data.meetingId, itemId: data.itemId, behaviour,
        cookies: data.cookies.slice(0, n).filter((_, j) => j % count === i), concurrency: 8,
      }, "loaded", 300_000),
    ),
  );
  await new Promise((r) => setTimeout(r, 500));
  // Memory per connected tablet: the sockets only (the page loads above grow the heap for other reasons).
  const rssBefore = rssOf(target.pid);
  const t0 = now();
  const opened = await Promise.all(ps.map((p) => p.ask({ type: "connect", concurrency: 16 }, "connected", 300_000)));
  const openMs = now() - t0;
  await new Promise((r) => setTimeout(r, 500));
  const rssAfter = rssOf(target.pid);
  const ok = opened.reduce((s, o) => s + o.opened, 0);

  const phase = async (titles: string[], gapMs: number) => {
    await Promise.all(ps.map((p) => p.ask({ type: "watch", titles, key }, "watching", 10_000)));
    const cpu0 = cpuMsOf(target.pid);
    const start = now();
    const writeTimes: number[] = [];
    const writeLatencies: number[] = [];
    let writeFailures = 0;
    await Promise.all(
      titles.map(async (title, k) => {
        const due = start + k * gapMs - now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
        writeTimes[k] = now();
        if (!(await target.change(title, k))) writeFailures++;
        writeLatencies.push(now() - writeTimes[k]);
      }),
    );
    const results = await Promise.all(ps.map((p) => p.ask({ type: "collect", writeTimes, timeoutMs: APPLY_TIMEOUT_MS }, "collected", APPLY_TIMEOUT_MS + 30_000)));
    return {
      latencies: results.flatMap((r) => r.latencies),
      arrivals: results.flatMap((r) => r.arrivals),
      missing: results.reduce((s, r) => s + r.missing, 0),
      failed: writeFailures + results.reduce((s, r) => s + r.failed, 0),
      errors: results.flatMap((r) => r.errors),
      captured: results.find((r) => r.captured)?.captured ?? null,
      serverCpuMs: cpuMsOf(target.pid) - cpu0,
      clientCpuMs: results.reduce((s, r) => s + r.cpuMs, 0),
      writeLatencies,
    };
  };

  const singles: number[] = [];
  const singleArrivals: number[] = [];
  const writes: number[] = [];
  let singleMissing = 0;
  let failed = [...loaded, ...opened].reduce((s, o) => s + o.refused, 0);
  const errors = [...loaded, ...opened].flatMap((o) => o.errors);
  let captured: Collected["captured"] = null;
  const singleChanges = behaviour === "refetch" ? 2 : SINGLE_CHANGES; // the old client is slow: fewer, same burst
  // One change first, not counted: the first event after the tablets joined runs code paths cold on both sides.
  await phase([name(`Khai mạc (${label}, N = ${n}, khởi động)`, 0)], 0);
  for (let i = 0; i < singleChanges; i++) {
    const r = await phase([name(`Khai mạc (${label}, N = ${n}, lần ${i + 1})`, 1 + i)], 0);
    const one = summarize(r.latencies);
    console.log(`[bench]   ${label} N=${n} change ${i + 1}: shown p50/p99/max ${one.p50.toFixed(0)}/${one.p99.toFixed(0)}/${one.max.toFixed(0)} ms, write answered ${r.writeLatencies[0]?.toFixed(0)} ms, server CPU ${r.serverCpuMs.toFixed(0)} ms, tablets' CPU ${r.clientCpuMs.toFixed(0)} ms`);
    singleArrivals.push(...r.arrivals);
    singles.push(...r.latencies);
    writes.push(...r.writeLatencies);
    singleMissing += r.missing;
    failed += r.failed;
    errors.push(...r.errors);
    captured ??= r.captured;
    await new Promise((res) => setTimeout(res, 300));
  }
  const burst = await phase(Array.from({ length: BURST }, (_, k) => name(`Khai mạc (${label}, N = ${n}, đợt ${k + 1}/${BURST})`, 1 + singleChanges + k)), BURST_GAP_MS);
  failed += burst.failed;
  errors.push(...burst.errors);
  await Promise.all(ps.map((p) => p.close()));
  clientProcs.splice(0, clientProcs.length);
  const single: Summary = summarize(singles);
  console.log(`[bench] ${label} N=${n}: opened ${ok}/${n} in ${(openMs / 1000).toFixed(1)} s; one change p50/p99/max ${single.p50.toFixed(0)}/${single.p99.toFixed(0)}/${single.max.toFixed(0)} ms; burst ${summarize(burst.latencies).p99.toFixed(0)} ms p99, server CPU ${(burst.serverCpuMs / BURST).toFixed(1)} ms and tablets' CPU ${((burst.clientCpuMs * 1000) / Math.max(1, burst.latencies.length)).toFixed(0)} µs per change; failed ${failed}; not applied ${singleMissing + burst.missing}`);
  return {
    label, behaviour, n, processes: count, opened: ok, openMs,
    rssPerClient: (rssAfter - rssBefore) / Math.max(1, ok),
    single, arrival: summarize(singleArrivals), write: summarize(writes), rssWith: rssAfter, singleMissing, burst: summarize(burst.latencies), burstMissing: burst.missing,
    burstServerCpuMs: burst.serverCpuMs, burstClientCpuPerApplyUs: (burst.clientCpuMs * 1000) / Math.max(1, burst.latencies.length), failed, errors: [...new Set(errors)].slice(0, 5), captured,
  };
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  const loadStart = os.loadavg();
  ensureBuild();
  console.log(`[bench] database ${path.relative(root, benchDir)} …`);
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { env, stdio: "pipe" });
  const { db } = await import("../lib/db/index.ts");
  const { closeReader } = await import("../lib/db/read.ts");
  const { makeBenchData, makeLargeMeeting } = await import("./setup.ts");
  const { readMeetingSnapshot } = await import("../lib/meetings/snapshot.ts");
  const { agendaPdf } = await import("../lib/agenda/print.ts");
  const maxN = Math.max(...SIZES, ...BEFORE_SIZES);
  const data = await makeBenchData({ tablets: Math.max(maxN, SPEAKERS + 1), roomParticipants: ROOM_PARTICIPANTS, httpUsers: HTTP_USERS });
  // The chair's walk through the agenda needs one distinct item per change (the room's 30, and a few more).
  const { createAgendaItem } = await import("../lib/agenda/commands.ts");
  const liveItems = (await db.agendaItem.findMany({ where: { meetingId: data.room.id }, orderBy: { createdAt: "asc" }, select: { id: true } })).map((i) => i.id);
  while (liveItems.length < 2 + SINGLE_CHANGES + BURST) liveItems.push((await createAgendaItem(data.sec, data.room.id, { title: `Nội dung bổ sung ${liveItems.length + 1}`, plannedMinutes: 5 })).result.id);
  // Start from an item that is not in the walk, so the first change is a change.
  const walk = liveItems.slice(1);

  // ---- in process: the snapshot read of a large meeting, and its agenda PDF -------------------------------------
  const large = await makeLargeMeeting(data.sec, 30);
  const timeIt = async (runs: number, f: () => Promise<unknown>) => {
    for (let i = 0; i < Math.ceil(runs / 10); i++) await f();
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f();
      out.push(performance.now() - t);
    }
    return summarize(out);
  };
  const memberOf = async (meetingId: string) => {
    const p = await db.participant.findFirstOrThrow({ where: { meetingId, role: "MEMBER" }, include: { user: true } });
    return { id: p.user.id, role: p.user.role, name: p.user.name, email: p.user.email, locale: p.user.locale };
  };
  const inProcess = {
    items: large.items,
    snapshotMember: await timeIt(300, () => readMeetingSnapshot(large.member, large.id)),
    snapshotStaff: await timeIt(300, () => readMeetingSnapshot(data.sec, large.id)),
    pdf: await timeIt(10, async () => agendaPdf((await readMeetingSnapshot(data.sec, large.id)).snapshot!, "vi")),
    apply: tabletApplyCost(JSON.stringify((await readMeetingSnapshot(await memberOf(data.room.id), data.room.id)).snapshot)),
    writes: { rename: { cpuMs: NaN }, goto: { cpuMs: NaN }, snapshot: { cpuMs: NaN } },
  };
  closeReader();
  await db.$disconnect();

  // ---- the servers ------------------------------------------------------------------------------------------------
  const appPort = await freePort();
  const app = `http://127.0.0.1:${appPort}`;
  const appProc = await startApp(env, appPort);
  children.push(appProc);
  const barePort = await freePort();
  const bare = `http://127.0.0.1:${barePort}`;
  const bareProc = await startBare(barePort);
  children.push(bareProc);
  console.log(`[bench] app on ${app} (pid ${appProc.pid}), bare socket.io on ${bare} (pid ${bareProc.pid})`);

  // Server CPU per request, one at a time (before the rooms: the meeting is not started yet, `writeCost` starts it).
  inProcess.writes = await writeCost(app, appProc.pid, { secCookie: data.secCookie, chairCookie: data.tabletCookies[0], meetingId: data.room.id, itemId: data.room.itemId, walk }, 100);
  console.log(`[bench] server CPU per request: ${JSON.stringify(inProcess.writes)}`);
  // Back to an item outside the walk, so the chair's first "go to" below is a change.
  await gotoItem(app, data.tabletCookies[0], data.room.id, liveItems[0]);
  const roomData = { meetingId: data.room.id, itemId: data.room.itemId, cookies: data.tabletCookies };
  const appTarget: Target = { pid: appProc.pid, socketUrl: app, change: (title) => write(app, data.secCookie, data.room.itemId, title) };
  const results: RoomResult[] = [];
  const baselines: RoomResult[] = [];
  let template: Collected["captured"] = null;
  for (const n of SIZES) {
    const ours = await room("sync", "sync", n, app, appTarget, roomData);
    template ??= ours.captured;
    results.push(ours);
    if (!template) throw new Error("no agenda event was captured: the bare baseline needs its payload");
    const shape = template.payload as { items: { title: string }[] } & Record<string, unknown>;
    const bareTarget: Target = {
      pid: bareProc.pid,
      socketUrl: bare,
      change: (title, k) => bareEmit(bare, template!.name, { ...shape, version: shape.version as number + k + 1, items: [{ ...shape.items[0], title }] }),
    };
    baselines.push(await room("bare", "bare", n, app, bareTarget, roomData));
  }
  const before: RoomResult[] = [];
  for (const n of BEFORE_SIZES) before.push(await room("refetch", "refetch", n, app, appTarget, roomData));

  // ---- the running meeting: the chair moves the current item; 100 members ask to speak ---------------------------
  const chairCookie = data.tabletCookies[0]; // the room's first member chairs it
  const live: LiveReport = { current: [], currentBare: [], speak: null };
  const liveTarget: Target = { pid: appProc.pid, socketUrl: app, change: (itemId) => gotoItem(app, chairCookie, data.room.id, itemId) };
  for (const n of LIVE_SIZES) {
    const ours = await room("current", "sync", n, app, liveTarget, roomData, "current", walk);
    live.current.push(ours);
    const t = ours.captured;
    if (!t) throw new Error("no live.changed event was captured: the bare baseline needs its payload");
    const shape = t.payload as { version: number; live: Record<string, unknown> } & Record<string, unknown>;
    const bareTarget: Target = {
      pid: bareProc.pid,
      socketUrl: bare,
      change: (itemId, k) => bareEmit(bare, t.name, { ...shape, version: shape.version + 1000 + k, live: { ...shape.live, currentItemId: itemId } }),
    };
    live.currentBare.push(await room("current-bare", "bare", n, app, bareTarget, roomData, "current", walk));
  }
  if (SPEAKERS > 0) {
    live.speak = await speakBurst(app, chairCookie, data.room.id, data.tabletCookies.slice(1, 1 + Math.min(SPEAKERS, ROOM_PARTICIPANTS - 1)));
    const s = live.speak;
    console.log(`[bench] ${s.members} ask to speak within ${s.spreadMs} ms: answers p99 ${s.answer.p99.toFixed(0)} ms; queued ${s.queued} from ${s.distinct}; once ${s.once}; in order ${s.inOrder}; failed ${s.failed}`);
  }

  // ---- HTTP load ----------------------------------------------------------------------------------------------------
  const snapshotUrl = `${app}/api/v1/meetings/${data.cabinet.id}`;
  const etags = await Promise.all(data.userCookies.map(async (cookie) => (await fetch(snapshotUrl, { headers: { cookie } })).headers.get("etag") ?? ""));
  const runLoad = async (name: string, url: string, expect: number, headers?: Record<string, string>[]): Promise<[string, LoadResult]> => {
    // Warm-up: a route's first answer loads its code; 50 cold requests at once would pile up behind it.
    for (const cookie of data.userCookies.slice(0, 5)) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    await load({ url, seconds: 2, cookies: data.userCookies, headers, expect });
    const r = await load({ url, seconds: HTTP_SECONDS, cookies: data.userCookies, headers, expect });
    console.log(`[bench] ${name}: ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, failed ${r.failed}`);
    return [name, r];
  };
  const http = [
    await runLoad("meeting page", `${app}/meetings/${data.cabinet.id}`, 200),
    await runLoad("snapshot API (200, full body)", snapshotUrl, 200),
    await runLoad("snapshot API (304, If-None-Match)", snapshotUrl, 304, etags.map((e) => ({ "if-none-match": e }))),
  ];

  writeResults({
    results, baselines, before, http, inProcess, loadStart, loadEnd: os.loadavg(), live,
    setup: { roomParticipants: data.room.participants, cabinet: data.cabinet, httpUsers: HTTP_USERS, httpSeconds: HTTP_SECONDS, singleChanges: SINGLE_CHANGES, burst: BURST, burstGapMs: BURST_GAP_MS, applyTimeoutMs: APPLY_TIMEOUT_MS },
  });
  const failed = [...results, ...baselines, ...live.current, ...live.currentBare].some((r) => r.failed > 0 || r.singleMissing + r.burstMissing > 0)
    || (live.speak !== null && !(live.speak.once && live.speak.inOrder && live.speak.failed === 0));
  return failed ? 1 : 0;
}

async function cleanup() {
  for (const p of clientProcs) stop(p.child);
  await Promise.all(children.map((c) => stopGracefully(c)));
  removeBenchDir(benchDir);
}

await runBench("bench", main, cleanup, WATCHDOG_MS);

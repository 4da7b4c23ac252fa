// bench/RESULTS.md: the machine, the numbers, the targets of issue 6 met or not, and how each was measured.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult } from "./http-load.ts";
import { root } from "./processes.ts";
import { mb, ms, triple, type Summary } from "./stats.ts";
import type { Behaviour } from "./tablet.ts";
import { liveSection, type LiveReport } from "./live.ts";

export interface RoomResult {
  label: string;
  behaviour: Behaviour;
  n: number;
  processes: number;
  opened: number;
  openMs: number;
  rssPerClient: number;
  single: Summary;
  /** One change: until the event reached the tablet's socket (before its logic ran). */
  arrival: Summary;
  /** One change: until the write's HTTP answer arrived. */
  write: Summary;
  /** Server RSS with the N tablets connected. */
  rssWith: number;
  singleMissing: number;
  burst: Summary;
  burstMissing: number;
  burstServerCpuMs: number;
  /** The tablets' processes' CPU during the burst, per (tablet, change) shown: the simulation's own cost. */
  burstClientCpuPerApplyUs: number;
  failed: number;
  errors: string[];
}

interface Report {
  results: RoomResult[];
  baselines: RoomResult[];
  before: RoomResult[];
  http: [string, LoadResult][];
  inProcess: { items: number; snapshotMember: Summary; snapshotStaff: Summary; pdf: Summary; apply: { rename: number; "current item": number; first?: { rename: number; "current item": number } }; writes: { rename: { cpuMs: number }; goto: { cpuMs: number }; snapshot: { cpuMs: number } } };
  loadStart: number[];
  loadEnd: number[];
  /** The running meeting (bench/live.ts). */
  live?: LiveReport;
  setup: {
    roomParticipants: number;
    cabinet: { participants: number; items: number; papers: number };
    httpUsers: number;
    httpSeconds: number;
    singleChanges: number;
    burst: number;
    burstGapMs: number;
    applyTimeoutMs: number;
  };
}

export function machine(): string {
  let nproc = String(os.availableParallelism());
  try {
    nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {
    /* not on this system: the Node count stands */
  }
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `${nproc} CPUs (nproc) · ${cpu} · ${mb(os.totalmem())} MB RAM · ${os.type()} ${os.release()} ${os.arch()}`;
}

const kb = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024)} KB` : "–");
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
const verdict = (ok: boolean) => (ok ? "**met**" : "**NOT met**");

export function writeResults(r: Report) {
  const at = (list: RoomResult[], n: number) => list.find((x) => x.n === n);
  const ours1k = at(r.results, 1000);
  const bare1k = at(r.baselines, 1000);
  const ours2k = at(r.results, 2000);
  const httpOf = (prefix: string) => r.http.find(([name]) => name.startsWith(prefix))?.[1];
  const page = httpOf("meeting page");
  const snap = httpOf("snapshot API (200");
  const snap304 = httpOf("snapshot API (304");
  const clean = (x?: RoomResult) => !!x && x.failed === 0 && x.singleMissing + x.burstMissing === 0 && x.opened === x.n;
  const targets = [
    ["one change on all 1,000 tablets: p99 < 250 ms", ours1k ? `${ms(ours1k.single.p99)} ms` : "not run", verdict(!!ours1k && ours1k.single.p99 < 250)],
    ["… and within 1.5× of the bare broadcast (p99)", ours1k && bare1k ? `${(ours1k.single.p99 / bare1k.single.p99).toFixed(2)}× (bare ${ms(bare1k.single.p99)} ms)` : "not run", verdict(!!ours1k && !!bare1k && ours1k.single.p99 <= 1.5 * bare1k.single.p99)],
    ["burst of 30 at N = 1,000: p99 < 1 s, 0 failed", ours1k ? `${ms(ours1k.burst.p99)} ms, ${ours1k.failed} failed` : "not run", verdict(!!ours1k && ours1k.burst.p99 < 1000 && clean(ours1k))],
    ["N = 2,000 held: 0 failed", ours2k ? `${ours2k.opened}/${ours2k.n} connected, ${ours2k.failed} failed, ${ours2k.singleMissing + ours2k.burstMissing} not applied` : "not run", verdict(clean(ours2k))],
    ["meeting page ≥ 150 requests/s (50 users)", page ? `${page.perSecond.toFixed(0)} /s` : "not run", verdict(!!page && page.perSecond >= 150 && page.failed === 0)],
    ["snapshot API ≥ 500 requests/s (50 users)", snap ? `${snap.perSecond.toFixed(0)} /s full, ${snap304?.perSecond.toFixed(0) ?? "–"} /s as 304` : "not run", verdict(!!snap && snap.perSecond >= 500 && snap.failed === 0)],
  ];

  const roomRows = r.results.map((o) => {
    const b = at(r.baselines, o.n);
    return `| ${o.n} | ${o.processes} | ${o.opened} | ${triple(o.single)} | ${triple(o.arrival)} | ${triple(o.write)} | ${b ? triple(b.single) : "–"} | ${b ? (o.single.p99 / b.single.p99).toFixed(2) + "×" : "–"} | ${triple(o.burst)} | ${b ? triple(b.burst) : "–"} | ${(o.burstServerCpuMs / 1000).toFixed(1)} s (bare ${b ? (b.burstServerCpuMs / 1000).toFixed(1) : "–"} s) | ${o.burstClientCpuPerApplyUs.toFixed(0)} µs (bare ${b ? b.burstClientCpuPerApplyUs.toFixed(0) : "–"}) | ${o.failed} | ${o.singleMissing + o.burstMissing} | ${mb(o.rssWith)} MB, ${kb(o.rssPerClient)} | ${b ? `${mb(b.rssWith)} MB, ${kb(b.rssPerClient)}` : "–"} |`;
  });
  const beforeRows = r.before.map((o) => `| ${o.n} | ${o.opened} | ${triple(o.single)} | ${triple(o.burst)} | ${(o.burstServerCpuMs / 1000).toFixed(1)} s | ${o.failed} | ${o.singleMissing + o.burstMissing} |`);
  const httpRows = r.http.map(([name, h]) => `| ${name} | ${h.requests} | **${h.perSecond.toFixed(0)}** | ${h.p50} | ${h.p99} | ${h.failed} |`);
  const errors = [...r.results, ...r.baselines, ...r.before].filter((x) => x.errors.length).map((x) => `- ${x.label} N = ${x.n}: ${x.errors.join("; ")}`);
  const s = r.setup;
  const ip = r.inProcess;

  const md = `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.

- **Machine**: ${machine()}
- **Node**: ${process.version}
- **Load average** (1, 5, 15 min) at the start: ${load(r.loadStart)}; at the end: ${load(r.loadEnd)}. The machine may be
  shared: a load above the CPU count means other work competed with the benchmark for the CPUs.
- **Server**: the production server (\`server.ts\`: Next.js + socket.io, one process, \`NODE_ENV=production\`) on a fresh
  SQLite database; the tablets and the load generator are other processes on the same machine (127.0.0.1).

## Targets (issue 6)

| target | measured | |
| --- | --- | --- |
${targets.map((t) => `| ${t.join(" | ")} |`).join("\n")}

## A meeting room of N tablets

Time from the start of the write (the secretariat's \`PATCH /api/v1/agenda-items/:id\`) until each tablet's state shows
the new title, in ms, as p50 / p99 / max over all tablets and changes; "event arrived": until the event reached the
tablet's socket, before its logic ran; "the write answered": until the PATCH's HTTP answer (sent after the
broadcast). "One change": ${s.singleChanges} renames, each
waited for (after one more, not counted: the first event after joining runs cold code on both sides); "burst": ${s.burst} renames ${s.burstGapMs} ms apart. "bare": the same tablets and the same event payload
from a bare socket.io server (no session, policy, database or per-viewer cut). Server CPU: what the app process (and the bare server)
used from the first write of the burst until every tablet showed the last one. Tablet CPU per change: what the
tablets' processes used during the burst per (tablet, change): receiving, validating and applying the event. One
process runs hundreds of tablets one after another, so the last tablet of a process waits for all the others'
work; on real tablets each has its own CPU.

| N | client processes | connected | one change | event arrived | the write answered | one change, bare | p99 vs bare | burst | burst, bare | server CPU, burst | tablet CPU per change | failed | not applied | server RSS, per tablet | bare RSS, per tablet |
| ---: | ---: | ---: | --- | --- | --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
${roomRows.join("\n")}

### Before: the client that re-fetched on every event

The same room with the client as it was before events carried the change: every event newer than its state made a
tablet GET the whole snapshot (a burst coalesced into one more GET after the running one) and POST \`/seen\`. Measured
against today's server (cheaper snapshot than when issue 6 was filed), at the sizes where it still finishes.

| N | connected | one change | burst | server CPU, burst | failed | not applied |
| ---: | ---: | --- | --- | ---: | ---: | ---: |
${beforeRows.join("\n") || "| – | not run | | | | | |"}
${errors.length ? `\nFirst errors seen:\n${errors.join("\n")}\n` : ""}${r.live ? liveSection(r.live) : ""}
## HTTP load

autocannon, ${s.httpUsers} connections for ${s.httpSeconds} s after a 2 s warm-up, each connection one user with their own
session, against a cabinet-sized meeting (${s.cabinet.participants} participants, ${s.cabinet.items} agenda items, ${s.cabinet.papers} papers).
Requests per second count only the expected answers (200, or 304 for the conditional GET).

| request | answered | per second | p50 ms | p99 ms | failed |
| --- | ---: | ---: | ---: | ---: | ---: |
${httpRows.join("\n")}

## In process

| measurement | n | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | ---: | ---: |
| snapshot read of a ${ip.items}-item meeting with 40 papers, member | ${ip.snapshotMember.n} | ${ms(ip.snapshotMember.p50)} | ${ms(ip.snapshotMember.p99)} | ${ms(ip.snapshotMember.max)} |
| the same, secretariat | ${ip.snapshotStaff.n} | ${ms(ip.snapshotStaff.p50)} | ${ms(ip.snapshotStaff.p99)} | ${ms(ip.snapshotStaff.max)} |
| its agenda PDF (vi, DejaVu fonts embedded) | ${ip.pdf.n} | ${ms(ip.pdf.p50)} | ${ms(ip.pdf.p99)} | ${ms(ip.pdf.max)} |

What one event costs a tablet (bench/apply-cost.ts): 500 tablets of the ${s.roomParticipants}-person room meeting in one
process, each parsing its own copy of the payload and running MeetingSync (validate, apply, re-assemble), in µs of CPU
per tablet per event: a rename ${ip.apply.rename.toFixed(0)} µs, the current item ${ip.apply["current item"].toFixed(0)} µs${ip.apply.first ? `; over the first five
events of each (the rename's run code this process has not compiled yet) ${ip.apply.first.rename.toFixed(0)} and ${ip.apply.first["current item"].toFixed(0)} µs` : ""}.

Server CPU per request, one request at a time against the production server (bench/write-cost.ts, the process's own
CPU time, which other load does not stretch much): a rename ${ip.writes.rename.cpuMs.toFixed(1)} ms, the chair's
"go to item" ${ip.writes.goto.cpuMs.toFixed(1)} ms, a snapshot GET of the room meeting ${ip.writes.snapshot.cpuMs.toFixed(1)} ms.

## How it is measured

- **Tablets** (bench/clients.ts, bench/tablet.ts): each is a socket.io client (websocket transport) with its own
  session cookie (a real server-side session) and its own keep-alive HTTP connection. It opens like the meeting page:
  GET the snapshot, then runs \`MeetingSync\` (lib/realtime/sync.ts) exactly as the React hook does: joins the room,
  applies each event's change to its rows, fetches (conditionally) only when it must. A change counts as applied when
  the state \`MeetingSync\` hands to the UI shows the new title, not when the event arrives. The room meeting has
  ${s.roomParticipants} participants; from N = ${s.roomParticipants} on, tablets are further devices (sessions) of the same people.
  One process holds up to 1,000 tablets; from 1,000 on they are split over several.
- **Clock**: every process reads \`performance.timeOrigin + performance.now()\` (one machine, one clock).
- **Failed**: refused connections or joins, HTTP errors or timeouts (snapshot, /seen, the writes), socket errors and
  unexpected disconnects. **Not applied**: (tablet, change) pairs not shown within ${s.applyTimeoutMs / 1000} s of the last write.
- **Memory**: the server process's RSS with the N tablets joined, and that minus the RSS before their sockets
  connected, per tablet (Linux /proc; garbage collection makes the difference noisy, most telling at N = 2,000).
- The whole run has a 15-minute watchdog; the database and all processes are removed at the end.
`;
  fs.writeFileSync(path.join(root, "bench", "RESULTS.md"), md);
  console.log("[bench] wrote bench/RESULTS.md");
}

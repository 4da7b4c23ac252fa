// `npm run bench` (part 2, issue 9): N = 2,000 voters, each with their own session and socket, cast within one
// second on one open vote (10% tap twice at once). Measured: ballots recorded (exactly N: none lost, none doubled),
// ballots/s, the time from the last ballot's answer until every client (and the chair's) shows "N of N", how many
// progress messages each client got (coalesced, no re-fetch herd), and the close: from the chair's request until
// the result is on the chair's screen. Once for an OPEN vote (live counts) and once for a SECRET one.
// Results: bench/RESULTS-votes.md. Fresh SQLite database under data/bench, removed at the end.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { io } from "socket.io-client";
import { benchEnvironment, cpuMsOf, ensureBuild, freePort, removeBenchDir, root, rssOf, runBench, spawnNode, startApp, stopGracefully } from "./processes.ts";
import { summarize } from "./stats.ts";

const N = Number(process.env.BENCH_VOTERS_N ?? 2000);
const PROCESSES = N >= 1000 ? 2 : 1;
const SPREAD_MS = 1000;
const now = () => performance.timeOrigin + performance.now();
const { benchDir, env } = benchEnvironment("votes");
const children: ChildProcess[] = [];

type Msg = { type: string; [k: string]: unknown };
const next = (c: ChildProcess, type: string, ms: number) =>
  new Promise<Msg>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${type} within ${ms / 1000} s`)), ms);
    const on = (m: Msg) => {
      if (m.type === type || m.type === "error") {
        clearTimeout(t);
        c.off("message", on);
        if (m.type === "error") reject(new Error(String(m.message)));
        else resolve(m);
      }
    };
    c.on("message", on);
  });

async function main() {
  ensureBuild(); // `BENCH_ONLY=votes` on a fresh clone: nothing has built the app yet
  fs.mkdirSync(benchDir, { recursive: true });
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { env, stdio: "pipe" });
  const { db } = await import("../lib/db/index.ts");
  const { signIn } = await import("./setup.ts");
  const { createMeeting } = await import("../lib/meetings/commands.ts");
  const { createVote, openVote } = await import("../lib/votes/commands.ts");
  const tag = crypto.randomBytes(3).toString("hex");
  const mk = async (role: "SECRETARIAT" | "MEMBER", count: number, prefix: string) => {
    const data = Array.from({ length: count }, (_, i) => ({ email: `${prefix}-${i}-${tag}@bench.gov.vn`, name: `Đại biểu ${prefix} ${i + 1}`, role, passwordHash: "x" }));
    await db.user.createMany({ data });
    return (await db.user.findMany({ where: { email: { in: data.map((d) => d.email) } } })).map((u) => ({ id: u.id, role: u.role, name: u.name, email: u.email, locale: u.locale }));
  };
  const [sec] = await mk("SECRETARIAT", 1, "sec");
  const [chair] = await mk("MEMBER", 1, "chair");
  const voters = await mk("MEMBER", N - 1, "voter"); // with the chair: N voters
  const m = await createMeeting(sec, { title: "Kỳ họp – biểu quyết 2.000 đại biểu", kind: "REGULAR", location: "Hội trường", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000), chairId: chair.id, approverId: null });
  await db.participant.createMany({ data: voters.map((u) => ({ meetingId: m.id, userId: u.id, role: "MEMBER" as const })) });
  await db.participant.updateMany({ where: { meetingId: m.id }, data: { checkedInAt: new Date() } });
  await db.meeting.update({ where: { id: m.id }, data: { status: "IN_PROGRESS", publishedAt: new Date() } });
  const cookies: string[] = [];
  for (const u of [chair, ...voters]) cookies.push(await signIn(u));
  const chairCookie = cookies[0];
  await db.$disconnect();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await startApp(env, port);
  children.push(app);
  const rssIdle = rssOf(app.pid);

  // The chair's screen: staff progress (with who has not voted) and the result.
  const chairSocket = io(url, { transports: ["websocket"], extraHeaders: { cookie: chairCookie }, forceNew: true, reconnection: false });
  await new Promise<void>((r, j) => (chairSocket.once("connect", () => r()), chairSocket.once("connect_error", j)));
  await new Promise((r) => chairSocket.emit("meeting:join", { meetingId: m.id, version: 0 }, r));

  const per = Math.ceil(N / PROCESSES);
  const procs = [];
  for (let p = 0; p < PROCESSES; p++) {
    const file = path.join(benchDir, `voters-${p}.json`);
    fs.writeFileSync(file, JSON.stringify({ url, meetingId: m.id, cookies: cookies.slice(p * per, (p + 1) * per), total: N }));
    const child = spawnNode("bench/voters.ts", { ...env, BENCH_VOTERS: file }, true, "--max-semi-space-size=64");
    children.push(child);
    procs.push(child);
  }
  const t0 = now();
  const ready = await Promise.all(procs.map((c) => next(c, "ready", 300_000)));
  const connected = ready.reduce((s, r) => s + Number(r.connected), 0);
  console.log(`[votes] ${connected}/${N} voters connected in ${((now() - t0) / 1000).toFixed(1)} s`);
  const rssConnected = rssOf(app.pid);

  const rounds = [];
  for (const kind of ["OPEN", "SECRET"] as const) {
    // Planned and opened through the API, as the chair's console does.
    const post = async (p: string, body: unknown) => {
      const res = await fetch(`${url}/api/v1${p}`, { method: "POST", headers: { cookie: chairCookie, origin: url, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const { vote } = await post(`/meetings/${m.id}/votes`, { question: `Biểu quyết ${kind}`, ballotKind: kind, preset: "COUNCIL" });
    await post(`/votes/${vote.id}/open`, {});
    let chairFinalAt = Number.NaN;
    let chairMessages = 0;
    const onProgress = (p: { voteId: string; cast: number }) => {
      if (p.voteId !== vote.id) return;
      chairMessages++;
      if (p.cast >= N && Number.isNaN(chairFinalAt)) chairFinalAt = now();
    };
    chairSocket.on("vote.progress", onProgress);
    await new Promise((r) => setTimeout(r, 500));
    const at = now() + 1000;
    const cpu0 = cpuMsOf(app.pid);
    const cast = await Promise.all(procs.map((c) => {
      const reply = next(c, "cast", 120_000);
      c.send({ type: "go", voteId: vote.id, at, spreadMs: SPREAD_MS, doubles: Math.floor(per / 10) });
      return reply;
    }));
    const responses = cast.flatMap((c) => c.responses as { status: number; at: number; sentAt: number }[]);
    // The server's CPU while the ballots came in (their requests, the writes, the progress messages), per request.
    const serverCpuPerRequest = (cpuMsOf(app.pid) - cpu0) / responses.length;
    const lastBallot = Math.max(...responses.map((r) => r.at));
    const firstSent = Math.min(...responses.map((r) => r.sentAt));
    const collected = await Promise.all(procs.map((c) => {
      const reply = next(c, "collected", 60_000);
      c.send({ type: "collect", waitMs: 30_000 });
      return reply;
    }));
    const finals = collected.flatMap((c) => c.finalAt as number[]).filter((x) => !Number.isNaN(x)).map((x) => Math.max(0, x - lastBallot));
    const messages = collected.flatMap((c) => c.messages as number[]);
    // The close: from the chair's request until the result is on the chair's screen.
    const closed = new Promise<number>((r) => chairSocket.on("votes.changed", (e: { change: string; votes?: { id: string }[] }) => e.change === "closed" && e.votes?.some((v) => v.id === vote.id) && r(now())));
    const closeStart = now();
    await post(`/votes/${vote.id}/close`, {});
    const closeMs = (await closed) - closeStart;
    chairSocket.off("vote.progress", onProgress);
    const { db: db2 } = await import("../lib/db/index.ts");
    const row = await db2.vote.findUniqueOrThrow({ where: { id: vote.id } });
    const stored = kind === "SECRET" ? await db2.voteReceipt.count({ where: { voteId: vote.id } }) : await db2.ballot.count({ where: { voteId: vote.id } });
    const tallied = (row.result as { outcome: { cast: number } }).outcome.cast;
    await db2.$disconnect();
    const round = {
      kind, ballots: N, requests: responses.length, failed: collected.reduce((s, c) => s + Number(c.failed), 0), errors: collected.flatMap((c) => c.errors as string[]),
      stored, tallied, castCount: row.castCount,
      ballotsPerSecond: N / ((lastBallot - firstSent) / 1000),
      answer: summarize(responses.map((r) => r.at - r.sentAt)),
      final: summarize(finals), notFinal: collected.reduce((s, c) => s + Number(c.notFinal), 0),
      notFinalDropped: collected.reduce((s, c) => s + Number(c.notFinalDropped), 0),
      chairFinalMs: Math.max(0, chairFinalAt - lastBallot), chairMessages,
      messages: summarize(messages), closeMs, serverCpuPerRequest,
    };
    console.log(`[votes] ${kind}: stored ${stored}/${N}, tallied ${tallied}, failed ${round.failed}, ${round.ballotsPerSecond.toFixed(0)} ballots/s, server CPU ${serverCpuPerRequest.toFixed(1)} ms per request, final progress p50/p99 ${round.final.p50.toFixed(0)}/${round.final.p99.toFixed(0)} ms after the last ballot, chair ${round.chairFinalMs.toFixed(0)} ms, close ${closeMs.toFixed(0)} ms`);
    rounds.push(round);
  }
  for (const c of procs) c.send({ type: "close" });
  chairSocket.disconnect();

  const cpu = os.cpus();
  const lines = [
    "# Benchmarks: voting (issue 9)",
    "",
    `Generated by \`npm run bench\` (bench/votes.ts) on ${new Date().toISOString()}.`,
    "",
    `- **Machine**: ${cpu.length} CPUs · ${cpu[0]?.model ?? "?"} · ${(os.totalmem() / 2 ** 20).toFixed(0)} MB RAM · ${os.type()} ${os.release()} · load before ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`,
    `- **Node**: ${process.version}; the production server (server.ts) in its own process; ${PROCESSES} client process(es)`,
    `- **Setup**: one meeting in progress, ${N} participants with a vote, all checked in, each with their own session and socket joined to the meeting; each casts once at a random moment within ${SPREAD_MS} ms, 10% of them tap twice at once (the same ballot sent twice concurrently).`,
    `- **Server memory**: ${(rssIdle / 2 ** 20).toFixed(0)} MB idle, ${(rssConnected / 2 ** 20).toFixed(0)} MB with ${connected} voters connected`,
    "",
    "| vote | ballots recorded | tallied | requests (failed) | ballots/s | server CPU per request, ms | answer p50/p99 ms | every client shows N of N after the last ballot, p50/p99/max ms | chair shows N of N, ms | progress messages per client p50/max | close → result on the chair's screen, ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rounds.map((r) => `| ${r.kind} | ${r.stored} of ${r.ballots} | ${r.tallied} | ${r.requests} (${r.failed}) | ${r.ballotsPerSecond.toFixed(0)} | ${r.serverCpuPerRequest.toFixed(1)} | ${r.answer.p50.toFixed(0)} / ${r.answer.p99.toFixed(0)} | ${r.final.p50.toFixed(0)} / ${r.final.p99.toFixed(0)} / ${r.final.max.toFixed(0)}${r.notFinal ? ` (${r.notFinal} never, ${r.notFinalDropped} of them disconnected)` : ""} | ${r.chairFinalMs.toFixed(0)} | ${r.messages.p50.toFixed(0)} / ${r.messages.max.toFixed(0)} | ${r.closeMs.toFixed(0)} |`),
    "",
    "Targets (issue 9): 0 lost or doubled (recorded = tallied = N), tally p99 < 300 ms after the last ballot, every client's progress within 1 s.",
    "Progress is one coalesced message per vote at most every 100 ms (lib/votes/progress.ts), not a version per ballot: no client re-fetches anything while ballots arrive.",
    ...(rounds.some((r) => r.errors.length) ? ["", `Errors seen: ${[...new Set(rounds.flatMap((r) => r.errors))].join("; ")}`] : []),
    "",
  ];
  fs.writeFileSync(path.join(root, "bench", "RESULTS-votes.md"), lines.join("\n"));
  console.log(lines.join("\n"));
  return rounds.every((r) => r.stored === N && r.tallied === N && r.failed === 0) ? 0 : 1;
}

await runBench(
  "votes",
  main,
  async () => {
    await Promise.all(children.map((c) => stopGracefully(c)));
    removeBenchDir(benchDir);
  },
  10 * 60_000,
);

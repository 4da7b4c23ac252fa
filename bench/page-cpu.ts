// Server CPU per request for one page (default: the meeting page of the cabinet-sized meeting bench/run.ts loads),
// measured the way that stays honest on a busy machine: the production server's own CPU time (/proc utime + stime)
// over a fixed number of requests, divided by that number. Wall-clock requests/s are printed too, but they depend on
// whatever else the machine is doing; CPU ms per request does not (much).
//   npx tsx bench/page-cpu.ts                         the meeting page: 3 rounds of 300 requests from 50 users after a warm-up
//   PAGE_CPU_REQUESTS=1000 PAGE_CPU_PATH=snapshot     the snapshot API instead ("page", the default; or any path: "/meetings")
//   PAGE_CPU_PATH=paper                               the reader's page of one of that meeting's papers (a member's first visit to it)
//   PAGE_CPU_LOCALE=en                                the same users with English as their language
// Every request accepts gzip, as a browser's does (the server compresses what it sends).
//   BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   a V8 profile of the server (written on SIGTERM)
//   PAGE_CPU_DUMP=/tmp/page.html                     the first answer's body, to look at
// Ports: PAGE_CPU_PORTS="3200-3299" (the system picks one when unset).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { benchEnvironment, cpuMsOf, ensureBuild, freePort, startApp, stopGracefully } from "./processes.ts";

const REQUESTS = Number(process.env.PAGE_CPU_REQUESTS ?? 300);
const ROUNDS = Number(process.env.PAGE_CPU_ROUNDS ?? 3);
const USERS = 50;
const WHAT = process.env.PAGE_CPU_PATH ?? "page";
const LOCALE = process.env.PAGE_CPU_LOCALE;
const ports = process.env.PAGE_CPU_PORTS?.split("-").map(Number) as [number, number] | undefined;

const { benchDir, env } = benchEnvironment("page-cpu");

async function fire(url: string, cookies: string[], amount: number) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: cookies.length,
    amount,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (req, context) => {
          const ctx = context as { user?: number };
          ctx.user ??= next++ % cookies.length;
          req.headers = { ...req.headers, cookie: cookies[ctx.user], "accept-encoding": "gzip, deflate, br" };
          return req;
        },
      },
    ],
  });
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return { codes, p50: result.latency.p50, p99: result.latency.p99, seconds: result.duration, bytes: result.throughput.total / Math.max(1, result.requests.total) };
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  ensureBuild();
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { env, stdio: "pipe" });
  const { db } = await import("../lib/db/index.ts");
  const { makeBenchData } = await import("./setup.ts");
  const data = await makeBenchData({ tablets: 0, roomParticipants: 2, httpUsers: USERS });
  if (LOCALE) await db.user.updateMany({ data: { locale: LOCALE } });
  const paper = await db.document.findFirst({ where: { meetingId: data.cabinet.id, restricted: false }, select: { id: true } });
  await db.$disconnect();

  const port = await freePort(ports);
  const app = `http://127.0.0.1:${port}`;
  const server = await startApp(env, port);
  try {
    const url =
      WHAT === "snapshot" ? `${app}/api/v1/meetings/${data.cabinet.id}` : WHAT === "paper" ? `${app}/meetings/${data.cabinet.id}/papers/${paper!.id}` : WHAT.startsWith("/") ? `${app}${WHAT}` : `${app}/meetings/${data.cabinet.id}`;
    const first = await fetch(url, { headers: { cookie: data.userCookies[0] } });
    const body = await first.text();
    console.log(`[page-cpu] ${url}: ${first.status}, ${(body.length / 1024).toFixed(1)} KB`);
    if (process.env.PAGE_CPU_DUMP) fs.writeFileSync(process.env.PAGE_CPU_DUMP, body);
    await fire(url, data.userCookies, Math.max(200, REQUESTS / 3)); // warm-up: code loaded, JIT warm
    // Rounds: on a shared machine another process's burst inflates one round; the least CPU of the rounds is the
    // estimate that stays put from run to run.
    const perRequest: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const cpu0 = cpuMsOf(server.pid);
      const own0 = process.cpuUsage();
      const r = await fire(url, data.userCookies, REQUESTS);
      const cpu = cpuMsOf(server.pid) - cpu0;
      const own = process.cpuUsage(own0);
      const clientMs = (own.user + own.system) / 1000 / REQUESTS;
      perRequest.push(cpu / REQUESTS);
      const ok = r.codes[first.status] ?? 0;
      console.log(
        `[page-cpu] round ${round}: ${REQUESTS} requests from ${USERS} users: ${JSON.stringify(r.codes)}; server CPU ${cpu.toFixed(0)} ms = ` +
          `${(cpu / REQUESTS).toFixed(2)} ms/request; wall ${(ok / r.seconds).toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms; ` +
          `${(r.bytes / 1024).toFixed(1)} KB/answer; load generator CPU ${clientMs.toFixed(2)} ms/request`,
      );
    }
    const best = Math.min(...perRequest);
    console.log(`[page-cpu] least server CPU per request over ${ROUNDS} rounds: ${best.toFixed(2)} ms (a bound of ${(1000 / best).toFixed(0)} req/s per core)`);
  } finally {
    await stopGracefully(server); // a --cpu-prof profile gets written
    fs.rmSync(benchDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    fs.rmSync(path.resolve(benchDir), { recursive: true, force: true });
    process.exit(1);
  },
);

// Server CPU per write (and per snapshot read), without tablets: the secretariat's rename (PATCH /api/v1/agenda-items/:id) and the chair's
// "go to item" (POST /api/v1/meetings/:id/live), each repeated one after another against the production server;
// measured as the server process's CPU time (Linux /proc) per request, which other load on the machine does not
// stretch. BENCH_SERVER_FLAGS=--cpu-prof writes a CPU profile of the server (it exits on SIGTERM).
// Run: npx tsx bench/write-cost.ts  (prints JSON; bench/run.ts reports the same numbers in RESULTS.md)
// Ports: WRITE_COST_PORTS="3200-3299" (default 3100-3199).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { benchEnvironment, cpuMsOf, ensureBuild, freePort, startApp, stopGracefully } from "./processes.ts";
import { gotoItem } from "./live.ts";

const RUNS = Number(process.env.BENCH_WRITE_RUNS ?? 200);

export async function writeCost(app: string, pid: number | undefined, data: { secCookie: string; chairCookie: string; meetingId: string; itemId: string; walk: string[] }, runs = RUNS) {
  const rename = async (k: number) => {
    const res = await fetch(`${app}/api/v1/agenda-items/${data.itemId}`, { method: "PATCH", headers: { cookie: data.secCookie, origin: app, "content-type": "application/json" }, body: JSON.stringify({ title: `Khai mạc ${k}` }) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`rename: HTTP ${res.status}`);
  };
  const goto = async (k: number) => {
    if (!(await gotoItem(app, data.chairCookie, data.meetingId, data.walk[k % data.walk.length]))) throw new Error("goto failed");
  };
  const measure = async (f: (k: number) => Promise<void>) => {
    for (let k = 0; k < 20; k++) await f(k); // warm
    const c0 = cpuMsOf(pid);
    const t0 = performance.now();
    for (let k = 0; k < runs; k++) await f(k);
    return { cpuMs: (cpuMsOf(pid) - c0) / runs, wallMs: (performance.now() - t0) / runs };
  };
  const snapshot = async () => {
    const res = await fetch(`${app}/api/v1/meetings/${data.meetingId}`, { headers: { cookie: data.chairCookie } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`snapshot: HTTP ${res.status}`);
  };
  return { rename: await measure(rename), goto: await measure(goto), snapshot: await measure(snapshot) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { benchDir, env } = benchEnvironment("write-cost");
  fs.mkdirSync(benchDir, { recursive: true });
  ensureBuild();
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { env, stdio: "pipe" });
  const { db } = await import("../lib/db/index.ts");
  const { makeBenchData } = await import("./setup.ts");
  const data = await makeBenchData({ tablets: 1, roomParticipants: 200, httpUsers: 1 });
  const walk = (await db.agendaItem.findMany({ where: { meetingId: data.room.id }, select: { id: true } })).map((i) => i.id);
  await db.$disconnect();
  const port = await freePort((process.env.WRITE_COST_PORTS?.split("-").map(Number) as [number, number] | undefined) ?? [3100, 3199]);
  const app = `http://127.0.0.1:${port}`;
  const proc = await startApp(env, port);
  try {
    const res = await fetch(`${app}/api/v1/meetings/${data.room.id}/live`, { method: "POST", headers: { cookie: data.tabletCookies[0], origin: app, "content-type": "application/json" }, body: JSON.stringify({ command: "start" }) });
    if (!res.ok) throw new Error(`start: HTTP ${res.status}`);
    const r = await writeCost(app, proc.pid, { secCookie: data.secCookie, chairCookie: data.tabletCookies[0], meetingId: data.room.id, itemId: data.room.itemId, walk });
    console.log(JSON.stringify(r));
  } finally {
    await stopGracefully(proc); // a --cpu-prof profile gets written
    fs.rmSync(benchDir, { recursive: true, force: true });
  }
}

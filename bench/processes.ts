// The benchmark's child processes: the app (the production server.ts), the bare socket.io baseline, and the
// processes that hold the simulated tablets. Each is started with the open-files limit raised to the hard limit
// (2,000 sockets per process need it), and killed by id when the benchmark ends.
import crypto from "node:crypto";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { FromClients, ToClients } from "./ipc.ts";

export const root = path.resolve(import.meta.dirname, "..");

/**
 * A benchmark's own world: a fresh folder under data/bench for its database and files, and the environment the app
 * and this process run with (a new session secret; the server follows the host each request came in on, not a
 * configured public URL). Also set on this process: lib/db and the session signing read them.
 */
export function benchEnvironment(name: string): { benchDir: string; env: NodeJS.ProcessEnv } {
  process.chdir(root);
  const benchDir = path.join(root, "data", "bench", `${name}-${process.pid}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${path.join(benchDir, "bench.db")}`,
    STORAGE_DIR: path.join(benchDir, "storage"),
    NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
  };
  delete env.PUBLIC_URL;
  delete env.NEXTAUTH_URL;
  Object.assign(process.env, env);
  return { benchDir, env };
}

/** `node --import tsx <script>` with `ulimit -n` raised to the hard limit, an IPC channel, output passed through. */
export function spawnNode(script: string, env: NodeJS.ProcessEnv, ipc: boolean, nodeFlags = ""): ChildProcess {
  return spawn("bash", ["-c", `ulimit -n "$(ulimit -Hn)"; exec node ${nodeFlags} --import tsx ${script}`], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit", ...(ipc ? (["ipc"] as const) : [])],
  });
}

/** Next's production build, made when missing or older than the sources (a build takes minutes of CPU). */
export function ensureBuild() {
  const builtAt = fs.existsSync(path.join(root, ".next/BUILD_ID")) ? fs.statSync(path.join(root, ".next/BUILD_ID")).mtimeMs : 0;
  const newest = (dir: string): number => {
    if (!fs.existsSync(dir)) return 0;
    const st = fs.statSync(dir);
    if (!st.isDirectory()) return st.mtimeMs;
    return fs.readdirSync(dir).filter((f) => f !== "generated" && f !== "node_modules").reduce((m, f) => Math.max(m, newest(path.join(dir, f))), 0);
  };
  if (["app", "components", "lib", "messages", "next.config.js", "package-lock.json"].some((p) => newest(path.join(root, p)) > builtAt)) {
    console.log("[bench] building (npm run build) …");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
}

/** A free port on 127.0.0.1: the system's choice, or the first free one in [from, to] (a bench's agreed range). */
export async function freePort(range?: [number, number]): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = net.createServer();
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        const { port: got } = s.address() as net.AddressInfo;
        s.close(() => resolve(got));
      });
    });
  if (!range) return tryPort(0);
  for (let port = range[0]; port <= range[1]; port++) {
    const got = await tryPort(port).catch(() => null);
    if (got !== null && !taken.has(got)) {
      taken.add(got);
      return got;
    }
  }
  throw new Error(`no free port in ${range[0]}-${range[1]}`);
}
/** Ports handed out in a range by this process (the first may not be listening yet when the next is asked for). */
const taken = new Set<number>();

/** Resident memory of a process (Linux /proc), in bytes; NaN elsewhere. */
export function rssOf(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU time a process has used (Linux /proc), in ms; NaN elsewhere. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

export function stop(child: ChildProcess | undefined) {
  if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** SIGTERM first (server.ts then exits 0, so a `--cpu-prof` profile gets written), SIGKILL after `graceMs`. */
export async function stopGracefully(child: ChildProcess | undefined, graceMs = 15_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  stop(child);
}

async function waitFor(what: string, timeoutMs: number, ready: () => Promise<boolean>, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} not ready within ${timeoutMs / 1000} s`);
}

/**
 * The production server (server.ts: Next + attachRealtime on one port), ready when /api/health answers 200, with the
 * young generation `npm start` gives it (package.json: a page render allocates a lot that dies young).
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const flags = `--max-semi-space-size=32 ${process.env.BENCH_SERVER_FLAGS ?? ""}`;
  const child = spawnNode("server.ts", { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" }, false, flags);
  await waitFor("the app server", 90_000, async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok, child);
  return child;
}

export async function startBare(port: number): Promise<ChildProcess> {
  const child = spawnNode("bench/bare-server.ts", { ...process.env, PORT: String(port) }, true);
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return child;
}

/** A process of simulated tablets, and a typed request/answer over its IPC channel. */
export class ClientProcess {
  private constructor(readonly child: ChildProcess) {}

  static async start(): Promise<ClientProcess> {
    // A larger young generation: a tablet's per-event garbage dies young instead of being promoted and marked
    // again and again among a thousand tablets' live state (a browser runs one tablet per heap).
    const child = spawnNode("bench/clients.ts", process.env, true, `--max-semi-space-size=64 ${process.env.BENCH_CLIENT_FLAGS ?? ""}`);
    const p = new ClientProcess(child);
    await p.next("ready", 30_000);
    return p;
  }

  /** The next message of this type (an error message or the process exiting rejects). */
  next<T extends FromClients["type"]>(type: T, timeoutMs: number): Promise<Extract<FromClients, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`no ${type} from a client process within ${timeoutMs / 1000} s`)), timeoutMs);
      const onMessage = (m: FromClients) => {
        if (m.type === type) done(null, m as Extract<FromClients, { type: T }>);
        else if (m.type === "error") done(new Error(`client process: ${m.message}`));
      };
      const onExit = (code: number | null) => done(new Error(`a client process exited with ${code}`));
      const done = (err: Error | null, m?: Extract<FromClients, { type: T }>) => {
        clearTimeout(timer);
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        if (err) reject(err);
        else resolve(m!);
      };
      this.child.on("message", onMessage);
      this.child.once("exit", onExit);
    });
  }

  ask<T extends FromClients["type"]>(message: ToClients, answer: T, timeoutMs: number) {
    const reply = this.next(answer, timeoutMs);
    this.child.send(message);
    return reply;
  }

  async close() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.send({ type: "close" } satisfies ToClients);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    stop(this.child);
  }
}

/** Removes a benchmark's folder, and data/bench with it when no other run uses it. */
export function removeBenchDir(benchDir: string) {
  fs.rmSync(benchDir, { recursive: true, force: true });
  try {
    fs.rmdirSync(path.dirname(benchDir));
  } catch {
    /* not empty: another run's folder */
  }
}

/**
 * Runs a benchmark: `main`'s exit code (1 when it throws), `cleanup` whatever happens, and a watchdog that cleans up
 * and exits 1 after `watchdogMs`.
 */
export async function runBench(label: string, main: () => Promise<number>, cleanup: () => void | Promise<void>, watchdogMs: number): Promise<never> {
  const watchdog = setTimeout(() => {
    console.error(`[${label}] still running after ${watchdogMs / 60_000} minutes: stopping`);
    void Promise.resolve(cleanup()).finally(() => process.exit(1));
  }, watchdogMs);
  // A promise rejected outside main (an event handler's, say) would end Node at once, the app and its folder left
  // behind (a reader bench run did): the same cleanup first.
  process.once("unhandledRejection", (e) => {
    console.error(`[${label}] failed (unhandled):`, e);
    clearTimeout(watchdog);
    void Promise.resolve(cleanup()).finally(() => process.exit(1));
  });
  let code = 1;
  try {
    code = await main();
  } catch (e) {
    console.error(`[${label}] failed:`, e);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
  process.exit(code);
}

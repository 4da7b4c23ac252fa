// `npm run bench`: measures the product promises on this machine and writes bench/RESULTS.md.
//   1. realtime: an agenda rename reaches every tablet in the meeting room (real HTTP + socket.io server, real clients
//      with signed session cookies, real commands: policy, version bump, stored event, audit, emit after commit);
//   2. getMeetingSnapshot for a large meeting (60 agenda items on 3 levels, 40 papers);
//   3. the printable agenda PDF for that meeting;
//   4. memory (RSS).
// Everything runs on 127.0.0.1 against a fresh temporary SQLite database under data/bench/, removed at the end.
// Loops are bounded; each wait has a timeout; the process exits by itself.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";
import { encode } from "next-auth/jwt";

const CLIENTS = 10;
const RENAMES = 200;
const RENAME_WARMUP = 10;
const RENAME_TIMEOUT_MS = 5_000;
const SNAPSHOT_RUNS = 300;
const SNAPSHOT_WARMUP = 20;
const PDF_RUNS = 30;
const PDF_WARMUP = 3;

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root); // fonts, messages and the Prisma CLI are found relative to the project
const benchDir = path.join(root, "data", "bench");
const dbFile = path.join(benchDir, `bench-${process.pid}.db`);
const storageDir = path.join(benchDir, `storage-${process.pid}`);

// The environment must be in place before lib/db (or anything importing it) is loaded: dynamic imports below.
process.env.DATABASE_URL = `file:${dbFile}`;
process.env.STORAGE_DIR = storageDir;
process.env.NEXTAUTH_SECRET = crypto.randomBytes(32).toString("base64url");
delete process.env.NEXTAUTH_URL; // plain http cookie name on 127.0.0.1

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const rssStart = process.memoryUsage().rss;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? Number.NaN };
}
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");

function withTimeout<T>(p: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), timeoutMs))),
  ]);
}

function cleanupFiles() {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) fs.rmSync(f, { force: true });
  fs.rmSync(storageDir, { recursive: true, force: true });
  try {
    fs.rmdirSync(benchDir); // only when nothing else is in it
  } catch {
    /* other runs' files, or not empty */
  }
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  console.log(`[bench] migrating ${path.relative(root, dbFile)} …`);
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { cwd: root, env: { ...process.env }, stdio: "pipe" });

  const { db } = await import("../lib/db/index.ts");
  const { attachRealtime } = await import("../lib/realtime/server.ts");
  const { setRealtimeServer } = await import("../lib/realtime/publish.ts");
  const { createMeeting } = await import("../lib/meetings/commands.ts");
  const { createAgendaItem, updateAgendaItem } = await import("../lib/agenda/commands.ts");
  const { getMeetingSnapshot } = await import("../lib/meetings/queries.ts");
  const { agendaPdf } = await import("../lib/agenda/print.ts");
  type Actor = import("../lib/policy/index.ts").Actor;

  const sockets: Socket[] = [];
  const httpServer = http.createServer();
  const io = attachRealtime(httpServer);
  try {
    await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;

    // ---- people and meetings ------------------------------------------------------------------------------------
    const mkUser = async (role: "SECRETARIAT" | "MEMBER", name: string): Promise<Actor> => {
      const u = await db.user.create({ data: { email: `${crypto.randomUUID()}@bench.gov.vn`, name, role, passwordHash: "x" } });
      return { id: u.id, role: u.role, name: u.name, email: u.email, locale: u.locale };
    };
    const sec = await mkUser("SECRETARIAT", "Thư ký Văn phòng Chính phủ");
    const members: Actor[] = [];
    for (let i = 1; i <= CLIENTS; i++) members.push(await mkUser("MEMBER", `Thành viên Chính phủ ${i}`));
    const start = new Date(Date.UTC(2026, 10, 10, 1, 0)); // 08:00 in Hanoi
    const newMeeting = async (title: string) => {
      const m = await createMeeting(sec, { title, kind: "REGULAR", location: "Phòng họp số 1, Trụ sở Chính phủ", startsAt: start, endsAt: new Date(start.getTime() + 4 * 3_600_000), chairId: members[0].id, approverId: null });
      await db.participant.createMany({ data: members.slice(1).map((u) => ({ meetingId: m.id, userId: u.id, role: "MEMBER" as const })) });
      await db.meeting.update({ where: { id: m.id }, data: { status: "PUBLISHED", publishedAt: new Date() } });
      return m.id;
    };
    const rssAfterSetup = process.memoryUsage().rss;

    // ---- 1. realtime rename latency -----------------------------------------------------------------------------
    const liveId = await newMeeting("Phiên họp Chính phủ thường kỳ – đo độ trễ");
    const { result: item, version: v0 } = await createAgendaItem(sec, liveId, { title: "Khai mạc", plannedMinutes: 10 });
    /** version → arrival times (performance.now()) at the clients, and who waits for all of them. */
    const arrivals = new Map<number, number[]>();
    const waiters = new Map<number, () => void>();
    const onEvent = (p: { itemId?: string; version: number }) => {
      if (p.itemId !== item.id) return;
      const list = arrivals.get(p.version) ?? [];
      list.push(performance.now());
      arrivals.set(p.version, list);
      if (list.length === CLIENTS) waiters.get(p.version)?.();
    };
    for (const u of members) {
      const token = await encode({ token: { sub: u.id, name: u.name, email: u.email }, secret: process.env.NEXTAUTH_SECRET! });
      const s = connect(url, { transports: ["websocket"], extraHeaders: { cookie: `next-auth.session-token=${token}` }, reconnection: false, forceNew: true });
      sockets.push(s);
      await withTimeout(new Promise<void>((resolve, reject) => { s.once("connect", () => resolve()); s.once("connect_error", reject); }), 5_000, "socket connect");
      const ack = await withTimeout(new Promise<{ ok: boolean }>((r) => s.emit("meeting:join", { meetingId: liveId, version: v0 }, r)), 5_000, "meeting:join");
      if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack)}`);
      s.on("agenda.changed", onEvent);
    }

    const endToEnd: number[] = [];
    const firstClient: number[] = [];
    const commit: number[] = [];
    let lost = 0;
    let version = v0;
    for (let i = 0; i < RENAME_WARMUP + RENAMES; i++) {
      const expected = version + 1;
      const all = new Promise<void>((resolve) => waiters.set(expected, resolve));
      const t0 = performance.now();
      const res = await updateAgendaItem(sec, item.id, { title: `Khai mạc, thông qua chương trình (lần ${i + 1})` });
      const tCommit = performance.now();
      if (res.version !== expected) throw new Error(`unexpected version ${res.version}, wanted ${expected}`);
      version = res.version;
      try {
        await withTimeout(all, RENAME_TIMEOUT_MS, `rename ${i + 1} at all clients`);
        if (i >= RENAME_WARMUP) {
          const times = arrivals.get(expected)!;
          endToEnd.push(Math.max(...times) - t0);
          firstClient.push(Math.min(...times) - t0);
          commit.push(tCommit - t0);
        }
      } catch {
        if (i >= RENAME_WARMUP) lost++;
      }
      waiters.delete(expected);
      arrivals.delete(expected);
    }
    for (const s of sockets) s.disconnect();

    // ---- 2. snapshot of a large meeting -------------------------------------------------------------------------
    const bigId = await newMeeting("Phiên họp chuyên đề – 60 nội dung, 40 tài liệu");
    const itemIds: string[] = [];
    for (let a = 1; a <= 6; a++) {
      const top = (await createAgendaItem(sec, bigId, { title: `Nội dung ${a}: dự thảo Nghị quyết về Chính phủ điện tử`, plannedMinutes: 10, presenterId: members[a % CLIENTS].id, description: "Bộ Thông tin và Truyền thông trình; các thành viên Chính phủ cho ý kiến." })).result.id;
      itemIds.push(top);
      for (let b = 1; b <= 3; b++) {
        const mid = (await createAgendaItem(sec, bigId, { title: `Nội dung ${a}.${b}: báo cáo thẩm tra`, plannedMinutes: 5, parentId: top, presenterId: members[b].id })).result.id;
        itemIds.push(mid);
        for (let c = 1; c <= 2; c++) {
          itemIds.push((await createAgendaItem(sec, bigId, { title: `Nội dung ${a}.${b}.${c}: ý kiến của các Bộ, ngành`, plannedMinutes: 3, parentId: mid })).result.id);
        }
      }
    }
    for (let d = 0; d < 40; d++) {
      const restricted = d % 8 === 7;
      await db.document.create({
        data: {
          meetingId: bigId,
          agendaItemId: d % 10 === 9 ? null : itemIds[(d * 7) % itemIds.length],
          title: `Tài liệu ${d + 1}: tờ trình, dự thảo và báo cáo đánh giá tác động`,
          confidentiality: d % 5 === 4 ? "CONFIDENTIAL" : "NORMAL",
          restricted,
          versions: { create: { number: 1, fileHash: crypto.createHash("sha256").update(`doc-${d}`).digest("hex"), fileName: `tai-lieu-${d + 1}.pdf`, size: 250_000 + d * 1000, pageCount: 3 + (d % 30), uploadedById: sec.id } },
          ...(restricted ? { access: { create: [{ userId: members[1].id }] } } : {}),
        },
      });
    }
    const counts = { items: await db.agendaItem.count({ where: { meetingId: bigId } }), documents: await db.document.count({ where: { meetingId: bigId } }) };

    const timeSnapshot = async (actor: Actor) => {
      const out: number[] = [];
      let docs = 0;
      for (let i = 0; i < SNAPSHOT_WARMUP + SNAPSHOT_RUNS; i++) {
        const t0 = performance.now();
        const snap = await getMeetingSnapshot(actor, bigId);
        if (i >= SNAPSHOT_WARMUP) out.push(performance.now() - t0);
        docs = snap.meetingDocuments.length + (function count(nodes: typeof snap.agenda): number {
          return nodes.reduce((n, x) => n + x.documents.length + count(x.children), 0);
        })(snap.agenda);
      }
      return { ...stats(out), docs };
    };
    const snapMember = await timeSnapshot(members[2]);
    const snapStaff = await timeSnapshot(sec);

    // ---- 3. the printable agenda PDF of that meeting ------------------------------------------------------------
    const snapshot = await getMeetingSnapshot(sec, bigId);
    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < PDF_WARMUP + PDF_RUNS; i++) {
      const t0 = performance.now();
      const bytes = await agendaPdf(snapshot, "vi");
      if (i >= PDF_WARMUP) pdfTimes.push(performance.now() - t0);
      pdfBytes = bytes.length;
    }
    const pdf = stats(pdfTimes);

    // ---- report ---------------------------------------------------------------------------------------------------
    global.gc?.();
    const mem = process.memoryUsage();
    const e2e = stats(endToEnd);
    const first = stats(firstClient);
    const com = stats(commit);
    const cpus = os.cpus();
    let nproc = String(os.availableParallelism());
    try {
      nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
    } catch {
      /* not on this system: the Node count stands */
    }
    const machine = `${nproc} CPUs (nproc) · ${cpus[0]?.model?.trim() ?? "unknown CPU"} · ${mb(os.totalmem())} MB RAM · ${os.type()} ${os.release()} ${os.arch()}`;
    const rows: [string, string, string, string, string, string][] = [
      ["realtime rename → all 10 clients (end to end)", String(e2e.n), ms(e2e.p50), ms(e2e.p95), ms(e2e.max), "p95 < 1000 ms"],
      ["realtime rename → first client", String(first.n), ms(first.p50), ms(first.p95), ms(first.max), ""],
      ["  of which: the write (transaction, event, audit)", String(com.n), ms(com.p50), ms(com.p95), ms(com.max), ""],
      [`getMeetingSnapshot, member (${snapMember.docs} papers visible)`, String(snapMember.n), ms(snapMember.p50), ms(snapMember.p95), ms(snapMember.max), ""],
      [`getMeetingSnapshot, secretariat (${snapStaff.docs} papers)`, String(snapStaff.n), ms(snapStaff.p50), ms(snapStaff.p95), ms(snapStaff.max), ""],
      [`agenda PDF, ${counts.items} items (${Math.round(pdfBytes / 1024)} KB)`, String(pdf.n), ms(pdf.p50), ms(pdf.p95), ms(pdf.max), ""],
    ];
    const table = [
      "| measurement | n | p50 ms | p95 ms | max ms | goal |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const memTable = [
      "| memory | RSS MB | heap used MB |",
      "| --- | ---: | ---: |",
      `| at start (before loading the app) | ${mb(rssStart)} | – |`,
      `| after setup (app loaded, database migrated, server listening) | ${mb(rssAfterSetup)} | – |`,
      `| after all benchmarks | ${mb(mem.rss)} | ${mb(mem.heapUsed)} |`,
    ].join("\n");
    const verdict = lost === 0 && e2e.p95 < 1000 ? "met" : "NOT met";

    console.log(`\n${machine}\nNode ${process.version}\n\n${table}\n\n${memTable}\n`);
    console.log(`renames lost (not at all clients within ${RENAME_TIMEOUT_MS} ms): ${lost}; "every tablet within a second": ${verdict}`);

    const md = `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}.

- **Machine**: ${machine}
- **Node**: ${process.version}
- **Database**: a fresh SQLite file (migrated with \`scripts/prisma.sh migrate deploy\`), removed afterwards

${table}

${memTable}

Renames lost (not delivered to all clients within ${RENAME_TIMEOUT_MS} ms): **${lost}** of ${RENAMES}.
The promise "every tablet within a second" (p95 of end-to-end < 1000 ms): **${verdict}**.

## What is measured

- **Realtime rename**: one HTTP server with the socket.io server attached (\`attachRealtime\`), ${CLIENTS} socket.io
  clients (websocket transport, each signed in with a real signed next-auth session cookie) joined to one published
  meeting's room. ${RENAMES} renames (after ${RENAME_WARMUP} warm-up renames), one after another, through
  \`updateAgendaItem\` — the real write path: policy check, version bump, stored \`MeetingEvent\`, hash-chained audit
  entry, emit after commit. Time from the call's start until the \`agenda.changed\` event for that version has arrived
  at every client (and at the first one). The clients run in the same process as the server over 127.0.0.1, so
  network time on a real Wi-Fi is not included; server work and the socket.io round trip are.
- **getMeetingSnapshot**: a meeting with ${counts.items} agenda items on 3 levels (6 × 3 × 2), ${counts.documents} paper rows
  (inserted directly; 5 restricted, so a member sees fewer), ${CLIENTS} participants. ${SNAPSHOT_RUNS} sequential
  calls after ${SNAPSHOT_WARMUP} warm-up calls, as a member and as the secretariat.
- **Agenda PDF**: \`agendaPdf(snapshot, "vi")\` for that meeting (embedding the DejaVu fonts each time), ${PDF_RUNS}
  runs after ${PDF_WARMUP} warm-up runs.
- **Memory**: \`process.memoryUsage()\` of the benchmark process (server, clients and database in one process).
`;
    fs.writeFileSync(path.join(root, "bench", "RESULTS.md"), md);
    console.log("[bench] wrote bench/RESULTS.md");
    return lost === 0 ? 0 : 1;
  } finally {
    for (const s of sockets) s.disconnect();
    setRealtimeServer(undefined);
    await new Promise<void>((r) => io.close(() => r()));
    if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
    await db.$disconnect();
  }
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error("[bench] failed:", e);
} finally {
  cleanupFiles();
}
process.exit(code);

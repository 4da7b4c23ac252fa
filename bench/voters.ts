// A child process of bench/votes.ts holding many voters: each one socket.io client (its own session) joined to the
// meeting like the shipped tablet, and its own keep-alive HTTP connection to cast its ballot. Driven over IPC:
// {type:"go", at, spreadMs, doubles} casts every ballot at a random moment in [at, at + spreadMs) (some voters tap
// twice at once), then reports when each voter saw the final progress ("n of n") and how many progress messages it
// took to get there.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { io, type Socket } from "socket.io-client";

const now = () => performance.timeOrigin + performance.now();
import fs from "node:fs";
const cfg = JSON.parse(fs.readFileSync(process.env.BENCH_VOTERS!, "utf8")) as { url: string; meetingId: string; cookies: string[]; total: number };
let voteId = "";

interface Voter {
  socket: Socket;
  agent: http.Agent;
  finalAt: number;
  messages: number;
  lastCast: number;
}
const voters: Voter[] = [];
let failed = 0;
/** Sockets the server dropped (e.g. missed heartbeats under load): the bench's voters do not reconnect. */
let dropped = 0;
const errors = new Set<string>();

function post(v: Voter, cookie: string, choice: number): Promise<{ status: number; at: number }> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ choice });
    const req = http.request(`${cfg.url}/api/v1/votes/${voteId}/ballot`, {
      method: "POST", agent: v.agent, timeout: 60_000,
      headers: { cookie, origin: cfg.url, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, at: now() }));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (e) => (errors.add(e.message), resolve({ status: 0, at: now() })));
    req.end(body);
  });
}

async function connectAll() {
  let i = 0;
  const one = async (cookie: string) => {
    const socket = io(cfg.url, { transports: ["websocket"], extraHeaders: { cookie }, forceNew: true, reconnection: false });
    const v: Voter = { socket, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), finalAt: Number.NaN, messages: 0, lastCast: 0 };
    voters.push(v);
    await new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
    const ack = await new Promise<{ ok: boolean }>((r) => socket.emit("meeting:join", { meetingId: cfg.meetingId, version: 0 }, r));
    if (!ack.ok) throw new Error("join refused");
    socket.on("disconnect", () => dropped++);
    socket.on("vote.progress", (p: { voteId: string; cast: number }) => {
      if (p.voteId !== voteId) return;
      v.messages++;
      v.lastCast = p.cast;
      if (p.cast >= cfg.total && Number.isNaN(v.finalAt)) v.finalAt = now();
    });
  };
  const workers = Array.from({ length: 16 }, async () => {
    while (i < cfg.cookies.length) await one(cfg.cookies[i++]);
  });
  await Promise.all(workers);
}

process.on("message", async (m: { type: string; voteId?: string; at?: number; spreadMs?: number; doubles?: number; waitMs?: number }) => {
  try {
    if (m.type === "go") {
      voteId = m.voteId!;
      failed = 0;
      errors.clear();
      for (const v of voters) (v.finalAt = Number.NaN), (v.messages = 0), (v.lastCast = 0);
      const responses: { status: number; at: number; sentAt: number }[] = [];
      await Promise.all(
        voters.map(async (v, k) => {
          const due = m.at! + Math.random() * m.spreadMs! - now();
          if (due > 0) await new Promise((r) => setTimeout(r, due));
          const taps = k < m.doubles! ? 2 : 1; // a double tap: the same ballot twice at once
          const sentAt = now();
          const choice = Math.floor(Math.random() * 3);
          const rs = await Promise.all(Array.from({ length: taps }, () => post(v, cfg.cookies[k], choice)));
          for (const r of rs) {
            if (r.status !== 200) failed++;
            responses.push({ ...r, sentAt });
          }
        }),
      );
      process.send!({ type: "cast", responses });
    } else if (m.type === "collect") {
      const deadline = now() + m.waitMs!;
      while (voters.some((v) => Number.isNaN(v.finalAt)) && now() < deadline) await new Promise((r) => setTimeout(r, 20));
      process.send!({
        type: "collected",
        finalAt: voters.map((v) => v.finalAt),
        messages: voters.map((v) => v.messages),
        notFinal: voters.filter((v) => Number.isNaN(v.finalAt)).length,
        notFinalDropped: voters.filter((v) => Number.isNaN(v.finalAt) && !v.socket.connected).length,
        dropped,
        failed, errors: [...errors].slice(0, 5),
      });
    } else if (m.type === "close") {
      for (const v of voters) v.socket.disconnect();
      process.exit(0);
    }
  } catch (e) {
    process.send!({ type: "error", message: e instanceof Error ? e.message : String(e) });
  }
});

connectAll().then(
  () => process.send!({ type: "ready", connected: voters.filter((v) => v.socket.connected).length }),
  (e) => process.send!({ type: "error", message: e instanceof Error ? e.message : String(e) }),
);

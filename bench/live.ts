// The running meeting's benchmarks (issue 8): the chair moves the current item with N tablets in the room (the
// room() harness of bench/run.ts, watching the current item instead of a title), and 100 members ask to speak
// within one second: all queued once, in the order the server received them.
import { performance } from "node:perf_hooks";
import { summarize, triple, type Summary } from "./stats.ts";
import type { RoomResult } from "./report.ts";

const now = () => performance.timeOrigin + performance.now();

/** The chair's "go to item": the real write path (policy, version, stored event, audit, per-viewer emit). */
export async function gotoItem(url: string, chairCookie: string, meetingId: string, itemId: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/v1/meetings/${meetingId}/live`, {
      method: "POST",
      headers: { cookie: chairCookie, origin: url, "content-type": "application/json" },
      body: JSON.stringify({ command: "goto", itemId }),
    });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export interface SpeakResult {
  members: number;
  spreadMs: number;
  /** Each request's answer time. */
  answer: Summary;
  /** From the first request until the last answer. */
  totalMs: number;
  failed: number;
  queued: number;
  distinct: number;
  /** Queue order (positions) equals the order the server stored the requests in. */
  inOrder: boolean;
  /** Asking again (a double tap) added nothing. */
  once: boolean;
}

/** `cookies`: one per distinct member; the meeting is started first (requests to speak need it in session). */
export async function speakBurst(url: string, chairCookie: string, meetingId: string, cookies: string[], spreadMs = 1000): Promise<SpeakResult> {
  const post = (path: string, cookie: string, body: unknown) =>
    fetch(`${url}/api/v1/meetings/${meetingId}${path}`, { method: "POST", headers: { cookie, origin: url, "content-type": "application/json" }, body: JSON.stringify(body) });
  const started = await post("/live", chairCookie, { command: "start" });
  if (!started.ok) throw new Error(`start: HTTP ${started.status}`);
  const t0 = now();
  const times: number[] = [];
  let failed = 0;
  await Promise.all(
    cookies.map(async (cookie, i) => {
      const due = t0 + (i * spreadMs) / cookies.length - now();
      if (due > 0) await new Promise((r) => setTimeout(r, due));
      const t = now();
      // A double tap: the second request must change nothing.
      const [a, b] = await Promise.all([post("/speakers", cookie, { kind: "SPEAK" }), post("/speakers", cookie, { kind: "SPEAK" })]);
      times.push(now() - t);
      if (!a.ok || !b.ok) failed++;
      await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
    }),
  );
  const totalMs = now() - t0;
  const snapshot = (await (await fetch(`${url}/api/v1/meetings/${meetingId}`, { headers: { cookie: chairCookie } })).json()) as {
    speakers: { id: string; user: { id: string }; status: string; position: number; requestedAt: string }[];
  };
  const waiting = snapshot.speakers.filter((s) => s.status === "WAITING");
  const byPosition = [...waiting].sort((a, b) => a.position - b.position).map((s) => s.id);
  const byTime = [...waiting].sort((a, b) => (a.requestedAt < b.requestedAt ? -1 : a.requestedAt > b.requestedAt ? 1 : 0)).map((s) => s.id);
  const distinct = new Set(waiting.map((s) => s.user.id)).size;
  return {
    members: cookies.length, spreadMs, answer: summarize(times), totalMs, failed,
    queued: waiting.length, distinct, inOrder: byPosition.join() === byTime.join() && new Set(waiting.map((s) => s.position)).size === waiting.length,
    once: waiting.length === cookies.length && distinct === cookies.length,
  };
}

export interface LiveReport {
  current: RoomResult[];
  currentBare: RoomResult[];
  speak: SpeakResult | null;
}

export function liveSection(r: LiveReport): string {
  const at = (list: RoomResult[], n: number) => list.find((x) => x.n === n);
  const rows = r.current.map((o) => {
    const b = at(r.currentBare, o.n);
    return `| ${o.n} | ${o.opened} | ${triple(o.single)} | ${triple(o.arrival)} | ${b ? triple(b.single) : "–"} | ${b ? (o.single.p99 / b.single.p99).toFixed(2) + "×" : "–"} | ${triple(o.burst)} | ${o.failed} | ${o.singleMissing + o.burstMissing} |`;
  });
  const c1k = at(r.current, 1000);
  const b1k = at(r.currentBare, 1000);
  const s = r.speak;
  return `
## The chair moves the current item (issue 8)

The chair's \`POST /api/v1/meetings/:id/live\` (\`goto\` an item: policy, version, stored \`live.changed\` event with the
new live state, audit, per-viewer emit) with N tablets running \`MeetingSync\`: ms from the write until each tablet's
state shows the new current item (p50 / p99 / max), one change at a time and as a burst; "bare": the same payload
from a bare socket.io server. Target: p99 < 250 ms at N = 1,000 and within 1.5× of bare —
${c1k ? `measured ${triple(c1k.single)}${b1k ? `, ${(c1k.single.p99 / b1k.single.p99).toFixed(2)}× bare` : ""}: ${c1k.single.p99 < 250 && (!b1k || c1k.single.p99 <= 1.5 * b1k.single.p99) ? "**met**" : "**NOT met**"}` : "not run at N = 1,000"}.

| N | connected | current item shown | event arrived | bare | p99 vs bare | burst | failed | not applied |
| ---: | ---: | --- | --- | --- | ---: | --- | ---: | ---: |
${rows.join("\n") || "| – | not run | | | | | | | |"}

### ${s ? s.members : 100} members ask to speak within ${s ? s.spreadMs / 1000 : 1} s

${s ? `Each member taps twice (the second request must add nothing), spread evenly over ${s.spreadMs} ms, through the API as
their tablets do. Answers p50 / p99 / max ${triple(s.answer)} ms; all answered ${s.totalMs.toFixed(0)} ms after the first; failed ${s.failed}.
Queued: ${s.queued} requests from ${s.distinct} members — ${s.once ? "**each once**" : "**NOT each once**"}; queue order ${s.inOrder ? "**is the order received**" : "**differs from the order received**"}.` : "Not run."}
`;
}

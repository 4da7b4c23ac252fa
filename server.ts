// One Node process, one port: Next.js (pages, API) and socket.io. Wiring only; rules live in lib/.
import { createServer } from "node:http";
import next from "next";
import { ensureAuthSecret } from "./lib/auth/secret.ts";
import { withPagePolicy } from "./lib/http/csp.ts";
import { forgetUntrustedForwarding } from "./lib/http/forwarding.ts";
import { publicUrl } from "./lib/http/origin.ts";
import { decodablePath, refuseUndecodable } from "./lib/http/undecodable.ts";
import { restoreBodyLength } from "./lib/http/body-length.ts";
import { directRoutes } from "./lib/http/direct.ts";
import { nextStaticSource, staticFiles } from "./lib/http/static.ts";
import { pdfjsStaticSource } from "./lib/documents/pdfjs-files.ts";
import { GET as meetingSnapshot } from "./app/api/v1/meetings/[meetingId]/route.ts";
import { PATCH as agendaItemUpdate } from "./app/api/v1/agenda-items/[itemId]/route.ts";
import { POST as liveCommand } from "./app/api/v1/meetings/[meetingId]/live/route.ts";
import { POST as castBallot } from "./app/api/v1/votes/[voteId]/ballot/route.ts";
import { POST as askToSpeak } from "./app/api/v1/meetings/[meetingId]/speakers/route.ts";
import { GET as firstPagePicture } from "./app/api/v1/documents/[documentId]/first-page/route.ts";
import { attachRealtime } from "./lib/realtime/server.ts";
import { armAllVoteTimers } from "./lib/votes/timer.ts";
import "./lib/votes/commands.ts"; // registers the closer the vote timers call
import { armAllOpinionTimers } from "./lib/opinions/timers.ts";
import "./lib/opinions/commands.ts"; // registers the closer the opinion deadlines call
import { armAllSpeechTimers } from "./lib/live/speechTimer.ts";
import "./lib/live/commands.ts"; // registers what ends a speech at the speaking limit

const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
// next-auth's links and redirects: the configured public URL, else the host each request came in on (a tablet that
// reaches the server by its LAN address stays on it). The request hook below makes that host trustworthy.
const configuredUrl = publicUrl();
if (configuredUrl) process.env.NEXTAUTH_URL = configuredUrl;
else process.env.AUTH_TRUST_HOST = "1";
ensureAuthSecret();

// Sized for a room of 2,000 tablets that reconnect or re-fetch at the same moment: a listen backlog that holds them
// all (Node's default is 511; the kernel caps it at net.core.somaxconn), and idle keep-alive connections kept for a
// minute instead of 5 s, so a burst of fetches reuses them instead of opening thousands of new ones.
const LISTEN_BACKLOG = 4096;
const httpServer = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
const app = next({ dev, hostname, port, httpServer });
await app.prepare();
const handle = app.getRequestHandler();
// The snapshot GET every tablet of a room makes at once, and the writes every tablet of a live room waits for or makes
// at once (an item changed, the chair's live commands, a ballot, a request to speak), and the picture of a paper's first
// page that every member opening it waits for, answered from their route files' handlers without Next's routing around
// them (lib/http/direct.ts); every other request goes to Next.
const direct = directRoutes([meetingSnapshot, agendaItemUpdate, liveCommand, castBallot, askToSpeak, firstPagePicture]);
// Next's scripts and styles and pdf.js's files, compressed once and kept, not on every request (lib/http/static.ts).
// In development Next builds them as they are asked for: they go to Next.
const staticFile = dev ? () => false : staticFiles([nextStaticSource(), pdfjsStaticSource], (req, res) => void handle(req, res));
// ACCESS_LOG=1: a line per request (README, configuration): what a slow tablet waits for, in milliseconds.
const accessLog = process.env.ACCESS_LOG === "1";
httpServer.on("request", (req, res) => {
  if (accessLog) {
    const start = performance.now();
    let headersAt = 0;
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      headersAt ||= performance.now();
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    res.on("finish", () => console.log(`${new Date().toISOString()} ${req.method} ${req.url} ${res.statusCode} ${((headersAt || performance.now()) - start).toFixed(1)} ms, sent in ${(performance.now() - start).toFixed(1)} ms`));
  }
  forgetUntrustedForwarding(req.headers);
  if (!decodablePath(req.url ?? "/")) return refuseUndecodable(req, res);
  withPagePolicy(req, res);
  restoreBodyLength(res);
  if (direct(req, res) || staticFile(req, res)) return;
  void handle(req, res);
});
attachRealtime(httpServer);

httpServer.listen(port, hostname, LISTEN_BACKLOG, () => {
  console.log(`OpenCabinet ready on http://localhost:${port} (${dev ? "development" : "production"})`);
  // Votes with a countdown close on time after a restart too: their deadlines are stored, the timers re-armed here.
  armAllVoteTimers().catch((e) => console.error("vote timers", e instanceof Error ? e.message : e));
  // Requests for written opinions: deadlines and reminders come back from their stored timestamps too.
  armAllOpinionTimers().catch((e) => console.error("opinion timers", e instanceof Error ? e.message : e));
  // The same for speeches under a speaking limit: their start and the limit are stored.
  armAllSpeechTimers().catch((e) => console.error("speech timers", e instanceof Error ? e.message : e));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    httpServer.close();
    process.exit(0);
  });
}

// `BENCH_ONLY=reader npm run bench`: the paper reader (issue 7), written to bench/RESULTS-reader.md.
//   1. Time to first page visible of a 200-page generated briefing in headless Chromium (4× CPU throttling, 10 Mbit/s
//      up and down, 50 ms latency): our reader (/meetings/{id}/papers/{documentId}, signed in as a member) against
//      pdfjs-dist's own plain viewer (PDFViewer + EventBus + PDFLinkService from pdfjs-dist/web/pdf_viewer.mjs, the
//      same worker) on the same file URL with the same cookie, cold loads interleaved.
//   2. Peak JS heap while scrolling through all 200 pages in our reader (same throttling).
//   3. A note shared with the meeting through the API: the time until 30 other open readers show it.
// Both readers are loaded through one small proxy in a process of its own (bench/reader-proxy.ts) (it serves the plain viewer page and pdfjs-dist's
// files under /__plain/ and passes everything else, websockets included, to the app), so both come from one origin
// and the same server with the same extra hop. The app is the production server on a fresh SQLite database under
// data/bench/, removed at the end; a watchdog ends the run after 15 minutes.
// To see where a load's time goes: BENCH_READER_FIRST_ONLY=1 (part 1 only), BENCH_READER_LOADS / _WARM_LOADS (how
// many), BENCH_READER_PROFILE=<dir> (the page's main-thread CPU profile until page 1, .cpuprofile) and
// BENCH_READER_TIMELINE=<dir> (Chromium's timeline trace until page 1, for chrome://tracing or DevTools),
// BENCH_READER_LAG=1 (this process's event-loop delay during each load: a stalled client is not the app's time),
// BENCH_READER_HTML=<path prefix> (each load's page HTML as the browser got it) and ACCESS_LOG=1 (the server's own
// time per request, README). Each load's line in the output has the picture's request timing and, when it arrived
// before it could be seen, what hid it.
import { execFileSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright";
import { benchEnvironment, ensureBuild, freePort, removeBenchDir, root, runBench, spawnNode, startApp, stop } from "./processes.ts";
import { machine } from "./report.ts";
import { mb, ms, summarize, triple, type Summary } from "./stats.ts";

const PAGES = 200;
const COLD_LOADS = Number(process.env.BENCH_READER_LOADS ?? 5);
/** Warm loads of each reader (load): the same number unless told. */
const WARM_LOADS = Number(process.env.BENCH_READER_WARM_LOADS ?? COLD_LOADS);
const READERS = 30;
/** Readers opened at once for the shared-note measurement. */
const READER_BATCH = Number(process.env.BENCH_READER_BATCH ?? 5);
/** The bench's agreed ports (PROTOCOL.md). */
const PORTS: [number, number] = (process.env.BENCH_READER_PORTS?.split("-").map(Number) as [number, number] | undefined) ?? [3500, 3599];
const CPU_RATE = 4;
const NET = { offline: false, latency: 50, downloadThroughput: (10e6 / 8), uploadThroughput: (10e6 / 8) };
const FIRST_PAGE_TIMEOUT_MS = 60_000;
/**
 * BENCH_READER_AB=1: a third reader in the same run, ours with the first page's picture's request refused (so its
 * bytes, decoding and painting are not there): what the picture costs pdf.js's own page 1.
 */
const AB = !!process.env.BENCH_READER_AB;
const SHARED_TIMEOUT_MS = 30_000;
/** The scroll through all pages stops here if it has not reached the last page (reported). */
const SCROLL_BUDGET_MS = Number(process.env.BENCH_READER_SCROLL_S ?? 150) * 1000;
const WATCHDOG_MS = 15 * 60_000;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const { benchDir, env } = benchEnvironment("reader");

const children: ChildProcess[] = [];
let browser: Browser | undefined;
const pdfjsDir = path.join(root, "node_modules", "pdfjs-dist");
const pdfjsVersion = JSON.parse(fs.readFileSync(path.join(pdfjsDir, "package.json"), "utf8")).version as string;

/**
 * Records, on the page's clock: when page 1's canvas is in the DOM with a non-zero size (benchCanvas: pdf.js adds it
 * on its first drawn frame), when page 1's text layer has its words (benchTextLayer: selection and search work), and
 * when page 1 is first visible at all (benchFirstPage): that canvas, or, in our reader, the first page's picture once
 * it is decoded and in the frame after (its load, then a requestAnimationFrame), counted only when it is on screen at
 * no less than the screen's resolution (its natural width at least its width on screen × devicePixelRatio).
 */
const FIRST_PAGE_PROBE = `(() => {
  // The bench waits for these console lines, not with Playwright's waitForFunction: that injects Playwright's own
  // script into the page, ~150 ms of the throttled main thread just when the page is first laid out and painted.
  const at = (key) => { const d = document.documentElement.dataset; if (!d[key]) { d[key] = String(performance.now()); if (key === "benchCanvas") console.debug("bench:canvas"); } };
  const visible = (key) => { at(key); at("benchFirstPage"); };
  const watched = new WeakSet();
  const check = () => {
    const c = document.querySelector('.page[data-page-number="1"] canvas');
    if (c && c.width > 0 && c.height > 0 && c.getBoundingClientRect().width > 0) visible("benchCanvas");
    if (document.querySelector('.page[data-page-number="1"] .textLayer span')) at("benchTextLayer");
    const img = document.querySelector('[data-testid="first-page"] img');
    if (img && !watched.has(img)) {
      watched.add(img);
      // Counted in the first frame where it is on screen: a picture that has arrived but is not laid out yet (no
      // width) is not visible; it is looked at again each frame until it is, or until pdf.js's page has come.
      const painted = () => requestAnimationFrame(() => {
        const box = img.getBoundingClientRect();
        if (img.isConnected && box.width > 0 && img.naturalWidth >= box.width * devicePixelRatio) return visible("benchPicture");
        const d = document.documentElement.dataset;
        if (!d.benchPictureHidden) {
          const chain = [];
          for (let e = img; e && e !== document.documentElement; e = e.parentElement) chain.push(e.tagName + "." + String(e.className).split(" ")[0] + ":" + Math.round(e.getBoundingClientRect().width) + ":" + getComputedStyle(e).display);
          d.benchPictureHidden = performance.now().toFixed(0) + " " + img.isConnected + " " + img.naturalWidth + " " + document.styleSheets.length + " " + chain.join("<");
        }
        if (img.isConnected && !d.benchCanvas) painted();
      });
      if (img.complete && img.naturalWidth > 0) painted(); else img.addEventListener("load", painted, { once: true });
    }
    const d = document.documentElement.dataset;
    if (d.benchCanvas && d.benchTextLayer) { obs.disconnect(); console.debug("bench:done"); }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["width", "height", "style", "hidden"] });
})();`;

/** Resolves when the page's probe logs `line` (FIRST_PAGE_PROBE), rejects after FIRST_PAGE_TIMEOUT_MS. */
function probeSaid(page: Page, line: string): Promise<void> {
  const said = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the page did not say ${line} within ${FIRST_PAGE_TIMEOUT_MS} ms`)), FIRST_PAGE_TIMEOUT_MS);
    const listen = (m: { text(): string }) => {
      if (m.text() !== line) return;
      clearTimeout(timer);
      page.off("console", listen);
      resolve();
    };
    page.on("console", listen);
  });
  said.catch(() => {});
  return said;
}

async function throttled(ctx: BrowserContext, page: Page, cpu: boolean, cacheDisabled = true) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled });
  await cdp.send("Network.emulateNetworkConditions", NET);
  if (cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
  return cdp;
}

async function newContext(cookie: string, origin: string) {
  const ctx = await browser!.newContext({ viewport: { width: 1024, height: 768 }, locale: "vi-VN" });
  const [name, ...value] = cookie.split("=");
  await ctx.addCookies([{ name, value: value.join("="), url: origin }]);
  return ctx;
}

/**
 * Where a load's time went, from the page's own timeline (navigation and resource timing, the reader's performance
 * marks): when each step ended, in ms from navigation start, and the bytes that crossed the (throttled) network.
 * A string, not a function: tsx's helpers (__name) do not exist in the page.
 */
const BREAKDOWN = `(() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const d = document.documentElement.dataset;
  const first = Number(d.benchCanvas);
  const res = performance.getEntriesByType("resource").filter((r) => r.startTime < first);
  const pictures = res.filter((r) => r.name.includes("/first-page?"));
  const end = (list) => list.length ? Math.max(...list.map((r) => r.responseEnd)) : NaN;
  const start = (list) => list.length ? Math.min(...list.map((r) => r.startTime)) : NaN;
  const isFile = (r) => r.name.includes("/file?");
  const isPicture = (r) => r.name.includes("/first-page?");
  const isWorker = (r) => r.name.includes("pdf.worker");
  const isPdfjs = (r) => /pdfjs|pdf\\.min|pdf_viewer/.test(r.name) && !isWorker(r);
  const scripts = res.filter((r) => (r.initiatorType === "script" || r.initiatorType === "link" || r.name.endsWith(".js") || r.name.endsWith(".mjs")) && !isWorker(r) && !isFile(r) && !isPicture(r));
  const files = res.filter(isFile);
  const api = res.filter((r) => r.name.includes("/api/") && !isFile(r) && !isPicture(r));
  const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("reader:")).map((m) => [m.name.slice(7), m.startTime]));
  return {
    html: nav ? nav.responseEnd : NaN,
    htmlBytes: nav ? nav.transferSize : NaN,
    scriptsEnd: end(scripts),
    scriptBytes: scripts.reduce((n, r) => n + r.transferSize, 0),
    pdfjsEnd: end(res.filter(isPdfjs)),
    workerStart: start(res.filter(isWorker)),
    workerEnd: end(res.filter(isWorker)),
    workerBytes: res.filter(isWorker).reduce((n, r) => n + r.transferSize, 0),
    fileStart: start(files),
    fileEnd: end(files),
    fileRequests: files.length,
    fileBytes: files.reduce((n, r) => n + r.transferSize, 0),
    apiRequests: api.length,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN,
    marks,
    pictureEnd: end(pictures),
    pictureBytes: pictures.reduce((n, r) => n + r.transferSize, 0),
    pictureTiming: pictures.length ? [pictures[0].startTime, pictures[0].requestStart, pictures[0].responseStart, pictures[0].responseEnd].map(Math.round) : [],
    picture: Number(d.benchPicture),
    pictureCheck: d.benchPictureHidden,
    visible: Number(d.benchFirstPage),
    firstPage: first,
    textLayer: Number(d.benchTextLayer),
    files: files.map((r) => [Math.round(r.startTime), Math.round(r.responseEnd), r.responseStatus, r.transferSize]),
    all: performance.getEntriesByType("resource").map((r) => [r.name.replace(location.origin, "").slice(0, 60), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize]),
  };
})()`;
export interface Breakdown {
  html: number; htmlBytes: number; scriptsEnd: number; scriptBytes: number; pdfjsEnd: number; workerStart: number; workerEnd: number;
  workerBytes: number; fileStart: number; fileEnd: number; fileRequests: number; fileBytes: number; apiRequests: number;
  domContentLoaded: number; marks: Record<string, number>;
  /** The first page's picture: received, its bytes, painted (NaN: none). */
  pictureEnd: number; pictureBytes: number; picture: number;
  /** The picture's request: asked for, sent, first byte, last byte (resource timing, ms from navigation start). */
  pictureTiming: number[];
  pictureCheck?: string;
  /** Page 1 visible (the picture or pdf.js's canvas, whichever first); drawn by pdf.js (its canvas); its text layer. */
  visible: number; firstPage: number; textLayer: number;
  /** Each file request before page 1: start, end, status, bytes. */
  files: [number, number, number, number][];
  /** Every resource (for BENCH_READER_TRACE): name, start, end, bytes. */
  all: [string, number, number, number][];
}

let fileHeadersShown = false;
/** Each static file's Cache-Control as the browser got it (the warm loads rely on them): path pattern → values. */
const staticCaching = new Map<string, Set<string>>();
const staticKind = (url: string) => {
  const p = new URL(url).pathname;
  if (p.startsWith("/_next/static/")) return `/_next/static/…${path.extname(p)}`;
  if (p.startsWith("/pdfjs/")) return `/pdfjs/<version>/${p.split("/").slice(3, 4).join("")}/…`;
  if (p.startsWith("/__plain/") && p !== "/__plain/viewer.html") return `/__plain/${p.split("/")[2]}/… (plain viewer's pdf.js)`;
  return null;
};

/**
 * One load; the time from navigation start (the page's performance.now() origin) to page 1 visible. Cold: a new
 * browser context with the cache disabled. Warm: a tablet that has used the app before: a new context that first
 * opens the same reader twice without throttling (its HTTP cache then holds the static, content-hashed scripts,
 * styles and pdf.js's worker by their own Cache-Control, and Chromium has had two runs to keep its compiled code),
 * then the measured load with the cache on. The paper (private, no-store) and the page's HTML come from the server
 * each time.
 */
async function load(url: string, cookie: string, origin: string, warm = false, noPicture = false): Promise<{ visible: number; firstPage: number; textLayer: number; pagerendered: number | null; breakdown: Breakdown }> {
  const ctx = await newContext(cookie, origin);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  try {
    await ctx.addInitScript(FIRST_PAGE_PROBE);
    if (noPicture) await ctx.route(/\/first-page\?/, (route) => route.abort());
    if (warm) {
      for (let i = 0; i < 2; i++) {
        const prime = await ctx.newPage();
        prime.on("response", (r) => {
          const kind = staticKind(r.url());
          if (kind) void r.allHeaders().then((h) => staticCaching.set(kind, (staticCaching.get(kind) ?? new Set()).add(h["cache-control"] ?? "(none)")), () => {});
        });
        await prime.goto(url, { waitUntil: "commit", timeout: FIRST_PAGE_TIMEOUT_MS });
        await prime.waitForFunction(() => document.documentElement?.dataset.benchTextLayer, null, { timeout: FIRST_PAGE_TIMEOUT_MS, polling: 200 });
        await prime.close();
      }
      // The server done with the primes' own requests (their panels' API calls, prefetches, pdf.js's ranges) first:
      // a tablet opens its next paper a moment after the last, not while the server still answers it.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const page = await ctx.newPage();
    if (!fileHeadersShown) {
      page.on("response", (r) => {
        if (fileHeadersShown || !r.url().includes("/file?")) return;
        fileHeadersShown = true;
        void r.allHeaders().then((h) => console.log(`[bench] the file's first answer: ${r.status()} ${JSON.stringify(h)}`));
      });
    }
    if (process.env.BENCH_READER_HTML) page.on("response", (r) => { if (r.request().resourceType() === "document") void r.text().then((t) => fs.writeFileSync(`${process.env.BENCH_READER_HTML}-${Date.now()}.html`, t), () => {}); });
    const cdp = await throttled(ctx, page, true, !warm);
    // BENCH_READER_PROFILE=<dir>: the page's main-thread CPU profile until page 1 is drawn by pdf.js, one file per load.
    const profileDir = process.env.BENCH_READER_PROFILE;
    if (profileDir) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    // BENCH_READER_TIMELINE=<dir>: Chromium's timeline trace (what the page's threads did) until page 1, per load.
    const timelineDir = process.env.BENCH_READER_TIMELINE;
    if (timelineDir) {
      fs.mkdirSync(timelineDir, { recursive: true });
      const name = `${url.includes("/__plain") ? "plain" : "ours"}-${warm ? "warm" : "cold"}-${Date.now()}.json`;
      await browser!.startTracing(page, { path: path.join(timelineDir, name), categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading", "v8.execute", "disabled-by-default-devtools.timeline.stack"] });
    }
    const canvas = probeSaid(page, "bench:canvas");
    const done = probeSaid(page, "bench:done");
    await page.goto(url, { waitUntil: "commit", timeout: FIRST_PAGE_TIMEOUT_MS });
    if (timelineDir) {
      await canvas;
      await browser!.stopTracing();
    }
    if (profileDir) {
      await canvas;
      const { profile } = await cdp.send("Profiler.stop");
      fs.mkdirSync(profileDir, { recursive: true });
      const name = `${url.includes("/__plain") ? "plain" : "ours"}-${warm ? "warm" : "cold"}-${Date.now()}.cpuprofile`;
      fs.writeFileSync(path.join(profileDir, name), JSON.stringify(profile));
    }
    await done;
    const got = await page.evaluate(() => {
      const d = document.documentElement.dataset;
      return { visible: Number(d.benchFirstPage), firstPage: Number(d.benchCanvas), textLayer: Number(d.benchTextLayer), pagerendered: d.pagerendered ? Number(d.pagerendered) : null };
    });
    const breakdown = (await page.evaluate(BREAKDOWN)) as Breakdown;
    if (process.env.BENCH_READER_LAG) console.log(`[bench] this process's event-loop delay during the load: max ${(lag.max / 1e6).toFixed(0)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`);
    return { ...got, breakdown };
  } finally {
    lag.disable();
    await ctx.close();
  }
}

interface HeapResult { peak: number; end: number; start: number; samples: number; pagesDrawn: number; reached: number; seconds: number }

async function scrollHeap(url: string, cookie: string, origin: string): Promise<HeapResult> {
  const ctx = await newContext(cookie, origin);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  try {
    await ctx.addInitScript(FIRST_PAGE_PROBE);
    const page = await ctx.newPage();
    const cdp = await throttled(ctx, page, true);
    await cdp.send("Performance.enable");
    const heap = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? Number.NaN);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => document.documentElement?.dataset.benchCanvas, null, { timeout: FIRST_PAGE_TIMEOUT_MS, polling: 200 });
    const start = await heap();
    let peak = start;
    let samples = 1;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const v = await heap().catch(() => Number.NaN);
        if (Number.isFinite(v)) {
          peak = Math.max(peak, v);
          samples++;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const t0 = Date.now();
    let pagesDrawn = 0;
    let reached = 1;
    for (let n = 2; n <= PAGES; n++) {
      if (Date.now() - t0 > SCROLL_BUDGET_MS) break;
      reached = n;
      if (n % 25 === 0) console.log(`[bench] scrolled to page ${n} (${((Date.now() - t0) / 1000).toFixed(0)} s), heap peak so far ${mb(peak)} MB`);
      await page.evaluate((n) => document.querySelector(`.page[data-page-number="${n}"]`)?.scrollIntoView({ block: "start" }), n);
      const drawn = await page
        .waitForFunction((n) => !!document.querySelector(`.page[data-page-number="${n}"] canvas`), n, { timeout: 3_000, polling: 50 })
        .then(() => true, () => false);
      if (drawn) pagesDrawn++;
    }
    await page.waitForTimeout(1000);
    sampling = false;
    await sampler;
    const end = await heap();
    return { peak: Math.max(peak, end), end, start, samples: samples + 1, pagesDrawn: pagesDrawn + 1, reached, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await ctx.close();
  }
}

const now = () => performance.timeOrigin + performance.now();

async function sharedNote(url: string, appUrl: string, documentId: string, authorCookie: string, readerCookies: string[]) {
  const pages: Page[] = [];
  const contexts: BrowserContext[] = [];
  let opened = 0;
  const openErrors: string[] = [];
  // Opened a few at a time (each waits for page 1 before the next batch starts): thirty readers loading pdf.js at
  // once on two cores starved each other (24 of 30 had not drawn page 1 after 120 s). Once open they stay open,
  // idle, their sockets joined: what is measured is the note's way to them, not their loading.
  const openedAt = Date.now();
  for (let from = 0; from < readerCookies.length; from += READER_BATCH) {
    await Promise.all(readerCookies.slice(from, from + READER_BATCH).map(async (cookie, j) => {
      const ctx = await newContext(cookie, appUrl);
      contexts.push(ctx);
      await ctx.addInitScript(FIRST_PAGE_PROBE);
      const page = await ctx.newPage();
      try {
        await page.goto(url, { waitUntil: "commit", timeout: 120_000 });
        await page.waitForFunction(() => document.documentElement?.dataset.benchCanvas, null, { timeout: 120_000, polling: 500 });
        pages[from + j] = page;
        opened++;
      } catch (e) {
        openErrors.push(String(e).split("\n")[0]);
      }
    }));
    console.log(`[bench] ${opened} of ${readerCookies.length} readers open (${((Date.now() - openedAt) / 1000).toFixed(0)} s)`);
  }
  const openSeconds = (Date.now() - openedAt) / 1000;
  const text = `Ý kiến chung ${crypto.randomBytes(3).toString("hex")}: đề nghị bổ sung số liệu`;
  const live = pages.filter(Boolean);
  // Each page notes the moment (on the machine's clock) a shared note with these words is in its DOM.
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  const watch = `(() => {
    const text = ${JSON.stringify(text)};
    const obs = new MutationObserver(() => {
      for (const el of document.querySelectorAll('[data-testid="shared-note"]')) {
        if (el.textContent && el.textContent.includes(text)) {
          window.__sharedAt = performance.timeOrigin + performance.now();
          obs.disconnect();
          return;
        }
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  })()`;
  await Promise.all(live.map((p) => p.evaluate(watch)));
  // Each reader's panel is hydrated after its page 1 (components/reader/ReaderDeferred.tsx) and then joins the
  // meeting's rooms: the note is shared once every open reader has joined (or 60 s have passed), then 1 s idle.
  const joinedAt = Date.now();
  const joined = (await Promise.all(live.map((p) => p.waitForFunction(() => document.documentElement.dataset.readerJoined, null, { timeout: 60_000, polling: 200 }).then(() => 1, () => 0)))).reduce((a: number, b: number) => a + b, 0);
  console.log(`[bench] ${joined} of ${live.length} readers joined the meeting's rooms (${((Date.now() - joinedAt) / 1000).toFixed(1)} s after the last opened)`);
  try {
  await new Promise((r) => setTimeout(r, 1000)); // the readers' sockets are joined and idle
  const clientId = `bench-${crypto.randomBytes(8).toString("hex")}`;
  const t0 = now();
  const res = await fetch(`${appUrl}/api/v1/documents/${documentId}/annotations/${clientId}`, {
    method: "PUT",
    headers: { cookie: authorCookie, origin: appUrl, "content-type": "application/json" },
    body: JSON.stringify({
      version: 1, page: 1, kind: "NOTE", bounds: [0.5, 0.1, 0.85, 0.15], text, anchor: null, visibility: "MEETING",
      editor: { annotationType: 3, pageIndex: 0, rect: [300, 700, 500, 740], value: text },
    }),
  });
  const writeMs = now() - t0;
  const saved = res.status;
  await res.arrayBuffer();
  const deadline = Date.now() + SHARED_TIMEOUT_MS;
  let seen: (number | undefined)[] = [];
  while (Date.now() < deadline) {
    seen = await Promise.all(live.map((p) => p.evaluate(() => (window as unknown as { __sharedAt?: number }).__sharedAt).catch(() => undefined)));
    if (seen.every((s) => s !== undefined)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const latencies = seen.filter((s): s is number => s !== undefined).map((s) => s - t0);
  return { opened, openSeconds, joined, openErrors: [...new Set(openErrors)].slice(0, 3), saved, writeMs, shown: latencies.length, missing: live.length - latencies.length, latency: summarize(latencies) };
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  }
}

async function main() {
  fs.mkdirSync(benchDir, { recursive: true });
  const loadStart = os.loadavg();
  ensureBuild();
  console.log(`[bench] database ${path.relative(root, benchDir)} …`);
  execFileSync("bash", ["scripts/prisma.sh", "migrate", "deploy"], { env, stdio: "pipe" });
  const { db } = await import("../lib/db/index.ts");
  const { users, meeting, signIn } = await import("./setup.ts");
  const { briefingPdf } = await import("../lib/pdf/briefing.ts");
  const { uploadDocument } = await import("../lib/documents/commands.ts");

  const [sec] = await users("SECRETARIAT", 1, "sec");
  const members = await users("MEMBER", READERS + 2, "reader");
  const m = await meeting(sec, members, "Phiên họp Chính phủ thường kỳ – tài liệu 200 trang", 2, 0);
  const body = "Báo cáo đánh giá tác động của dự thảo Nghị quyết về phát triển Chính phủ điện tử hướng tới Chính phủ số giai đoạn 2026–2030: hiện trạng hạ tầng, nguồn vốn, tiến độ thực hiện, kiến nghị của các Bộ, ngành và địa phương. ".repeat(6);
  const generated = await briefingPdf({
    title: "Tờ trình và dự thảo Nghị quyết về Chính phủ điện tử (200 trang)",
    sections: Array.from({ length: 24 }, (_, i) => ({ heading: `${i + 1}. Nội dung ${i + 1}`, body })),
    minPages: PAGES,
  });
  // Exactly PAGES pages (the generator stops at the end of a round of sections).
  const { PDFDocument } = await import("pdf-lib");
  const pdf = await PDFDocument.load(generated);
  while (pdf.getPageCount() > PAGES) pdf.removePage(pdf.getPageCount() - 1);
  let bytes = await pdf.save();
  // An experiment, not the app's path: BENCH_READER_LINEARIZE=1 uploads the paper linearized by qpdf (installed here
  // for tests only; the app must not need it) to see what a range-friendly upload would change.
  if (process.env.BENCH_READER_LINEARIZE) {
    const [from, to] = [path.join(benchDir, "paper.pdf"), path.join(benchDir, "paper-linearized.pdf")];
    fs.writeFileSync(from, bytes);
    execFileSync("qpdf", ["--linearize", from, to]);
    bytes = fs.readFileSync(to);
  }
  const doc = (await uploadDocument(sec, m.id, { title: "Tờ trình và dự thảo Nghị quyết (200 trang)", fileName: "to-trinh-200-trang.pdf", bytes })).result;
  const pageCount = doc.pageCount;
  console.log(`[bench] briefing: ${pageCount} pages, ${(bytes.length / 1024).toFixed(0)} KB`);
  // The first page's picture is drawn after the upload's answer (in this process): the reader's page has it once it is there.
  const { firstPagePicture, firstPageSize } = await import("../lib/documents/firstpage.ts");
  const cpu = process.cpuUsage();
  const picture = await firstPagePicture(doc.version.fileHash);
  const used = process.cpuUsage(cpu);
  const pictureCpuMs = (used.user + used.system) / 1000;
  const pictureSize = await firstPageSize(doc.version.fileHash);
  console.log(`[bench] first page's picture: ${picture ? `${pictureSize?.width}×${pictureSize?.height}, ${(picture.length / 1024).toFixed(0)} KB, ~${pictureCpuMs.toFixed(0)} ms of CPU to make` : "none"}`);

  const appPort = await freePort(PORTS);
  const app = await startApp(env, appPort);
  children.push(app);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const proxyPort = await freePort(PORTS);
  const fileUrl = `/api/v1/documents/${doc.document.id}/file?version=1`;
  const proxy = spawnNode("bench/reader-proxy.ts", { ...process.env, READER_PROXY_PORT: String(proxyPort), READER_APP_PORT: String(appPort), READER_FILE_URL: fileUrl }, true);
  children.push(proxy);
  await new Promise<void>((resolve, reject) => {
    proxy.once("message", () => resolve());
    proxy.once("exit", (code) => reject(new Error(`the proxy exited (${code})`)));
  });
  const origin = `http://127.0.0.1:${proxyPort}`;
  const readerUrl = `${origin}/meetings/${m.id}/papers/${doc.document.id}`;
  const plainUrl = `${origin}/__plain/viewer.html`;
  const cookies: string[] = [];
  for (const u of members) cookies.push(await signIn(u));
  const memberCookie = cookies[1];

  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS, headless: true });
  // A warm-up of each (not counted): the server's first request of a route compiles nothing in production, but
  // reads files and fills its own caches once; cold loads below are cold for the browser only.
  await load(readerUrl, memberCookie, origin);
  await load(plainUrl, memberCookie, origin);

  const cold = await firstPageLoads("cold", COLD_LOADS, readerUrl, plainUrl, memberCookie, origin);
  const warm = await firstPageLoads("warm", WARM_LOADS, readerUrl, plainUrl, memberCookie, origin);
  const firstPage = { cold, warm, caching: [...staticCaching].map(([kind, values]) => [kind, [...values].join("; ")] as [string, string]) };
  console.log(`[bench] static files' Cache-Control: ${JSON.stringify(firstPage.caching)}`);
  if (process.env.BENCH_READER_FIRST_ONLY) {
    await browser.close();
    browser = undefined;
    await db.$disconnect();
    return 0;
  }

  let shared: Awaited<ReturnType<typeof sharedNote>> | null = null;
  let sharedError: string | null = null;
  try {
    console.log(`[bench] ${READERS} readers, one shared note …`);
    shared = await sharedNote(`${appUrl}/meetings/${m.id}/papers/${doc.document.id}`, appUrl, doc.document.id, cookies[0], cookies.slice(2, 2 + READERS));
    console.log(`[bench] shared note: ${shared.shown}/${shared.opened} shown, p50/p99/max ${triple(shared.latency)} ms`);
  } catch (e) {
    sharedError = String(e).split("\n")[0];
    console.error("[bench] shared note failed:", e);
  }
  console.log("[bench] scrolling through all pages …");
  let heap: HeapResult | null = null;
  try {
    heap = await scrollHeap(readerUrl, memberCookie, origin);
    console.log(`[bench] heap: start ${mb(heap.start)} MB, peak ${mb(heap.peak)} MB, end ${mb(heap.end)} MB`);
  } catch (e) {
    console.error("[bench] the scroll failed:", e);
  }

  await browser.close();
  browser = undefined;
  await db.$disconnect();

  const pictureInfo = picture && pictureSize ? { ...pictureSize, bytes: picture.length, cpuMs: pictureCpuMs } : null;
  writeReport({ pageCount, fileBytes: bytes.length, picture: pictureInfo, firstPage, heap, shared, sharedError, loadStart, loadEnd: os.loadavg() });
  return shared && shared.missing === 0 && shared.saved === 200 ? 0 : 1;
}

/** `n` loads of each reader, interleaved (ours, plain; plain, ours; …), cold or warm (load). */
async function firstPageLoads(kind: "cold" | "warm", n: number, readerUrl: string, plainUrl: string, cookie: string, origin: string) {
  const ours: number[] = [];
  const plain: number[] = [];
  const oursVisible: number[] = [];
  const oursText: number[] = [];
  const plainText: number[] = [];
  const plainRendered: number[] = [];
  const withoutPicture: number[] = [];
  const breakdowns: { ours: Breakdown[]; plain: Breakdown[] } = { ours: [], plain: [] };
  for (let i = 0; i < n; i++) {
    const pair: ("ours" | "plain" | "bare")[] = i % 2 === 0 ? ["ours", "plain"] : ["plain", "ours"];
    if (AB) pair.splice(i % 3, 0, "bare");
    for (const which of pair) {
      if (which === "bare") {
        const r = await load(readerUrl, cookie, origin, kind === "warm", true);
        withoutPicture.push(r.firstPage);
        console.log(`[bench] ${kind} load ${i + 1} ours without the picture: drawn by pdf.js ${r.firstPage.toFixed(0)} ms`);
        continue;
      }
      const r = await load(which === "ours" ? readerUrl : plainUrl, cookie, origin, kind === "warm");
      (which === "ours" ? ours : plain).push(r.firstPage);
      (which === "ours" ? oursText : plainText).push(r.textLayer);
      if (which === "ours") oursVisible.push(r.visible);
      breakdowns[which].push(r.breakdown);
      if (which === "plain" && r.pagerendered !== null) plainRendered.push(r.pagerendered);
      console.log(`[bench] ${kind} load ${i + 1} ${which}: page 1 visible ${r.visible.toFixed(0)} ms, drawn by pdf.js ${r.firstPage.toFixed(0)} ms, text layer ${r.textLayer.toFixed(0)} ms; HTML ${r.breakdown.html.toFixed(0)} ms; picture (asked, sent, first byte, last byte) ${JSON.stringify(r.breakdown.pictureTiming)}, painted ${r.breakdown.picture.toFixed(0)}${r.breakdown.pictureCheck ? ` (arrived unseen, at first: ${r.breakdown.pictureCheck})` : ""}; file requests (start, end, status, bytes): ${JSON.stringify(r.breakdown.files)}`);
      if (process.env.BENCH_READER_TRACE) console.log(`[bench]   marks ${JSON.stringify(r.breakdown.marks)}; resources (name, start, end, bytes):\n${r.breakdown.all.map((x) => `    ${x.join("  ")}`).join("\n")}`);
    }
  }
  console.log(breakdownTable(breakdowns));
  return {
    visible: summarize(oursVisible), ours: summarize(ours), withoutPicture: summarize(withoutPicture), withoutPictureRaw: withoutPicture, plain: summarize(plain), oursText: summarize(oursText), plainText: summarize(plainText), plainRendered: summarize(plainRendered),
    visibleRaw: oursVisible, oursRaw: ours, plainRaw: plain, breakdowns,
  };
}
type FirstPage = Awaited<ReturnType<typeof firstPageLoads>>;

/** The median of each step over the cold loads of both readers, as a Markdown table. */
function breakdownTable(b: { ours: Breakdown[]; plain: Breakdown[] }): string {
  const med = (list: Breakdown[], f: (x: Breakdown) => number) => summarize(list.map(f).filter(Number.isFinite)).p50;
  const kb = (n: number) => (Number.isFinite(n) ? `${(n / 1024).toFixed(0)} KB` : "–");
  const mark = (name: string) => (x: Breakdown) => x.marks[name] ?? Number.NaN;
  const rows: [string, (x: Breakdown) => number, "ms" | "kb" | "n"][] = [
    ["HTML received (responseEnd)", (x) => x.html, "ms"],
    ["HTML bytes", (x) => x.htmlBytes, "kb"],
    ["reader: pdf.js started (inline boot script)", mark("boot"), "ms"],
    ["scripts received (last .js/.mjs before page 1)", (x) => x.scriptsEnd, "ms"],
    ["script bytes before page 1", (x) => x.scriptBytes, "kb"],
    ["DOMContentLoaded", (x) => x.domContentLoaded, "ms"],
    ["reader: React effect opens the viewer", mark("open"), "ms"],
    ["worker request starts", (x) => x.workerStart, "ms"],
    ["worker received", (x) => x.workerEnd, "ms"],
    ["worker bytes", (x) => x.workerBytes, "kb"],
    ["first file request starts", (x) => x.fileStart, "ms"],
    ["reader: document open (getDocument resolved)", mark("document"), "ms"],
    ["last file response before page 1", (x) => x.fileEnd, "ms"],
    ["file requests before page 1", (x) => x.fileRequests, "n"],
    ["file bytes before page 1", (x) => x.fileBytes, "kb"],
    ["API requests before page 1", (x) => x.apiRequests, "n"],
    ["first page's picture received", (x) => x.pictureEnd, "ms"],
    ["first page's picture bytes", (x) => (x.pictureEnd > 0 ? x.pictureBytes : Number.NaN), "kb"],
    ["first page's picture painted", (x) => x.picture, "ms"],
    ["**page 1 visible** (picture or pdf.js, whichever first)", (x) => x.visible, "ms"],
    ["**page 1 drawn by pdf.js** (its canvas)", (x) => x.firstPage, "ms"],
    ["page 1's text layer (selection, search)", (x) => x.textLayer, "ms"],
  ];
  const cell = (list: Breakdown[], f: (x: Breakdown) => number, unit: string) => {
    const v = med(list, f);
    return unit === "kb" ? kb(v) : unit === "n" ? (Number.isFinite(v) ? v.toFixed(0) : "–") : ms(v);
  };
  return [
    "| step (median, ms from navigation start) | ours | plain pdf.js |",
    "| --- | ---: | ---: |",
    ...rows.map(([label, f, unit]) => `| ${label} | ${cell(b.ours, f, unit)} | ${cell(b.plain, f, unit)} |`),
  ].join("\n");
}

function writeReport(r: {
  pageCount: number;
  fileBytes: number;
  picture: { width: number; height: number; bytes: number; cpuMs: number } | null;
  firstPage: { cold: FirstPage; warm: FirstPage; caching: [string, string][] };
  heap: HeapResult | null;
  shared: Awaited<ReturnType<typeof sharedNote>> | null;
  sharedError: string | null;
  loadStart: number[];
  loadEnd: number[];
}) {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  const verdict = (ok: boolean) => (ok ? "**met**" : "**NOT met**");
  const { cold, warm, caching } = r.firstPage;
  const s = r.shared;
  const targetRows = (kind: string, f: FirstPage) => `| first page visible < 1 s, ${kind} (p50, 4× CPU, 10 Mbit/s, 50 ms): the picture or pdf.js's page | ${ms(f.visible.p50)} ms (max ${ms(f.visible.max)}, n ${f.visible.n}) | ${verdict(f.visible.p50 < 1000)} |
| … and no slower than plain pdf.js, ${kind} (p50) | ours ${ms(f.visible.p50)} ms vs plain ${ms(f.plain.p50)} ms (${(f.visible.p50 / f.plain.p50).toFixed(2)}×) | ${verdict(f.visible.p50 <= f.plain.p50)} |
| page 1 drawn by pdf.js < 1 s, ${kind} (p50) | ${ms(f.ours.p50)} ms (max ${ms(f.ours.max)}) | ${verdict(f.ours.p50 < 1000)} |
| … and no slower than plain pdf.js, ${kind} (p50) | ours ${ms(f.ours.p50)} ms vs plain ${ms(f.plain.p50)} ms (${(f.ours.p50 / f.plain.p50).toFixed(2)}×) | ${verdict(f.ours.p50 <= f.plain.p50)} |`;
  const loadsTable = (f: FirstPage) => `| reader | n | p50 ms | max ms | all, ms |
| --- | ---: | ---: | ---: | --- |
| ours, page 1 visible (the first page's picture, or pdf.js's canvas if sooner) | ${f.visible.n} | ${ms(f.visible.p50)} | ${ms(f.visible.max)} | ${f.visibleRaw.map((x) => x.toFixed(0)).join(", ")} |
| ours, page 1 drawn by pdf.js (/meetings/{id}/papers/{documentId}: the whole page, header, thumbnails, socket) | ${f.ours.n} | ${ms(f.ours.p50)} | ${ms(f.ours.max)} | ${f.oursRaw.map((x) => x.toFixed(0)).join(", ")} |
| plain pdf.js viewer (PDFViewer + EventBus + PDFLinkService, default options) | ${f.plain.n} | ${ms(f.plain.p50)} | ${ms(f.plain.max)} | ${f.plainRaw.map((x) => x.toFixed(0)).join(", ")} |
${f.withoutPicture.n ? `| ours without the picture (its request refused, BENCH_READER_AB=1), page 1 drawn by pdf.js | ${f.withoutPicture.n} | ${ms(f.withoutPicture.p50)} | ${ms(f.withoutPicture.max)} | ${f.withoutPictureRaw.map((x) => x.toFixed(0)).join(", ")} |\n` : ""}| ours, page 1's text layer | ${f.oursText.n} | ${ms(f.oursText.p50)} | ${ms(f.oursText.max)} | |
| plain, page 1's text layer | ${f.plainText.n} | ${ms(f.plainText.p50)} | ${ms(f.plainText.max)} | |
| plain, by pdf.js's own \`pagerendered\` event for page 1 | ${f.plainRendered.n} | ${ms(f.plainRendered.p50)} | ${ms(f.plainRendered.max)} | |`;
  const md = `# Benchmark: the paper reader (issue 7)

Generated by \`BENCH_ONLY=reader npm run bench\` (bench/reader.ts) on ${new Date().toISOString()}.

- **Machine**: ${machine()}
- **Node**: ${process.version}; **browser**: ${"Chromium (/usr/bin/chromium), headless"}; pdfjs-dist ${pdfjsVersion}
- **Load average** (1, 5, 15 min) at the start: ${load(r.loadStart)}; at the end: ${load(r.loadEnd)}. The machine is
  shared (2 CPUs, others building and testing): a load above the CPU count means other work competed with the
  browser and the server, and every time below is longer than on an idle machine.
- **Server**: the production server (\`server.ts\`, \`NODE_ENV=production\`) on a fresh SQLite database, on the same machine.
- **Paper**: a ${r.pageCount}-page briefing generated by lib/pdf/briefing.ts (Vietnamese text pages, DejaVu fonts
  embedded), ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB, uploaded through the app's own command.
- **The first page's picture** (lib/documents/firstpage.ts): page 1 of that paper drawn by pdf.js itself on the server
  (pdfjs-dist in Node, @napi-rs/canvas) when it was stored, ${r.picture ? `${r.picture.width}×${r.picture.height} px WebP (quality 30), ${(r.picture.bytes / 1024).toFixed(0)} KB, ~${r.picture.cpuMs.toFixed(0)} ms of server CPU to make, once per stored file` : "**none was made**"}.
  The reader's HTML shows it in page 1's place at page width (at 1024 px wide, ~984 CSS px: more pixels than the screen
  has), under the same watermark and mark as pdf.js's pages, until pdf.js puts page 1's canvas in; then it is removed.
  It is the real page, not a placeholder: pdf.js's own drawing, only not yet selectable or searchable.

## Targets (issue 7)

| target | measured | |
| --- | --- | --- |
${targetRows("cold", cold)}
${targetRows("warm", warm)}

## 1. Time to first page visible

Two kinds of load, each reader the same number of times, the two readers interleaved (ours, plain; plain, ours;
…) after one uncounted load each. Times from the start of navigation (the page's own clock, \`performance.now()\`),
by the same probe (a MutationObserver) in both readers: **drawn by pdf.js** when page 1's canvas is in the DOM with a
non-zero size (pdf.js adds it when its first frame is drawn); its **text layer** when page 1's words are in pdf.js's
text layer; **visible** (ours) the sooner of that canvas and the first page's picture painted (its \`load\` event, then
the next animation frame, counted only if it is on screen and its pixels at least the screen's). For plain pdf.js,
visible is drawn. Both readers are served from one origin by a small proxy (bench/reader-proxy.ts, a process of its
own: in the bench's process, Playwright stalled it for up to 0.45 s during a load) in front of the app (the plain viewer page and pdfjs-dist's files under /__plain/, gzip-compressed when the
browser asks, as the app compresses its own, with the same \`Cache-Control\` as the app's /pdfjs/ files; everything
else passed to the app), both open the same file URL (\`/api/v1/documents/{id}/file?version=1\`, Range requests)
with the same member's session cookie and use the same worker (\`/pdfjs/${pdfjsVersion}/build/pdf.worker.min.mjs\`
from the app).

- **Cold**: a new browser context each time, the cache disabled: a tablet opening the app for the first time.
- **Warm**: a tablet that has used the app before: a new browser context that first opens the same reader twice
  without throttling (its HTTP cache then holds whatever the responses' own \`Cache-Control\` allows: the app's
  content-hashed scripts and styles, pdf.js's library, viewer and worker; and Chromium has had two runs to keep the
  scripts' compiled code), then the measured load, cache on. The page's HTML and the paper (\`private, no-store\`)
  come from the server every time: what a member's tablet meets when a new paper is opened.

\`Cache-Control\` of the static files as the browser received them (the warm loads' first runs):

| files | Cache-Control |
| --- | --- |
${caching.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}

### Cold (${cold.ours.n} loads each)

${loadsTable(cold)}

Where the time goes (the page's navigation and resource timing and the reader's \`reader:*\` performance marks; bytes
as transferred, i.e. compressed where the server compressed, 0 when from the cache):

${breakdownTable(cold.breakdowns)}

### Warm (${warm.ours.n} loads each)

${loadsTable(warm)}

${breakdownTable(warm.breakdowns)}

## 2. JS heap while scrolling through all ${r.pageCount} pages (our reader)

The same throttling; each page scrolled into view in turn, waiting up to 3 s for its canvas (the whole scroll within ${SCROLL_BUDGET_MS / 1000} s); JSHeapUsedSize
(CDP Performance.getMetrics, the page's main thread; pdf.js's worker is not included) sampled every 200 ms.

${r.heap ? `| after page 1 | peak while scrolling | at the end | samples | pages reached | pages drawn | scroll took |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| ${mb(r.heap.start)} MB | **${mb(r.heap.peak)} MB** | ${mb(r.heap.end)} MB | ${r.heap.samples} | ${r.heap.reached} of ${r.pageCount} | ${r.heap.pagesDrawn} | ${r.heap.seconds.toFixed(0)} s |` : "**Not measured**: the scroll failed (see the run's output)."}

## 3. A shared note on ${READERS} other open readers

${s ? `${READERS} browser contexts in one Chromium (no CPU or network throttling), each a different member of the meeting
with their own session, open the paper directly on the app, ${READER_BATCH} at a time (each batch waits for page 1
before the next starts; all stay open and idle): ${s.opened} of ${READERS} showed page 1, in ${s.openSeconds.toFixed(0)} s${s.openErrors.length ? ` (errors: ${s.openErrors.join("; ")})` : ""}; ${s.joined} of them had joined the meeting's rooms (their reader panel, hydrated after page 1, says so) before the note was shared. Another
member saves a note shared with the meeting (\`PUT /api/v1/documents/{id}/annotations/{clientId}\`, \`visibility:
"MEETING"\`, answered ${s.saved} in ${ms(s.writeMs)} ms). Time from the start of the PUT until the note's words are in each
reader's DOM (\`[data-testid="shared-note"]\`, seen by a MutationObserver on the machine's clock).

| readers | shown | not shown within ${SHARED_TIMEOUT_MS / 1000} s | p50 ms | p99 ms | max ms |
| ---: | ---: | ---: | ---: | ---: | ---: |
| ${s.opened} | ${s.shown} | ${s.missing} | ${ms(s.latency.p50)} | ${ms(s.latency.p99)} | ${ms(s.latency.max)} |
` : `**Not measured**: ${r.sharedError ?? "not run"}.`}

## What the reader does for page 1, and what did not help

- Page 1 is shown before pdf.js has started: the server drew it with pdf.js when the paper was stored (above), and the
  reader's HTML carries it in page 1's place (an \`<img fetchpriority="high">\`, the page's aspect ratio so
  nothing moves, the watermark with the reader's name and time and the confidentiality mark laid over it as over
  pdf.js's pages, alt text). It is hidden the moment pdf.js puts page 1's canvas in (a CSS \`:has()\` rule) and
  removed once the page is drawn; search, selection and notes need pdf.js's page and come with it. The picture is one
  more request before page 1 (~160 KB for this dense text page; sparser pages far less), kept small (1280 px, WebP
  quality 30) and answered by \`server.ts\` itself, without Next's routing (lib/http/direct.ts), its access checked
  with prepared statements (the paper's file the same: every range request) and the policy, in 1-12 ms on the bench
  instead of 20-430 ms through Prisma while the page's scripts were being served.
- The reader's page itself costs the server 12.1 ms of CPU (\`PAGE_CPU_PATH=paper npx tsx bench/page-cpu.ts\`), down
  from 25.6 ms: its paper, versions and receipts read with prepared statements, the picture's sizes from memory. On
  the bench's two cores, the page's HTML had taken 60-870 ms in cold loads; now ~65-100 ms.
- pdf.js's downloads wait until the picture is in (at most 1 s): started beside it, the worker (380 KB), the paper
  (340 KB) and pdf.js's library (137 KB) shared a cold tablet's 10 Mbit/s with it and the picture came last: asked
  at 195 ms, in at 896 ms (\`BENCH_READER_TRACE\`). With the wait, 5 cold loads each on a quiet machine: page 1
  visible p50 1008 -> 576 ms. Asking for them at low fetch priority instead was bimodal (533-559 ms in two loads,
  1073-1093 ms in the other two: Chromium held them back only sometimes). Two waits since 2026-11-25: the downloads
  start at the picture's load event; only running pdf.js's library waits for the frame that shows the picture (a
  timeout set in the next animation frame): run at the load event, the library, cached on a tablet that had read a
  paper before, was compiled and run in the task that frame waited for; asked for only after that frame, the
  downloads had begun 0.2-0.45 s after the picture was in, while Next's scripts ran (timeline trace).
- The paper's bytes: when the server draws the first page's picture it reads the paper with pdf.js as the reader
  will (ranges of 16 KB, asked for as needed, no stream) and notes which ranges pdf.js asked for to open it and show
  page 1 (drawn, its text, links, structure), joined (lib/documents/firstpage.ts). The reader asks for those at once
  and answers pdf.js's requests from them: for this paper 111 KB in 2 requests instead of the whole 340 KB (pdf-lib
  writes the page tree and fonts at the end, page 1's content at the start); the rest of a small paper follows in
  the background once page 1 is drawn, so later pages need no round trip. (A paper with a classic cross-reference
  table and no object streams makes pdf.js read every page's dictionary to open it: then the ranges are the whole
  file, as before.) Plain pdf.js reads the whole file as a stream beside 3 ranges of 64 KB.
- The reader's page carries small inline scripts (components/reader/boot.ts, \`<script type="module" async>\`):
  as soon as the picture is in, it starts pdf.js's worker (its script fetched at high priority and started from a
  blob: a Worker's own request is a low-priority one that waited ~0.6 s behind Next's scripts, cold), the paper's
  page-1 ranges (above; for a paper without them, its first request: the whole file when under 2 MB, else its first
  chunk) and pdf.js's library and viewer as module preloads side by side (fetched and compiled, not run; they had
  come one after the other, ~0.3 s apart cold, since the viewer reads the library's global when it runs); it gives
  pdf.js the bytes through a \`PDFDataRangeTransport\` (further ranges fetched when pdf.js asks) and sets pdf.js's
  viewer up on the server-rendered container, with the watermark and mark, without waiting for React; the reader
  panel takes that viewer over when it hydrates.
- pdf.js's labels (every page's landmark, "Trang 12", and its editors' buttons) are translated once page 1's text
  layer is in: translated from the start, pdf.js formatted the landmarks of all 200 pages between the document's
  arrival and page 1's drawing, ~0.15 s of the throttled main thread (CPU profiles, \`BENCH_READER_PROFILE\`); plain
  pdf.js pays it before its page 1.
- The page's HTML comes in one piece. React (19.2) streams a Suspense boundary apart from the rest of the page once
  the page's HTML passes ~12.8 KB (its \`progressiveChunkSize\`): the boundary's HTML follows, hidden, and a script
  reveals it in a later animation frame, which on a busy tablet comes only after Next's scripts have run. The
  reader's panel (toolbar, and the paper with the picture in it) is such a boundary, since it is hydrated after page
  1; under this paper's 42-character title it was streamed apart, and the picture, arrived at ~0.35 s, stayed hidden
  until ~0.6-1.0 s (seen with \`BENCH_READER_HTML\`; the probe now says when a picture arrived unseen). The panel's tool
  buttons now carry one class each, and the inline boot script is cut in two: its first part (~1 KB: the worker,
  pdf.js's library and the paper asked for) stays first in the page, before any classic script (the parser stops at
  one of those until the stylesheets are in), and the rest (~4 KB: pdf.js's viewer set up) comes after the panel, in
  a boundary of its own: the panel stays in the first piece with room for a 300-character title (e2e first-page
  checks it).
- What remains is the browser's main thread. The reader's panel (toolbar, notes, live updates, with zod, socket.io and
  the page's components) is server-rendered, but its code is fetched and hydrated only once pdf.js has drawn page 1
  (components/reader/ReaderDeferred.tsx), and zod is no longer in every page's first scripts; before page 1 the page
  still runs Next's runtime, React DOM and next-intl with the messages (one ~0.5 s task of script evaluation under 4×
  throttling) beside pdf.js, where plain pdf.js runs pdf.js alone. The page's first layout costs ~140 ms under
  throttling (70 layout objects: the toolbar's text and its font fallback) against 3 ms for plain's nearly empty page
  (Chromium timeline traces, \`BENCH_READER_TIMELINE\`).
- Tried and not kept: a classic inline script instead of the module one (runs during parsing, but only once the
  head's stylesheets are in: pdf.js started later cold, no earlier warm); the paper linearized by qpdf
  (\`BENCH_READER_LINEARIZE=1\`, an experiment only: qpdf is not something the app may need): the 332 KB paper
  became 575 KB (qpdf rewrote pdf-lib's object streams) and page 1 came no sooner, ours or plain; the file is not
  what page 1 waits for once it is requested at parse time, so no WASM linearizer was adopted. Preloading the paper
  and pdf.js's worker from the head (\`<link rel="preload" as="fetch" crossorigin>\`, so they start while the HTML is
  parsed rather than when the inline script first runs): Chromium did not give the preloaded paper to the script's
  \`fetch\` and read it twice (4 loads each, 2026-11-24, load ~8), so pdf.js's page 1 came later, not sooner.
  pdf.js's worker first, the library, viewer and paper only once its bytes were in (so the worker's start-up would
  overlap their download; 5 loads each, 2026-11-25): pdf.js's page 1 no sooner (cold 2219 ms against plain's 2186).
  The first page's picture as AVIF: 134 KB against WebP's 167 KB at the same sharpness (compared by eye), not worth
  a costlier decode on tablets and a format older iPads lack.
  The browser's processes at a lower CPU priority than the server and the proxy (nice 10, to model a server on a
  machine of its own; 5 loads each, 2026-11-25): Chromium sets its renderers' priorities itself, so only some were
  lowered, and the runs did not differ beyond their noise (page 1 visible 719 / 614 ms, cold / warm).
  On a tablet that had drawn a page with this pdf.js before (noted in localStorage), pdf.js's worker started from its
  URL at the page's start, its script being cached: the worker still began only at ~1.0 s, when the page's busy main
  thread let it (timeline trace), and pdf.js's page 1 came no sooner, warm (1765 ms against plain's 1582).

## Not measured here

- CPU throttling (CDP) slows the page's main thread; whether Chromium applies it to pdf.js's worker as well is up to
  Chromium. Both readers are measured under the same conditions.
- Real tablets (ARM, their GPUs, Safari): this is desktop Chromium with emulated throttling.
`;
  fs.writeFileSync(path.join(root, "bench", "RESULTS-reader.md"), md);
  console.log("[bench] wrote bench/RESULTS-reader.md");
}

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const c of children) stop(c);
  removeBenchDir(benchDir);
}

await runBench("bench", main, cleanup, WATCHDOG_MS);

// Starting pdf.js before React. The reader's page is server-rendered with a small inline script (ReaderBoot.tsx)
// that starts pdf.js's worker, its library and viewer modules and the paper's first request (once the first page's
// picture is in, when the page has one), while Next's own scripts are still arriving and React has not hydrated yet. The viewer
// (viewer.ts) takes what that script started; when there is none (the reader reached by a client-side navigation,
// "try again", another version) it starts the same itself (startPaper). pdf.js is loaded as the installed
// pdfjs-dist's own built modules, served by this app (app/pdfjs), never bundled: one copy whichever way it started.
import type { DocumentInitParameters, PDFDocumentLoadingTask } from "pdfjs-dist/types/src/display/api";
import { href } from "@/lib/http/operation";
import { documentOps } from "@/lib/documents/operations";
import type { ReaderView } from "@/lib/reading/queries";
import { marksHtml, stampPage, type PageMarks } from "./marks";
import { dropFirstPage } from "./firstpage";
import { FIRST_DRAWN_GLOBAL } from "./first-drawn";
import { PAPER_CHUNK, type ByteRange } from "@/lib/reading/paper-bytes";

export type PdfLib = typeof import("pdfjs-dist");
export type ViewerLib = typeof import("pdfjs-dist/web/pdf_viewer.mjs");

/**
 * pdf.js's range chunk for a paper read without noted ranges (a picture stored before they were, a paper opened at
 * a later page): pdf.js's own default, so page 1 of a large paper takes few round trips. With the ranges noted,
 * pdf.js reads in the chunks they were noted in (PAPER_CHUNK, lib/reading/paper-bytes.ts).
 */
export const UNNOTED_CHUNK = 65_536;

/** The version on screen: the latest, or an earlier one asked for (?version=N, e.g. to see a note not carried over). */
export const shownVersion = (view: ReaderView, version: number | undefined) => view.versions.find((v) => v.number === version) ?? view.versions[0];

/** Where the reader opens a paper: the page asked for (?page=N), else where this member left this version, else 1. */
export const initialPageOf = (view: ReaderView, shown: { number: number }, asked: number | undefined) =>
  asked ?? (view.lastRead?.version === shown.number ? view.lastRead.page : 1);

/** The viewer's scrolling element (PaperReader.tsx renders it, the page's inline script finds it). */
export const PAPER_CONTAINER_ID = "oc-paper";

/**
 * Canvas pixels per page: pdf.js's app uses 2^25 on desktops and 5,242,880 (2^22 + 2^20) on iOS and Android, where
 * a larger canvas fails or exhausts memory; beyond it pages are drawn at lower resolution (plus a detail canvas).
 */
export const maxCanvasPixels = (touch: boolean) => (touch ? 5_242_880 : 2 ** 25);

/** pdf.js's viewer components on the reader's container, as they are for one paper. */
export interface ViewerSet {
  pdfViewer: InstanceType<ViewerLib["PDFViewer"]>;
  eventBus: InstanceType<ViewerLib["EventBus"]>;
  linkService: InstanceType<ViewerLib["PDFLinkService"]>;
  /** pdf.js's AnnotationEditorUIManager once announced (internal API of the pinned version). */
  uiManager: unknown;
}

/**
 * pdf.js's viewer components (PDFViewer, EventBus, PDFLinkService, PDFFindController) set up the way pdf.js's viewer
 * app does for tablets: text layer, annotations, the annotation editor idle until a tool is chosen, page width, the
 * page to open at. Done by the page's inline script as soon as pdf.js has arrived, so page 1 is drawn whether or not
 * React has hydrated (the reader panel then takes the viewer over, viewer.ts), or by the viewer itself when there was
 * no such script. Self-contained: its source is part of that script.
 */
export function setUpViewer(lib: PdfLib, viewer: ViewerLib, container: HTMLDivElement, canvasPixels: number, initialPage: number, signal: AbortSignal): ViewerSet {
  const eventBus = new viewer.EventBus();
  const linkService = new viewer.PDFLinkService({ eventBus });
  const findController = new viewer.PDFFindController({ eventBus, linkService });
  // pdf.js's own labels (a page's landmark, its editors' buttons and announcements) in the page's language, from our
  // message files (lib/i18n/pdfjs.ts; the page's <link type="application/l10n"> names them), instead of its English.
  const l10n = new viewer.GenericL10n(document.documentElement.lang || "vi");
  const pdfViewer = new viewer.PDFViewer({
    container,
    eventBus,
    linkService,
    findController,
    l10n,
    maxCanvasPixels: canvasPixels,
    textLayerMode: 1,
    annotationMode: lib.AnnotationMode.ENABLE,
    // NONE (not DISABLE): pdf.js sets up its annotation editor, idle until a tool is chosen.
    annotationEditorMode: lib.AnnotationEditorType.NONE,
    // Stops its resize observer and scroll listener on close (read by PDFViewer, not in its published types).
    ...({ abortSignal: signal } as object),
  });
  linkService.setViewer(pdfViewer);
  // Given its l10n, PDFViewer leaves translating to its host (as pdf.js's own viewer does for its whole page). Done once
  // page 1's text layer is in (or half a second after page 1 is drawn): translated from the start, pdf.js formatted
  // every page's landmark ("Trang 12") between the document's arrival and page 1's drawing, ~0.15 s of a throttled
  // tablet's main thread for 200 pages (CPU profile, bench/reader.ts; plain pdf.js pays it too). The labels of the
  // pages and of the editors' buttons follow a moment later; nothing visible waits for them.
  let translated = false;
  const translate = () => {
    if (translated || signal.aborted) return;
    translated = true;
    void l10n.translate(container);
  };
  eventBus.on("textlayerrendered", () => setTimeout(translate));
  eventBus.on("pagerendered", () => setTimeout(translate, 500));
  const set: ViewerSet = { pdfViewer, eventBus, linkService, uiManager: null };
  // The editor's manager is announced once page 1 has been read, after setDocument: kept for the notes (annotations.ts).
  eventBus.on("annotationeditoruimanager", (e: { uiManager: unknown }) => {
    set.uiManager = e.uiManager;
  });
  eventBus.on("pagesinit", () => {
    pdfViewer.currentScaleValue = "page-width";
    if (initialPage > 1 && initialPage <= pdfViewer.pagesCount) pdfViewer.currentPageNumber = initialPage;
  });
  return set;
}

/** The paper version's file (ranges, access checked on each): the same URL on the server's page and in the viewer. */
export const paperFileUrl = (documentId: string, version: number) => href(documentOps.file, { params: { documentId }, query: { version } });

/** Where pdf.js's files are served (app/pdfjs): versioned paths, cached for good. */
export function pdfjsAssets(version: string) {
  const base = `/pdfjs/${version}`;
  return { base, lib: `${base}/build/pdf.min.mjs`, viewer: `${base}/web/pdf_viewer.mjs`, worker: `${base}/build/pdf.worker.min.mjs`, l10n: `${base}/l10n/locale.json` };
}

/**
 * Papers up to this size are streamed whole (as pdf.js's own viewer does) while the ranges page 1 needs are asked
 * for beside the stream; larger ones are read in ranges only. On a busy tablet each range is a round trip through
 * the page's main thread (pdf.js's worker asks, the page fetches): page 1 of a 200-page paper took five of them in a
 * row, and the bench measured it 1.3× slower than streaming the 0.3 MB file. A large (scanned) paper is not
 * downloaded whole just to show its first page.
 */
export const STREAM_WHOLE_BELOW = 2 * 1024 * 1024;

/**
 * How a paper is opened: no fetching of the rest in the background (pdf.js's advice for range loading), streamed
 * whole only when small (above); page 1 is drawn from the first chunks, the rest is fetched as pages are reached.
 * The bytes come through `range` (paperTransport), not a URL: the page's own requests, the first one started at once.
 */
export function documentParams(version: string, size: number, ranged = false): DocumentInitParameters {
  const { base } = pdfjsAssets(version);
  return {
    disableAutoFetch: true,
    disableStream: ranged || size >= STREAM_WHOLE_BELOW,
    rangeChunkSize: ranged ? PAPER_CHUNK : UNNOTED_CHUNK,
    cMapUrl: `${base}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}/standard_fonts/`,
    wasmUrl: `${base}/wasm/`,
  };
}

/** The first request for a paper's bytes: the whole file (streamed) when small, else its first chunk. */
export const firstRequest = (size: number): RequestInit =>
  size < STREAM_WHOLE_BELOW ? {} : { headers: { Range: `bytes=0-${Math.min(UNNOTED_CHUNK, size) - 1}` } };

/** Bytes of the paper asked for before pdf.js asks: [b, e) and the promise of them. */
export interface HeldBytes {
  b: number;
  e: number;
  p: Promise<Uint8Array>;
}

/**
 * The byte ranges page 1 needs (noted by the server when it drew the first page's picture, FirstPage.ranges), asked
 * for all at once when `after` resolves, before pdf.js has started: pdf.js then finds them on the tablet when it asks
 * (paperTransport), instead of a round trip per range, one after the other, or the whole file. Self-contained: its
 * source is also part of the page's inline script (bootStartScript).
 */
export function prefetchRanges(url: string, ranges: ByteRange[], after: Promise<unknown>): HeldBytes[] {
  return ranges.map(([b, e]) => {
    const p = after
      .then(() => fetch(url, { headers: { Range: `bytes=${b}-${e - 1}` } }))
      .then((r) => (r.status === 206 ? r.arrayBuffer() : Promise.reject(new Error(`paper: HTTP ${r.status}`))))
      .then((x) => new Uint8Array(x));
    p.catch(() => {});
    return { b, e, p };
  });
}

/**
 * The paper's bytes for pdf.js, as a PDFDataRangeTransport (what Firefox gives pdf.js): the first request (`first`,
 * firstRequest) was started by the caller, on the reader's page before pdf.js's worker or library had arrived, so the
 * paper and pdf.js come down together instead of one after the other (pdf.js asks for a URL only once its worker has
 * started). With the ranges page 1 needs already asked for (`pre`, prefetchRanges), pdf.js reads those and nothing
 * else first; without them, a small paper's stream is fed to pdf.js as it arrives and a large one's first chunk is its
 * initial data. Further ranges are fetched when pdf.js asks (each checked for access by the file route, a lost one tried twice
 * more); `failed` rejects when the paper cannot be read. Self-contained: its source is also part of the page's inline
 * script (bootViewerScript), so it names nothing from outside itself.
 */
export async function paperTransport(lib: PdfLib, url: string, size: number, small: boolean, first: Promise<Response> | null, pre: HeldBytes[] | null = null) {
  // A small paper (`small`: under STREAM_WHOLE_BELOW) is streamed whole when its page-1 ranges were not noted, and
  // fetched whole in the background after page 1 (rest) when they were.
  const whole = small && !pre;
  const abort = new AbortController();
  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const bytes = async (r: Response, status: number) => {
    if (r.status !== status) throw new Error(`paper: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  const range = async (begin: number, end: number, priority: RequestPriority = "high") => {
    for (let tries = 1; ; tries++) {
      try {
        return await bytes(await fetch(url, { headers: { Range: `bytes=${begin}-${end - 1}` }, signal: abort.signal, priority }), 206);
      } catch (e) {
        if (abort.signal.aborted || tries === 3) throw e;
      }
    }
  };
  // With `pre` (prefetchRanges): pdf.js's requests are answered from the bytes already asked for where they cover
  // them (a request may span several), else, or should those have failed, from the network.
  const held: HeldBytes[] = pre ? [...pre] : [];
  const fromHeld = (begin: number, end: number): Promise<Uint8Array> | null => {
    const parts: Promise<Uint8Array>[] = [];
    for (let at = begin; at < end; ) {
      const h = held.find((x) => x.b <= at && at < x.e);
      if (!h) return null;
      const from = at - h.b;
      const to = Math.min(end, h.e) - h.b;
      parts.push(h.p.then((x) => x.subarray(from, to)));
      at = h.b + to;
    }
    return Promise.all(parts).then((xs) => {
      const out = new Uint8Array(end - begin);
      let o = 0;
      for (const x of xs) {
        out.set(x, o);
        o += x.length;
      }
      return out;
    });
  };
  const firstChunk = whole || pre ? null : await first!.then((r) => bytes(r, 206));
  const transport = new lib.PDFDataRangeTransport(size, firstChunk, false);
  transport.requestDataRange = (begin: number, end: number) => {
    const got = fromHeld(begin, end);
    // Nothing is handed to pdf.js once it has closed the document: it has no reader left for the range (an assertion).
    (got ? got.catch(() => range(begin, end)) : range(begin, end)).then(
      (chunk) => void (abort.signal.aborted || transport.onDataRange(begin, chunk)),
      (e) => abort.signal.aborted || fail(e),
    );
  };
  transport.abort = () => abort.abort();
  // rest(): once page 1 is drawn, the rest of a small paper read in noted ranges is asked for in the background (what
  // it lacks, at low priority, in pieces of at most 256 KB so that a page reached meanwhile waits
  // for its piece only), so that later pages need no round trip when reached.
  let resting = false;
  const rest = () => {
    if (resting || !pre || !small || abort.signal.aborted) return;
    resting = true;
    let at = 0;
    const gap = (b: number, e: number) => {
      for (let from = b; from < e; from += 262_144) {
        const to = Math.min(e, from + 262_144);
        const p = range(from, to, "low");
        p.catch(() => {});
        held.push({ b: from, e: to, p });
      }
    };
    for (const h of [...held].sort((x, y) => x.b - y.b)) {
      if (h.b > at) gap(at, h.b);
      at = Math.max(at, h.e);
    }
    if (at < size) gap(at, size);
  };
  if (whole && first) {
    first.then(async (r) => {
      if (r.status !== 200 || !r.body) throw new Error(`paper: HTTP ${r.status}`);
      const reader = r.body.getReader();
      abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => {}));
      for (;;) {
        const { done, value } = await reader.read();
        if (done || abort.signal.aborted) break;
        transport.onDataProgressiveRead(value);
      }
      if (!abort.signal.aborted) transport.onDataProgressiveDone();
    }).catch((e) => abort.signal.aborted || fail(e));
  }
  return { transport, failed, rest };
}

/** What was started for one paper URL: pdf.js, its viewer components and the document's loading task. */
export interface PaperStart {
  lib: PdfLib;
  viewer: Promise<ViewerLib>;
  task: PDFDocumentLoadingTask;
  /** Rejects when the paper's bytes cannot be had (paperTransport): pdf.js itself would wait for them for ever. */
  failed: Promise<never>;
  /** The viewer the page's inline script set up and gave the document to (null: none, the viewer sets one up). */
  booted: Promise<ViewerSet | null>;
  /** Ends the viewer's listeners (given to PDFViewer as its abortSignal). */
  abort: AbortController;
  /** Once page 1 is drawn: the rest of a small paper read in ranges is fetched in the background (paperTransport). */
  rest(): void;
  /**
   * Ends the worker the page's script started for this document (given to getDocument as `worker`, so the task does
   * not end it itself; one shared through GlobalWorkerOptions.workerPort could not serve the next document while the
   * first was being destroyed). Nothing to do for a document that started its own worker.
   */
  release(): void;
}
interface BootGlobal {
  __ocPaper?: { url: string; start: Promise<PaperStart> };
}

/** The longest pdf.js's downloads wait for the first page's picture (bootStartScript). */
const PICTURE_FIRST_MS = 1000;

/** What the page's first inline script started, for its second (bootStartScript, bootViewerScript). */
const BOOT_GLOBAL = "__ocBoot";

/**
 * The inline scripts of the reader's page: the same steps as startPaper, in plain JavaScript (they run before any of
 * the app's bundles). Meant for `<script type="module" async>`: such a script runs as soon as it is parsed, without
 * waiting for the page's stylesheets (a classic inline script would, and would hold up the parser with it); its
 * dynamic imports carry its nonce. Two of them:
 * - this one (~1 KB, first in the page, before any classic script: the parser stops at one of those until the
 *   stylesheets are in) asks for pdf.js's worker and library and the paper's first bytes, as soon as the first page's
 *   picture is in;
 * - bootViewerScript (~4 KB, after the reader's panel) gives pdf.js those bytes and sets its viewer up on the
 *   server-rendered container. Kept apart so the page's first piece of HTML stays small enough for React to send the
 *   panel in it (the paper page).
 */
export function bootStartScript(url: string, version: string, size: number, picture: string | null, nonce?: string, ranges: ByteRange[] | null = null): string {
  const a = pdfjsAssets(version);
  const j = JSON.stringify;
  // With a first-page picture (firstpage.ts), pdf.js's downloads (~0.9 MB: worker, library, viewer, paper) wait until
  // the picture is in, at most PICTURE_FIRST_MS: started at once, they shared the tablet's bandwidth with it, and the
  // picture, the page the member sees first, arrived last (bench/RESULTS-reader.md). pdf.js needs all of them before
  // it draws page 1 either way, so on a slow link it ends about when it would have; on a fast one the wait is short.
  // Two waits: the downloads start when the picture's bytes are in (`pic`, its load event); pdf.js's library is run
  // only once the picture is on screen (`shown`: after the frame that shows it, a timeout set in the next animation
  // frame). Run at the load event, the library, from the cache on a tablet that had read a paper before, was compiled
  // and run in the very task that frame waited for (0.1-0.7 s on the bench's tablet); asked for only after that frame,
  // the downloads began 0.2-0.45 s after the picture was in, while the page's own scripts ran. The library and the
  // viewer are fetched as module preloads (fetched and compiled, not run: the viewer reads the library's global when it
  // is run), both at once instead of one after the other.
  const pic = picture
    ? `new Promise((r)=>{const i=new Image();i.onload=i.onerror=r;i.src=${j(picture)};setTimeout(r,${PICTURE_FIRST_MS});})`
    : "Promise.resolve()";
  // (The frame waited for no longer than PICTURE_FIRST_MS either: a hidden tab draws no frames.)
  const shown = picture ? `pic.then(()=>new Promise((r)=>{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,${PICTURE_FIRST_MS});}))` : "pic";
  // The worker's script is fetched at high priority and started from a blob: a Worker's own request is a low-priority
  // one, queued behind Next's scripts on the browser's six connections (bench/reader.ts: asked for ~0.6 s after this
  // script ran, cold). Its URLs for CMaps, fonts and decoders are then made absolute (a blob has no path to resolve
  // them against). Should the fetch fail, the worker is started from its URL.
  // window[FIRST_DRAWN_GLOBAL] resolves when the viewer here has drawn a page, or when there will be none from here
  // (no container, a failed paper or worker): the reader's panel waits for it before it is hydrated (first-drawn.ts).
  const preload = `for(const h of [${j(a.lib)},${j(a.viewer)}]){const l=document.createElement("link");l.rel="modulepreload";l.href=h;${nonce ? `l.nonce=${j(nonce)};` : ""}document.head.append(l);}`;
  return `(()=>{performance.mark("reader:boot");let drawn;window[${j(FIRST_DRAWN_GLOBAL)}]={path:location.pathname,drawn:new Promise((r)=>drawn=r)};` +
    `const src=${j(a.worker)},pic=${pic},shown=${shown};pic.then(()=>{${preload}});` +
    `const w=pic.then(()=>fetch(src,{priority:"high"})).then((r)=>r.ok?r.blob():Promise.reject()).then((b)=>new Worker(URL.createObjectURL(b),{type:"module"}),()=>new Worker(src,{type:"module"}));` +
    // The paper: the ranges page 1 needs when the server noted them (prefetchRanges), else its first request.
    (ranges
      ? `const first=null,pre=(${prefetchRanges.toString()})(${j(url)},${j(ranges)},pic);`
      : `const pre=null,first=pic.then(()=>fetch(${j(url)},${j(firstRequest(size))}));first.catch(()=>{});`) +
    `const lib=shown.then(()=>import(${j(a.lib)}));lib.catch(drawn);` +
    `window[${j(BOOT_GLOBAL)}]={url:${j(url)},w,first,pre,lib,drawn};})();`;
}

/** The second of the reader page's inline scripts (see bootStartScript): pdf.js's viewer on what the first started. */
export function bootViewerScript(url: string, version: string, size: number, initialPage: number, marks: Omit<PageMarks, "changed">, ranged = false): string {
  const a = pdfjsAssets(version);
  const j = JSON.stringify;
  // pdf_viewer.mjs reads globalThis.pdfjsLib when it is evaluated: imported once the library is in.
  return `(()=>{const b=window[${j(BOOT_GLOBAL)}];if(!b||b.url!==${j(url)})return;const{w,first,pre,drawn}=b,url=b.url,size=${size},abs=(u)=>new URL(u,location.href).href;` +
    `const paperTransport=${paperTransport.toString()};const setUpViewer=${setUpViewer.toString()};const stampPage=${stampPage.toString()};` +
    `const marksHtml=${marksHtml.toString()};const dropFirstPage=${dropFirstPage.toString()};` +
    `const maxCanvasPixels=${maxCanvasPixels.toString()};const marks=Object.assign(${j(marks)},{changed:new Set()});` +
    `window.__ocPaper={url,start:b.lib.then(async(lib)=>{lib.GlobalWorkerOptions.workerSrc=${j(a.worker)};globalThis.pdfjsLib=lib;` +
    `const viewer=import(${j(a.viewer)}),abort=new AbortController(),port=await w,worker=new lib.PDFWorker({port}),release=()=>{worker.destroy();port.terminate();};` +
    `try{const{transport,failed,rest}=await paperTransport(lib,url,size,${size < STREAM_WHOLE_BELOW},first,pre);const p=${j(documentParams(version, size, ranged))};` +
    `const task=lib.getDocument(Object.assign(p,{cMapUrl:abs(p.cMapUrl),standardFontDataUrl:abs(p.standardFontDataUrl),wasmUrl:abs(p.wasmUrl),worker,range:transport}));` +
    // The viewer, on the server-rendered container once the page is parsed: pdf.js draws page 1 while React hydrates.
    `const booted=viewer.then(async(v)=>{if(document.readyState==="loading")await new Promise((r)=>document.addEventListener("DOMContentLoaded",r,{once:true}));` +
    `const c=document.getElementById(${j(PAPER_CONTAINER_ID)});if(!c||abort.signal.aborted)return null;` +
    `const set=setUpViewer(lib,v,c,maxCanvasPixels(navigator.maxTouchPoints>0),${initialPage},abort.signal);` +
    `set.eventBus.on("pagerendered",(e)=>{stampPage(e.source.div,e.pageNumber,marks,marksHtml);dropFirstPage(c);rest();drawn();});` +
    `task.promise.then((d)=>{if(abort.signal.aborted)return;performance.mark("reader:document");set.pdfViewer.setDocument(d);set.linkService.setDocument(d,null);},drawn);return set;}).catch(()=>null);` +
    `booted.then((set)=>set||drawn());failed.catch(drawn);` +
    `return{lib,task,viewer,failed,release,booted,abort,rest};}` +
    `catch(e){release();throw e;}})};window.__ocPaper.start.catch(drawn);})();`;
}

/**
 * What the page's inline script started for this URL (once), else the same started now. `ranges`: what page 1 needs
 * (FirstPage.ranges), when the paper opens at page 1.
 */
export function takePaper(url: string, version: string, size: number, ranges: ByteRange[] | null = null): Promise<PaperStart> {
  const g = window as BootGlobal;
  const booted = g.__ocPaper;
  if (booted?.url === url) {
    delete g.__ocPaper;
    return booted.start;
  }
  return startPaper(url, version, size, ranges);
}

let loaded: Promise<PdfLib> | undefined;
/** pdf.js's viewer reads its library from globalThis.pdfjsLib when its module is evaluated: the library first. */
function startPaper(url: string, version: string, size: number, ranges: ByteRange[] | null): Promise<PaperStart> {
  const a = pdfjsAssets(version);
  const pre = ranges ? prefetchRanges(url, ranges, Promise.resolve()) : null;
  const first = pre ? null : fetch(url, firstRequest(size));
  first?.catch(() => {});
  loaded ??= (import(/* webpackIgnore: true */ /* turbopackIgnore: true */ a.lib) as Promise<PdfLib>).then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = a.worker;
    (globalThis as { pdfjsLib?: PdfLib }).pdfjsLib = lib;
    return lib;
  });
  return loaded.then(async (lib) => {
    const { transport, failed, rest } = await paperTransport(lib, url, size, size < STREAM_WHOLE_BELOW, first, pre);
    return {
      lib,
      task: lib.getDocument({ ...documentParams(version, size, !!pre), range: transport }),
      viewer: import(/* webpackIgnore: true */ /* turbopackIgnore: true */ a.viewer) as Promise<ViewerLib>,
      failed,
      booted: Promise.resolve(null),
      abort: new AbortController(),
      release: () => {},
      rest,
    };
  });
}

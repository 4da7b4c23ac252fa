"use client";
// The paper viewer: pdf.js's own viewer components (PDFViewer, EventBus, PDFLinkService, PDFFindController, its
// TouchManager for pinch), set up the way pdf.js's viewer app does for tablets, without React. The reader panel
// (PaperReader.tsx) drives it and listens to it; the benchmark opens the same page.
import type { PDFDocumentProxy } from "pdfjs-dist";
import type { EventBus, PDFViewer } from "pdfjs-dist/web/pdf_viewer.mjs";
import { maxCanvasPixels, setUpViewer, takePaper, type PdfLib } from "./boot";
import type { ByteRange } from "@/lib/reading/paper-bytes";
/** pdf.js's app waits this long after a zoom gesture before drawing at the new scale (CSS-scaled meanwhile). */
const ZOOM_DELAY = 400;

export type FitMode = "page-width" | "page-fit";

export interface ViewerEvents {
  /** The page in view changed (1-based). */
  onPage?: (page: number) => void;
  onScale?: (scale: number, preset: string | undefined) => void;
  /** A page's drawing finished: its element (for marks laid over it) and its number. */
  onPageRendered?: (div: HTMLElement, page: number) => void;
  onFind?: (result: { current: number; total: number; state: "found" | "notFound" | "pending" | "wrapped" }) => void;
  /** The first page is visible (for the benchmark and the read receipt). */
  onFirstPage?: () => void;
}

export interface OpenOptions extends ViewerEvents {
  container: HTMLDivElement;
  url: string;
  /** The installed pdfjs-dist's version: where its modules are served (boot.ts). */
  pdfjsVersion: string;
  /** The file's size in bytes: a small one is streamed whole (boot.ts). */
  size: number;
  initialPage: number;
  touch: boolean;
  /** The byte ranges page 1 needs (FirstPage.ranges), when it opens at page 1: asked for first (boot.ts). */
  ranges?: ByteRange[] | null;
}

export class PaperViewer {
  /** pdf.js's AnnotationEditorUIManager (internal API of the pinned version). */
  uiManager: unknown = null;
  private constructor(
    readonly lib: PdfLib,
    readonly pdfViewer: PDFViewer,
    readonly eventBus: EventBus,
    readonly document: PDFDocumentProxy,
    private readonly abort: AbortController,
    private readonly loading: { destroy(): Promise<void> },
  ) {}

  static async open(o: OpenOptions): Promise<PaperViewer> {
    // The reader:* marks are the steps of opening a paper on the page's timeline (bench/reader.ts reports them).
    performance.mark("reader:open");
    // Started by the page's inline script before React hydrated, or now (boot.ts); the document is already loading.
    const { lib, task, viewer: viewerModule, failed, release, booted, abort, rest } = await takePaper(o.url, o.pdfjsVersion, o.size, o.ranges ?? null);
    const loading = { promise: Promise.race([task.promise, failed]), destroy: () => task.destroy().finally(release) };
    const viewer = await viewerModule.catch((e) => {
      void loading.destroy();
      throw e;
    });
    // The viewer the page's inline script set up (page 1 may be drawn already), if it is on this container; else a new one.
    const fromBoot = await booted;
    const set = fromBoot?.pdfViewer.container === o.container ? fromBoot : setUpViewer(lib, viewer, o.container, maxCanvasPixels(o.touch), o.initialPage, abort.signal);
    const { pdfViewer, eventBus, linkService } = set;
    let opened: PaperViewer | null = null;
    eventBus.on("annotationeditoruimanager", (e: { uiManager: unknown }) => {
      if (opened) opened.uiManager = e.uiManager;
    });
    eventBus.on("pagechanging", (e: { pageNumber: number }) => o.onPage?.(e.pageNumber));
    eventBus.on("scalechanging", (e: { scale: number; presetValue?: string }) => o.onScale?.(e.scale, e.presetValue));
    let first = false;
    const rendered = (div: HTMLElement, pageNumber: number) => {
      o.onPageRendered?.(div, pageNumber);
      if (!first) {
        first = true;
        rest();
        o.onFirstPage?.();
      }
    };
    eventBus.on("pagerendered", (e: { source: { div: HTMLElement }; pageNumber: number }) => rendered(e.source.div, e.pageNumber));
    // What happened before React took the viewer over: pages drawn, the page and scale shown.
    for (let i = 0; i < pdfViewer.pagesCount; i++) {
      const pageView = pdfViewer.getPageView(i);
      if (pageView?.renderingState === viewer.RenderingStates.FINISHED) rendered(pageView.div, i + 1);
    }
    if (pdfViewer.pagesCount > 0) {
      o.onPage?.(pdfViewer.currentPageNumber);
      o.onScale?.(pdfViewer.currentScale, pdfViewer.currentScaleValue);
    }
    const FIND_STATE = ["found", "notFound", "wrapped", "pending"] as const;
    const findResult = (state: number, counts: { current: number; total: number } | undefined) =>
      o.onFind?.({ current: counts?.current ?? 0, total: counts?.total ?? 0, state: FIND_STATE[state] ?? "pending" });
    eventBus.on("updatefindcontrolstate", (e: { state: number; matchesCount?: { current: number; total: number } }) => findResult(e.state, e.matchesCount));
    eventBus.on("updatefindmatchescount", (e: { matchesCount: { current: number; total: number } }) => findResult(0, e.matchesCount));

    // Pinch to zoom as pdf.js's app does it: CSS scaling while the fingers move, drawn sharp after a pause.
    let unused = 1;
    new lib.TouchManager({
      container: o.container,
      signal: abort.signal,
      onPinching: (origin: [number, number], prev: number, now: number) => {
        unused *= now / prev;
        if (Math.abs(unused - 1) < 0.02) return;
        pdfViewer.updateScale({ scaleFactor: unused, origin, drawingDelay: ZOOM_DELAY });
        unused = 1;
      },
      onPinchEnd: () => {
        unused = 1;
      },
    } as ConstructorParameters<PdfLib["TouchManager"]>[0]);

    let document: PDFDocumentProxy;
    try {
      document = await loading.promise;
    } catch (e) {
      abort.abort();
      void loading.destroy();
      throw e;
    }
    if (pdfViewer.pdfDocument !== document) {
      performance.mark("reader:document");
      pdfViewer.setDocument(document);
      linkService.setDocument(document, null);
    }
    opened = new PaperViewer(lib, pdfViewer, eventBus, document, abort, loading);
    opened.uiManager = set.uiManager;
    return opened;
  }

  get page() {
    return this.pdfViewer.currentPageNumber;
  }
  get pageCount() {
    return this.pdfViewer.pagesCount;
  }
  goTo(page: number) {
    const p = Math.min(Math.max(1, Math.round(page)), this.pageCount);
    this.pdfViewer.currentPageNumber = p;
  }
  next() {
    this.pdfViewer.nextPage();
  }
  previous() {
    this.pdfViewer.previousPage();
  }
  zoom(steps: number) {
    this.pdfViewer.updateScale({ steps, drawingDelay: 0 });
  }
  fit(mode: FitMode) {
    this.pdfViewer.currentScaleValue = mode;
  }

  /** Searches the paper: all hits highlighted, the current one scrolled into view; diacritics optional ("tai lieu" finds "tài liệu"). */
  find(query: string, opts: { again?: boolean; previous?: boolean } = {}) {
    this.eventBus.dispatch("find", {
      source: this,
      type: opts.again ? "again" : "",
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: !!opts.previous,
      matchDiacritics: false,
    });
  }
  closeFind() {
    this.eventBus.dispatch("findbarclose", { source: this });
  }

  async destroy() {
    this.abort.abort();
    this.pdfViewer.setDocument(null as unknown as PDFDocumentProxy);
    await this.loading.destroy();
  }
}

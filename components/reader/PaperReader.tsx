"use client";
// A briefing paper in the app: pdf.js's viewer (viewer.ts) with a tablet toolbar — page turning by swipe, keys,
// buttons and "go to page"; zoom by pinch and buttons; fit width / page; thumbnails; find with every hit marked —
// the reader's name, the time and the paper's confidentiality mark over every page, and read receipts in batches.
// Its styles (pdf.js's viewer CSS, reader.css) are imported by ReaderDeferred.tsx: they must be in the page's head
// before this panel's code arrives, for the page the inline script draws in the meantime.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";
import { href } from "@/lib/http/operation";
import { documentOps } from "@/lib/documents/operations";
import type { ReaderView } from "@/lib/reading/queries";
import { PaperViewer, type FitMode } from "./viewer";
import { initialPageOf, paperFileUrl, PAPER_CONTAINER_ID, shownVersion } from "./boot";
import { marksHtml, stampPage } from "./marks";
import { dropFirstPage, firstPageUrl, viewerHtml } from "./firstpage";
import { Thumbnails } from "./Thumbnails";
import { useReadingReport } from "./useReadingReport";
import { PaperNotes, type EditorTool } from "./annotations";
import { MyNotes } from "./MyNotes";
import { useVersionNews } from "./useVersionNews";
import { VersionNotices } from "./VersionNotices";
import { useRouter } from "next/navigation";
import { getSocket } from "@/lib/realtime/client";
import { liveEventSchemas, userEventSchemas } from "@/lib/realtime/events";
import type { AnnotationJson } from "@/lib/annotations/schema";
import { ReaderFollow } from "@/components/live/ReaderFollow";

/** A tool button (globals.css): one class, so the panel's HTML stays within the page's first piece (see the page). */
const TOOL = "oc-tool";
const MARK: Record<string, string> = { CONFIDENTIAL: "bg-orange-100 text-orange-900 border-orange-300", SECRET: "bg-red-100 text-red-900 border-red-300" };

/** A toolbar icon: one stroked path, sized for the 44 px buttons it sits in. */
const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 24 24" className="oc-icon" aria-hidden="true"><path d={d} /></svg>
);

/** A horizontal flick turns the page; vertical movement stays scrolling. */
function useSwipe(el: HTMLElement | null, onSwipe: (dir: 1 | -1) => void) {
  useEffect(() => {
    if (!el) return;
    let start: { x: number; y: number; t: number } | null = null;
    const down = (e: TouchEvent) => {
      start = e.touches.length === 1 ? { x: e.touches[0].clientX, y: e.touches[0].clientY, t: e.timeStamp } : null;
    };
    const up = (e: TouchEvent) => {
      if (!start || e.changedTouches.length !== 1) return;
      const dx = e.changedTouches[0].clientX - start.x;
      const dy = e.changedTouches[0].clientY - start.y;
      const quick = e.timeStamp - start.t < 600;
      start = null;
      if (quick && Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
    };
    el.addEventListener("touchstart", down, { passive: true });
    el.addEventListener("touchend", up, { passive: true });
    return () => {
      el.removeEventListener("touchstart", down);
      el.removeEventListener("touchend", up);
    };
  }, [el, onSwipe]);
}

/** `watermark`: the reader's name and the time the paper was opened, in words from the server (page.tsx), which the
 * page's inline script lays over pages drawn before React has hydrated. */
export function PaperReader({ view, watermark, startPage, version, pdfjsVersion }: { view: ReaderView; watermark: string; startPage?: number; version?: number; pdfjsVersion: string }) {
  const t = useTranslations("reader");
  const tn = useTranslations("reader.notes");
  const notes = useRef<PaperNotes | null>(null);
  const [tool, setTool] = useState<EditorTool>("NONE");
  const [share, setShare] = useState(false);
  const [notesOpen, setNotesOpen] = useState(false);
  const [picked, setPicked] = useState<string | null>(null);
  const [mine, setMine] = useState<AnnotationJson[]>([]);
  const [saveFailed, setSaveFailed] = useState(false);
  const tc = useTranslations("confidentiality");
  const newest = view.versions[0];
  const shown = shownVersion(view, version);
  const [paperNotes, setPaperNotes] = useState<PaperNotes | null>(null);
  const router = useRouter();
  const paperUrl = `/meetings/${view.meeting.id}/papers/${view.document.id}`;
  const container = useRef<HTMLDivElement>(null);
  const [viewer, setViewer] = useState<PaperViewer | null>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [page, setPage] = useState(view.lastRead?.page ?? 1);
  const [pageInput, setPageInput] = useState(String(view.lastRead?.page ?? 1));
  const [scale, setScale] = useState(1);
  const [thumbs, setThumbs] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ current: number; total: number; state: string } | null>(null);
  const report = useReadingReport(view.document.id, shown.number, view.recordsReading);
  const mark = view.document.confidentiality !== "NORMAL" ? tc(view.document.confidentiality) : null;
  const news = useVersionNews({ documentId: view.document.id, shown: shown.number, latest: newest.number, readBefore: view.readBefore, participant: view.participant, notes: paperNotes });
  const changedPages = useMemo(() => new Set(news.changed?.pages ?? []), [news.changed]);
  const changedLabel = t("versions.changedPage", { since: news.changed?.since ?? 0 });
  const marks = useRef({ watermark, mark, changed: changedPages, changedLabel });
  marks.current = { watermark, mark, changed: changedPages, changedLabel };
  // Pages drawn before the changes arrived get their mark now.
  useEffect(() => {
    if (!viewer || changedPages.size === 0) return;
    for (const p of changedPages) {
      const div = viewer.pdfViewer.getPageView(p - 1)?.div as HTMLElement | undefined;
      if (div?.querySelector(".oc-marks")) stampPage(div, p, marks.current, marksHtml);
    }
  }, [viewer, changedPages]);
  // The viewer container's content: pdf.js's viewer element, and the first page's picture when the paper opens on
  // page 1 (firstpage.ts). Made once per version shown, the same on the server and here: React sets it again only for
  // another version (whose viewer is set up anew), never under a viewer drawing in it (a refreshed page's new
  // watermark time does not count).
  const viewerContent = useRef<{ version: string; html: { __html: string } } | null>(null);
  const versionKey = `${view.document.id}:${shown.number}`;
  if (viewerContent.current?.version !== versionKey) {
    const picture = shown.firstPage && initialPageOf(view, shown, startPage) === 1
      ? { url: firstPageUrl(view.document.id, shown.number), size: shown.firstPage, alt: t("firstPageAlt"), marks: { watermark, mark, changed: new Set<number>(), changedLabel: "" } }
      : null;
    viewerContent.current = { version: versionKey, html: { __html: viewerHtml(picture) } };
  }
  const openLatest = () => {
    router.push(paperUrl);
    router.refresh();
  };

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let live = true;
    let opened: PaperViewer | null = null;
    setFailed(false);
    const initialPage = initialPageOf(view, shown, startPage);
    PaperViewer.open({
      container: el,
      url: paperFileUrl(view.document.id, shown.number),
      pdfjsVersion,
      size: shown.size,
      initialPage,
      ranges: (initialPage === 1 && shown.firstPage?.ranges) || null,
      touch: navigator.maxTouchPoints > 0,
      onPage: (p) => {
        setPage(p);
        setPageInput(String(p));
        report.seen(p);
      },
      onScale: (s) => setScale(s),
      onFind: setFound,
      onPageRendered: (div, p) => {
        stampPage(div, p, marks.current, marksHtml);
        dropFirstPage(el);
      },
      onFirstPage: () => {
        document.documentElement.dataset.firstPage = String(performance.now());
        report.seen(initialPage);
      },
    }).then(
      (v) => {
        if (!live) return void v.destroy();
        opened = v;
        setViewer(v);
        setDoc(v.document);
        const n = new PaperNotes(v, view.document.id, shown.number, view.viewerId, {
          onMine: setMine, onError: () => setSaveFailed(true), onMode: setTool,
          onPick: (clientId) => {
            setNotesOpen(true);
            setPicked(clientId);
          },
        });
        notes.current = n;
        n.load().then(() => live && setPaperNotes(n), () => setSaveFailed(true));
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      void notes.current?.sync();
      notes.current = null;
      setPaperNotes(null);
      void opened?.destroy();
      setViewer(null);
      setDoc(null);
    };
    // The viewer opens once per paper version (and on "try again"); its callbacks read refs and stable hooks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.document.id, shown.number, attempt]);

  // Live notes: shared ones from the paper's readers (the meeting's rooms), one's own from one's other devices.
  useEffect(() => {
    if (!viewer) return;
    const socket = getSocket();
    const meetingId = view.meeting.id;
    // Once in the meeting's rooms (first join, every reconnect), the notes shared meanwhile are fetched; the page's
    // element says so (bench/reader.ts waits for it before it shares a note with open readers).
    const join = () =>
      socket.emit("meeting:join", { meetingId, version: view.meeting.version }, () => {
        document.documentElement.dataset.readerJoined = String(performance.now());
        notes.current?.catchUp().catch(() => {});
      });
    const onShared = (raw: unknown) => {
      const p = liveEventSchemas["annotation.shared"].safeParse(raw);
      if (p.success) notes.current?.shared(p.data.annotation);
    };
    const onRemoved = (raw: unknown) => {
      const p = liveEventSchemas["annotation.removed"].safeParse(raw);
      if (p.success) notes.current?.removed(p.data);
    };
    const onChanged = (raw: unknown) => {
      const p = userEventSchemas["annotation.changed"].safeParse(raw);
      if (p.success) void notes.current?.changed(p.data);
    };
    socket.on("connect", join);
    socket.on("annotation.shared", onShared);
    socket.on("annotation.removed", onRemoved);
    socket.on("annotation.changed", onChanged);
    if (socket.connected) join();
    return () => {
      socket.off("connect", join);
      socket.off("annotation.shared", onShared);
      socket.off("annotation.removed", onRemoved);
      socket.off("annotation.changed", onChanged);
    };
  }, [viewer, view.meeting.id, view.meeting.version]);

  const chooseTool = (next: EditorTool) => {
    notes.current?.setTool(tool === next ? "NONE" : next);
  };
  useEffect(() => {
    if (notes.current) notes.current.share = share;
  }, [share, viewer]);

  const turn = useCallback((dir: 1 | -1) => (dir > 0 ? viewer?.next() : viewer?.previous()), [viewer]);
  // While a tool is in hand the finger draws or selects: no page turning by swipe.
  useSwipe(tool === "NONE" ? container.current : null, turn);

  useEffect(() => {
    if (!viewer) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("input, textarea, [contenteditable=true], [contenteditable='']") || tool !== "NONE") return;
      if ((e.ctrlKey || e.metaKey) && e.key === "f") {
        e.preventDefault();
        setFindOpen(true);
        return;
      }
      const act: Record<string, () => void> = {
        ArrowRight: () => viewer.next(), PageDown: () => viewer.next(), ArrowLeft: () => viewer.previous(), PageUp: () => viewer.previous(),
        Home: () => viewer.goTo(1), End: () => viewer.goTo(viewer.pageCount),
      };
      if (act[e.key] && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        act[e.key]();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [viewer, tool]);

  const goToTyped = () => {
    const n = Number(pageInput);
    if (viewer && Number.isInteger(n)) viewer.goTo(n);
    else setPageInput(String(page));
  };
  const fit = (m: FitMode) => viewer?.fit(m);
  const closeFind = () => {
    setFindOpen(false);
    setFound(null);
    viewer?.closeFind();
  };

  return (
    <div className="fixed inset-0 flex flex-col bg-slate-200" data-testid="reader">
      <header className="flex flex-wrap items-center gap-1 border-b border-slate-300 bg-white px-2 py-1" role="toolbar" aria-label={t("toolbar")}>
        {/* The title takes its own row on a portrait tablet, the tools the next. */}
        <div className="mr-2 flex min-w-0 basis-full items-center gap-2 lg:basis-0 lg:flex-1">
          <Link href={`/meetings/${view.meeting.id}`} className={TOOL} aria-label={t("back")} title={t("back")}>←</Link>
          <h1 className="min-w-0 truncate font-semibold text-slate-900" title={view.document.title}>{view.document.title}</h1>
          {mark && <span className={`shrink-0 rounded border px-1.5 text-xs font-bold uppercase ${MARK[view.document.confidentiality]}`} data-testid="reader-mark">{mark}</span>}
          <span className="shrink-0 whitespace-nowrap text-xs text-slate-600">{t("version", { version: shown.number })}</span>
        </div>
        <button type="button" className={TOOL} aria-pressed={thumbs} onClick={() => setThumbs((v) => !v)} aria-label={t("thumbnails")} title={t("thumbnails")}><Icon d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z" /></button>
        <button type="button" className={TOOL} aria-pressed={findOpen} onClick={() => (findOpen ? closeFind() : setFindOpen(true))} aria-label={t("find")} title={t("find")}><Icon d="M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13zM15.5 15.5L21 21" /></button>
        {view.mayDownload && (
          <a className={TOOL} href={href(documentOps.download, { params: { documentId: view.document.id }, query: { version: shown.number } })} download
            aria-label={t("download")} title={t("download")} data-testid="reader-download"><Icon d="M12 4v11M7 10l5 5l5-5M5 20h14" /></a>
        )}
        <button type="button" className={TOOL} onClick={() => viewer?.previous()} disabled={!viewer || page <= 1} aria-label={t("previous")} title={t("previous")}>‹</button>
        <label className="flex items-center gap-1 text-sm">
          <span className="sr-only">{t("goToPage")}</span>
          <input value={pageInput} inputMode="numeric" onChange={(e) => setPageInput(e.target.value.replace(/\D/g, ""))}
            onKeyDown={(e) => e.key === "Enter" && goToTyped()} onBlur={goToTyped} aria-label={t("goToPage")} data-testid="page-input"
            className="h-11 w-14 rounded-lg border border-slate-300 text-center" />
          <span className="whitespace-nowrap" data-testid="page-count">{t("pageOf", { count: doc?.numPages ?? shown.pageCount })}</span>
        </label>
        <button type="button" className={TOOL} onClick={() => viewer?.next()} disabled={!viewer || page >= (doc?.numPages ?? 1)} aria-label={t("next")} title={t("next")}>›</button>
        <button type="button" className={TOOL} onClick={() => viewer?.zoom(-1)} disabled={!viewer} aria-label={t("zoomOut")} title={t("zoomOut")}>−</button>
        <span className="w-12 text-center text-sm tabular-nums" aria-label={t("zoom", { percent: Math.round(scale * 100) })} data-testid="zoom">{Math.round(scale * 100)}%</span>
        <button type="button" className={TOOL} onClick={() => viewer?.zoom(1)} disabled={!viewer} aria-label={t("zoomIn")} title={t("zoomIn")}>+</button>
        <button type="button" className={`${TOOL} text-sm`} onClick={() => fit("page-width")} disabled={!viewer}>{t("fitWidth")}</button>
        <button type="button" className={`${TOOL} text-sm`} onClick={() => fit("page-fit")} disabled={!viewer}>{t("fitPage")}</button>
      </header>
      {findOpen && (
        <form role="search" className="flex items-center gap-1 border-b border-slate-300 bg-slate-50 px-2 py-1"
          onSubmit={(e) => { e.preventDefault(); viewer?.find(query, { again: true }); }}>
          <input autoFocus type="search" value={query} placeholder={t("findPlaceholder")} aria-label={t("find")} data-testid="find-input"
            onChange={(e) => { setQuery(e.target.value); viewer?.find(e.target.value); }}
            className="h-11 min-w-0 flex-1 rounded-lg border border-slate-300 px-3" />
          <span className="min-w-20 text-center text-sm" data-testid="find-count" aria-live="polite">
            {found && query ? (found.total > 0 ? t("findCount", { current: found.current, total: found.total }) : found.state === "notFound" ? t("findNone") : "") : ""}
          </span>
          <button type="button" className={TOOL} onClick={() => viewer?.find(query, { again: true, previous: true })} aria-label={t("findPrevious")}>↑</button>
          <button type="submit" className={TOOL} aria-label={t("findNext")}>↓</button>
          <button type="button" className={TOOL} onClick={closeFind} aria-label={t("findClose")}>✕</button>
        </form>
      )}
      {/* During the meeting: the presenter's paper and page, for those who follow (components/live/ReaderFollow.tsx). */}
      <ReaderFollow meetingId={view.meeting.id} documentId={view.document.id} viewer={viewer} page={page} />
      {view.participant && (
        <div role="toolbar" aria-label={tn("tools")} className="flex flex-wrap items-center gap-1 border-b border-slate-300 bg-white px-2 py-1" data-testid="note-tools">
          {(["HIGHLIGHT", "INK", "NOTE"] as const).map((k) => (
            <button key={k} type="button" className={`${TOOL} text-sm ${tool === k ? "bg-brand-100 ring-2 ring-brand-600" : ""}`} aria-pressed={tool === k} disabled={!viewer}
              onClick={() => chooseTool(k)}>{tn(k === "HIGHLIGHT" ? "highlight" : k === "INK" ? "pen" : "note")}</button>
          ))}
          <button type="button" className={`${TOOL} text-sm`} onClick={() => notes.current?.undo()} disabled={!viewer}>{tn("undo")}</button>
          <label className="ml-2 inline-flex min-h-11 items-center gap-2 text-sm" title={tn("shareHint")}>
            <input type="checkbox" className="h-5 w-5" checked={share} onChange={(e) => setShare(e.target.checked)} />
            {tn("share")}
          </label>
          <button type="button" className={`${TOOL} ml-auto text-sm`} aria-pressed={notesOpen} onClick={() => setNotesOpen((o) => !o)} data-testid="my-notes-toggle">
            {tn("mine")} ({mine.length})
          </button>
          {saveFailed && <span role="alert" className="text-sm text-red-800">{tn("saveFailed")}</span>}
        </div>
      )}
      <VersionNotices news={news} shown={shown.number} latest={newest.number} paperUrl={paperUrl} onOpenLatest={openLatest} onJump={(p) => viewer?.goTo(p)} />
      <div className="relative flex min-h-0 flex-1">
        {thumbs && doc && viewer && <Thumbnails doc={doc} current={page} onPick={(p) => viewer.goTo(p)} />}
        <div className="relative min-w-0 flex-1">
          {/* pdf.js's viewer (its .pdfViewer inside) may be set up and drawing before React hydrates (boot.ts):
              React never looks inside it. position inline: pdf.js insists on it, perhaps before the stylesheet. */}
          <div ref={container} id={PAPER_CONTAINER_ID} className="oc-paper absolute inset-0 overflow-auto" style={{ position: "absolute" }}
            data-testid="paper-viewer" tabIndex={-1} dangerouslySetInnerHTML={viewerContent.current.html} />
          {!doc && !failed && <p className="absolute inset-x-0 top-8 text-center text-slate-700" role="status">{t("loading")}</p>}
          {failed && (
            <div role="alert" className="absolute inset-x-4 top-8 mx-auto max-w-md rounded-xl border border-red-300 bg-white p-4 text-center">
              <p>{t("failed")}</p>
              <button type="button" className={`${TOOL} mt-2 bg-brand-600 px-4 text-white hover:bg-brand-700`} onClick={() => setAttempt((a) => a + 1)}>{t("retry")}</button>
            </div>
          )}
        </div>
        {notesOpen && (
          <MyNotes meetingId={view.meeting.id} documentId={view.document.id} notes={mine} picked={picked}
            onClose={() => { setNotesOpen(false); setPicked(null); }}
            onEdit={(id, text) => (notes.current?.editText(id, text) ?? Promise.resolve()).catch(() => setSaveFailed(true))}
            onDelete={(id) => (notes.current?.deleteNote(id) ?? Promise.resolve()).catch(() => setSaveFailed(true))}
            onJump={(p) => viewer?.goTo(p)} onVisibility={(id, v) => void notes.current?.setVisibility(id, v).catch(() => setSaveFailed(true))} />
        )}
      </div>
    </div>
  );
}

"use client";
// The reader's notes made with pdf.js's own annotation editor (highlight, ink, free text; undo), kept in our API.
// pdf.js exposes its editors' serialize() only as internal API: pdfjs-dist is pinned to an exact version
// (package.json) and e2e/reader.spec.ts proves the way back (made, saved, reloaded, drawn where they were made).
// Saved notes — one's own from earlier visits and other members' shared ones — are drawn over their page from that
// JSON; notes made in this visit stay editable in pdf.js's editor. One's own saved notes are edited (a note's words)
// and deleted from "My notes", which a tap on the drawn note opens. (Putting saved notes back into pdf.js's editor
// with its internal deserialize is not done.)
import type { PDFDocumentProxy } from "pdfjs-dist";
import { call } from "@/lib/http/client";
import { annotationOps } from "@/lib/annotations/operations";
import type { AnnotationJson } from "@/lib/annotations/schema";
import type { PaperViewer } from "./viewer";

/** pdf.js's editor types (AnnotationEditorType) and ours. */
export const EDITOR_MODES = { NONE: 0, NOTE: 3, HIGHLIGHT: 9, INK: 15 } as const;
export type EditorTool = keyof typeof EDITOR_MODES;
const KIND_OF: Record<number, AnnotationJson["kind"]> = { 3: "NOTE", 9: "HIGHLIGHT", 15: "INK" };


/** JSON for our API: typed arrays (pdf.js keeps points in Float32Arrays) become plain arrays. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (n) => Math.round(n * 1000) / 1000);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
  return value;
}

const newClientId = () => `n-${crypto.randomUUID()}`;

export interface NotesEvents {
  /** Own notes changed (count, for the toolbar and "My notes"). */
  onMine?: (notes: AnnotationJson[]) => void;
  onError?: () => void;
  /** pdf.js switched its editor to this tool (a switch is asynchronous: the tool is in hand only now). */
  onMode?: (tool: EditorTool) => void;
  /** One of one's own saved notes drawn on the page was tapped (to edit or delete it). */
  onPick?: (clientId: string) => void;
}

export class PaperNotes {
  private readonly own = new Map<string, AnnotationJson>(); // by client id
  private readonly others = new Map<string, AnnotationJson>(); // by author:client id
  private readonly editorOf = new Map<string, string>(); // client id → editor id
  private readonly clientOf = new Map<string, string>(); // editor id → client id
  private readonly sent = new Map<string, string>(); // client id → last JSON sent
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Client ids this device saved or deleted lately: the server's "changed" notice about them is our own echo. */
  private readonly ownEcho = new Map<string, number>();
  /** New notes are shared with the meeting while this is on. */
  share = false;

  constructor(
    private readonly viewer: PaperViewer,
    private readonly documentId: string,
    readonly version: number,
    private readonly me: string,
    private readonly events: NotesEvents = {},
  ) {
    const bus = viewer.eventBus;
    bus.on("annotationeditorstateschanged", () => this.soon());
    bus.on("annotationeditormodechanged", (e: { mode: number }) => {
      const tool = (Object.keys(EDITOR_MODES) as EditorTool[]).find((k) => EDITOR_MODES[k] === e.mode) ?? "NONE";
      events.onMode?.(tool);
      this.soon();
    });
    bus.on("pagerendered", (e: { source: { div: HTMLElement }; pageNumber: number }) => this.drawOthers(e.source.div, e.pageNumber));
    // Drags, resizes and typing change an editor without a state change: look again after each gesture.
    viewer.pdfViewer.container.addEventListener("pointerup", () => this.soon());
    viewer.pdfViewer.container.addEventListener("keyup", () => this.soon());
  }

  get document(): PDFDocumentProxy {
    return this.viewer.document;
  }

  async load() {
    const { annotations } = await call(annotationOps.list, { params: { documentId: this.documentId }, query: { version: this.version } });
    for (const a of annotations) {
      if (a.author.id === this.me) this.own.set(a.clientId, a);
      else this.others.set(`${a.author.id}:${a.clientId}`, a);
    }
    this.events.onMine?.([...this.own.values()]);
    // Pages already drawn before the list arrived.
    for (const index of [...Array(this.viewer.pageCount).keys()]) {
      const div = this.viewer.pdfViewer.getPageView(index)?.div as HTMLElement | undefined;
      if (div) this.drawOthers(div, index + 1);
    }
  }

  setTool(tool: EditorTool) {
    // A text selection left from a highlight would be highlighted again by the next tool's first tap.
    document.getSelection()?.removeAllRanges();
    this.viewer.pdfViewer.annotationEditorMode = { mode: EDITOR_MODES[tool] } as never;
  }
  undo() {
    this.viewer.eventBus.dispatch("editingaction", { source: this, name: "undo" });
    this.soon();
  }

  private serialized(): Map<string, Record<string, unknown>> {
    const s = this.document.annotationStorage.serializable as { map?: Map<string, Record<string, unknown>> };
    return s.map ?? new Map();
  }

  private soon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), 500);
  }

  /** Sends what changed in the editor since the last look: new and changed notes, and deleted ones. */
  async sync() {
    clearTimeout(this.timer);
    const now = this.serialized();
    const seen = new Set<string>();
    for (const [editorId, raw] of now) {
      const kind = KIND_OF[raw.annotationType as number];
      if (!kind || raw.deleted) continue;
      let clientId = this.clientOf.get(editorId);
      if (!clientId) {
        clientId = newClientId();
        this.clientOf.set(editorId, clientId);
        this.editorOf.set(clientId, editorId);
      }
      seen.add(clientId);
      const editor = plain(raw) as Record<string, unknown>;
      const json = JSON.stringify(editor);
      if (this.sent.get(clientId) === json) continue;
      this.sent.set(clientId, json);
      this.ownEcho.set(clientId, Date.now());
      const body = await this.describe(kind, editor, this.own.get(clientId)?.visibility ?? (this.share ? "MEETING" : "PRIVATE"));
      try {
        const { annotation } = await call(annotationOps.save, { params: { documentId: this.documentId, clientId }, body });
        this.own.set(clientId, annotation);
      } catch {
        this.sent.delete(clientId);
        this.events.onError?.();
      }
    }
    // Notes placed in (or made in) the editor that it no longer has were deleted (or undone).
    for (const [clientId, editorId] of [...this.editorOf]) {
      if (seen.has(clientId)) continue;
      this.editorOf.delete(clientId);
      this.clientOf.delete(editorId);
      this.sent.delete(clientId);
      this.own.delete(clientId);
      this.ownEcho.set(clientId, Date.now());
      await call(annotationOps.remove, { params: { documentId: this.documentId, clientId } }).catch(() => this.events.onError?.());
    }
    this.events.onMine?.([...this.own.values()]);
  }

  /** Our record of an editor: its page, its box as fractions of the page, its words and the text it marks. */
  private async describe(kind: AnnotationJson["kind"], editor: Record<string, unknown>, visibility: "PRIVATE" | "MEETING") {
    const pageIndex = editor.pageIndex as number;
    const page = await this.document.getPage(pageIndex + 1);
    const [x0, y0, x1, y1] = page.view;
    const [w, h] = [x1 - x0, y1 - y0];
    const [rx1, ry1, rx2, ry2] = (editor.rect as number[]) ?? [0, 0, 0, 0];
    const clamp = (n: number) => Math.min(1, Math.max(0, n));
    const bounds: [number, number, number, number] = [clamp((rx1 - x0) / w), clamp(1 - (ry2 - y0) / h), clamp((rx2 - x0) / w), clamp(1 - (ry1 - y0) / h)];
    // A note is anchored to the words it sits on (if any), so that it too can follow them to a new version.
    const anchor = await textUnder(page, [rx1, ry1, rx2, ry2]);
    const text = kind === "NOTE" ? String(editor.value ?? "") : anchor?.quote ?? "";
    return { version: this.version, page: pageIndex + 1, kind, bounds, editor, text, anchor, visibility };
  }

  /** One's notes carried over from an earlier version by the server: now one's own on this version, drawn like the saved ones. */
  adopt(carried: AnnotationJson[]) {
    const pages = new Set<number>();
    for (const a of carried) {
      if (a.documentId !== this.documentId || a.version !== this.version || a.author.id !== this.me) continue;
      this.own.set(a.clientId, a);
      this.ownEcho.set(a.clientId, Date.now());
      pages.add(a.page);
    }
    if (pages.size === 0) return;
    this.events.onMine?.([...this.own.values()]);
    for (const p of pages) this.redrawOthers(p);
  }

  /** Whether pdf.js's editor holds this note (made in this visit): then it is edited there, by tapping it. */
  inEditor(clientId: string) {
    return this.editorOf.has(clientId);
  }

  /**
   * Deletes one of one's notes: one in pdf.js's editor is removed there (the next sync deletes it, as when it is
   * deleted in the editor itself); a saved one drawn from our JSON is deleted by its client id (idempotent).
   */
  async deleteNote(clientId: string) {
    const editorId = this.editorOf.get(clientId);
    const manager = this.viewer.uiManager as { getEditor?(id: string): { remove(): void } | undefined } | null;
    const editor = editorId ? manager?.getEditor?.(editorId) : undefined;
    if (editor) {
      editor.remove();
      await this.sync();
      return;
    }
    const page = this.own.get(clientId)?.page;
    this.ownEcho.set(clientId, Date.now());
    await call(annotationOps.remove, { params: { documentId: this.documentId, clientId } });
    this.own.delete(clientId);
    this.events.onMine?.([...this.own.values()]);
    if (page) this.redrawOthers(page);
  }

  /** New words for one of one's saved notes (drawn from our JSON): the note's text and pdf.js's serialized value. */
  async editText(clientId: string, text: string) {
    const note = this.own.get(clientId);
    if (!note || note.kind !== "NOTE" || this.editorOf.has(clientId)) return;
    this.ownEcho.set(clientId, Date.now());
    const { annotation } = await call(annotationOps.save, {
      params: { documentId: this.documentId, clientId },
      body: { version: note.version, page: note.page, kind: note.kind, bounds: note.bounds, editor: { ...note.editor, value: text }, text, anchor: note.anchor, visibility: note.visibility },
    });
    this.own.set(clientId, annotation);
    this.events.onMine?.([...this.own.values()]);
    this.redrawOthers(note.page);
  }

  /** Share or unshare one of one's notes (from "My notes"). */
  async setVisibility(clientId: string, visibility: "PRIVATE" | "MEETING") {
    const note = this.own.get(clientId);
    if (!note) return;
    this.ownEcho.set(clientId, Date.now());
    const { annotation } = await call(annotationOps.save, {
      params: { documentId: this.documentId, clientId },
      body: { version: note.version, page: note.page, kind: note.kind, bounds: note.bounds, editor: note.editor, text: note.text, anchor: note.anchor, visibility },
    });
    this.own.set(clientId, annotation);
    this.events.onMine?.([...this.own.values()]);
  }

  /** Live: another member shared a note on this paper version, or took one back. */
  shared(a: AnnotationJson) {
    if (a.documentId !== this.documentId || a.version !== this.version || a.author.id === this.me) return;
    this.others.set(`${a.author.id}:${a.clientId}`, a);
    this.redrawOthers(a.page);
  }
  removed(e: { documentId: string; version: number; authorId: string; clientId: string }) {
    if (e.documentId !== this.documentId || e.authorId === this.me) return;
    const key = `${e.authorId}:${e.clientId}`;
    const page = this.others.get(key)?.page;
    this.others.delete(key);
    if (page) this.redrawOthers(page);
  }
  /** Live: one's own note changed on another device: drawn from its stored JSON like one's other saved notes. */
  async changed(e: { documentId: string; version: number; clientId: string; deleted: boolean }) {
    if (e.documentId !== this.documentId || e.version !== this.version) return;
    if (Date.now() - (this.ownEcho.get(e.clientId) ?? 0) < 10_000 || this.editorOf.has(e.clientId)) return;
    const before = this.own.get(e.clientId);
    if (e.deleted) this.own.delete(e.clientId);
    else {
      const { annotations } = await call(annotationOps.list, { params: { documentId: this.documentId }, query: { version: this.version } });
      const note = annotations.find((a) => a.clientId === e.clientId && a.author.id === this.me);
      if (note) this.own.set(e.clientId, note);
    }
    this.events.onMine?.([...this.own.values()]);
    for (const page of new Set([before?.page, this.own.get(e.clientId)?.page])) if (page) this.redrawOthers(page);
  }

  private redrawOthers(pageNumber: number) {
    const div = this.viewer.pdfViewer.getPageView(pageNumber - 1)?.div as HTMLElement | undefined;
    if (div) this.drawOthers(div, pageNumber);
  }

  /** Shared notes of others (and one's own outside the editor), read-only, as an SVG over the page in its own units. */
  private drawOthers(div: HTMLElement, pageNumber: number) {
    for (const old of div.querySelectorAll(":scope > .oc-shared")) old.remove();
    // Others' shared notes, and one's own not (yet) in the editor: pdf.js's editor layer exists only while editing.
    const notes = [...this.others.values(), ...[...this.own.values()].filter((a) => !this.editorOf.has(a.clientId))].filter((a) => a.page === pageNumber);
    if (notes.length === 0) return;
    void this.document.getPage(pageNumber).then((page) => {
      const [x0, y0, x1, y1] = page.view;
      const svgNs = "http://www.w3.org/2000/svg";
      const svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("class", "oc-shared");
      svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("data-testid", "drawn-notes");
      // PDF units grow upwards; the page is drawn downwards.
      const g = document.createElementNS(svgNs, "g");
      g.setAttribute("transform", `matrix(1 0 0 -1 0 ${y1 + y0})`);
      svg.append(g);
      for (const a of notes) drawShared(g, a);
      for (const old of div.querySelectorAll(":scope > .oc-shared")) old.remove();
      div.append(svg);
      for (const a of notes.filter((n) => n.kind === "NOTE")) {
        const label = document.createElement("div");
        label.className = "oc-shared-note";
        label.dataset.testid = a.author.id === this.me ? "my-drawn-note" : "shared-note";
        label.style.left = `${a.bounds[0] * 100}%`;
        label.style.top = `${a.bounds[1] * 100}%`;
        label.textContent = `${a.author.name}: ${a.text}`;
        if (a.author.id === this.me) {
          // One's own saved note: a tap opens it in "My notes" to edit or delete.
          label.classList.add("oc-mine");
          label.setAttribute("role", "button");
          label.tabIndex = 0;
          label.addEventListener("click", () => this.events.onPick?.(a.clientId));
          label.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && this.events.onPick?.(a.clientId));
        }
        svg.after(label);
        label.classList.add("oc-shared");
      }
    });
  }
}

const rgb = (c: unknown) => (Array.isArray(c) && c.length === 3 ? `rgb(${c.join(" ")})` : "rgb(255 200 0)");

function drawShared(g: SVGGElement, a: AnnotationJson) {
  const ns = "http://www.w3.org/2000/svg";
  const e = a.editor as { quadPoints?: number[]; paths?: { points?: number[][] }; color?: unknown; thickness?: number; rect?: number[] };
  const title = document.createElementNS(ns, "title");
  title.textContent = `${a.author.name}${a.text ? `: ${a.text}` : ""}`;
  if (a.kind === "HIGHLIGHT" && e.quadPoints) {
    for (let i = 0; i + 7 < e.quadPoints.length; i += 8) {
      const q = e.quadPoints.slice(i, i + 8);
      const poly = document.createElementNS(ns, "polygon");
      poly.setAttribute("points", `${q[0]},${q[1]} ${q[2]},${q[3]} ${q[6]},${q[7]} ${q[4]},${q[5]}`);
      poly.setAttribute("fill", rgb(e.color));
      poly.setAttribute("fill-opacity", "0.4");
      poly.append(title.cloneNode(true));
      g.append(poly);
    }
  } else if (a.kind === "INK" && e.paths?.points) {
    for (const pts of e.paths.points) {
      const line = document.createElementNS(ns, "polyline");
      const xy: string[] = [];
      for (let i = 0; i + 1 < pts.length; i += 2) xy.push(`${pts[i]},${pts[i + 1]}`);
      line.setAttribute("points", xy.join(" "));
      line.setAttribute("fill", "none");
      line.setAttribute("stroke", rgb(e.color));
      line.setAttribute("stroke-width", String(e.thickness ?? 2));
      line.setAttribute("stroke-linecap", "round");
      line.append(title.cloneNode(true));
      g.append(line);
    }
  }
}

/** The words under a box of a page (PDF units), with a little context: the anchor that carries a mark to a new version. */
async function textUnder(page: { getTextContent(): Promise<{ items: unknown[] }> }, [x1, y1, x2, y2]: number[]) {
  const { items } = await page.getTextContent();
  const all: string[] = [];
  let start = -1;
  let end = -1;
  for (const raw of items) {
    const it = raw as { str?: string; transform?: number[]; width?: number; height?: number };
    if (typeof it.str !== "string" || !it.transform) continue;
    const [x, y] = [it.transform[4], it.transform[5]];
    const inside = x + (it.width ?? 0) > x1 && x < x2 && y + (it.height ?? 0) > y1 && y < y2;
    if (inside && start < 0) start = all.length;
    if (inside) end = all.length;
    all.push(it.str);
  }
  if (start < 0) return null;
  const quote = all.slice(start, end + 1).join(" ").replace(/\s+/g, " ").trim().slice(0, 2000);
  const prefix = all.slice(Math.max(0, start - 3), start).join(" ").slice(-200);
  const suffix = all.slice(end + 1, end + 4).join(" ").slice(0, 200);
  return quote ? { quote, prefix, suffix } : null;
}

"use client";
// The reader's notes, made and edited with pdf.js's own annotation editor (highlight, ink, free text; move, resize,
// recolor, delete; undo) and kept in our API as our own versioned JSON (pdf.js's serialized editor beside a
// page-relative box and the words it marks). pdf.js exposes its editors' serialize()/deserialize only as internal
// API: pdfjs-dist is pinned to an exact version (package.json); editor-json.ts converts both ways (unit-tested),
// editor-layer.ts is the one place that reaches into pdf.js's editor, and e2e/notes-editor.spec.ts proves the round
// trip on that version.
// One's own saved notes (from earlier visits, other devices, or carried from an earlier version) are put back into
// pdf.js's editor when their page's editor layer exists (pages are drawn lazily; pdf.js keeps them when a page is
// destroyed and redrawn), tied to their client id: a change in the page saves the same note again (idempotent, never
// a copy), a deletion in the page deletes it. A change on one's other device replaces the editor here (a save of
// this device's own is recognised by its updatedAt and not applied again). Other members' shared notes are drawn
// read-only over the page from our JSON, never in our editor; so is one of one's own that pdf.js cannot take back
// (edited and deleted from "My notes", which a tap on it opens).
import type { PDFDocumentProxy } from "pdfjs-dist";
import { call } from "@/lib/http/client";
import { annotationOps } from "@/lib/annotations/operations";
import type { AnnotationJson } from "@/lib/annotations/schema";
import type { PaperViewer } from "./viewer";
import { EDITOR_MODES, KIND_OF, plain, restoreInput, storedForm, type EditorTool } from "./editor-json";
import { restoreEditor, withPlainTelemetry, type Editor, type EditorManager } from "./editor-layer";

export { EDITOR_MODES, type EditorTool };

const newClientId = () => `n-${crypto.randomUUID()}`;

export interface NotesEvents {
  /** Own notes changed (count, for the toolbar and "My notes"). */
  onMine?: (notes: AnnotationJson[]) => void;
  onError?: () => void;
  /** pdf.js switched its editor to this tool (a switch is asynchronous: the tool is in hand only now). */
  onMode?: (tool: EditorTool) => void;
  /** One of one's own notes drawn on the page (one pdf.js could not take back) was tapped (to edit or delete it). */
  onPick?: (clientId: string) => void;
}

export class PaperNotes {
  private readonly own = new Map<string, AnnotationJson>(); // by client id, as the server last answered
  private readonly others = new Map<string, AnnotationJson>(); // by author:client id
  private readonly editorOf = new Map<string, string>(); // client id → editor id
  private readonly clientOf = new Map<string, string>(); // editor id → client id
  private readonly sent = new Map<string, string>(); // client id → its editor's JSON as saved (or as restored)
  /** Own notes pdf.js could not take back: drawn from our JSON (still edited and deleted from "My notes"). */
  private readonly drawn = new Set<string>();
  /** Own notes being put back into the editor now. */
  private readonly placing = new Set<string>();
  /** Editors replaced by a newer copy of their note: if pdf.js's undo or redo brings one back, it goes again. */
  private readonly retired = new Set<string>();
  /** This device's writes, one after another: a live notice is looked at after the writes before it have answered. */
  private writes: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
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
    // A double tap on one's note while reading asks pdf.js's editor for that note's tool (as its own viewer's toolbar
    // does on this event), with the note selected and, a text note, open for typing at once (pdf.js's viewer would
    // want a second double click for that).
    bus.on("switchannotationeditormode", (e: { mode: number; editId?: string; isFromKeyboard?: boolean; mustEnterInEditMode?: boolean; editComment?: boolean }) => {
      const mustEnterInEditMode = e.mustEnterInEditMode || !!e.editId;
      this.viewer.pdfViewer.annotationEditorMode = { mode: e.mode, editId: e.editId, isFromKeyboard: e.isFromKeyboard, mustEnterInEditMode, editComment: e.editComment } as never;
    });
    bus.on("pagerendered", (e: { source: { div: HTMLElement }; pageNumber: number }) => this.drawOthers(e.source.div, e.pageNumber));
    // A page's editor layer now exists: one's saved notes on it go back into the editor.
    bus.on("annotationeditorlayerrendered", (e: { pageNumber: number }) => this.placePage(e.pageNumber));
    // Drags, resizes and typing change an editor without a state change: look again after each gesture.
    viewer.pdfViewer.container.addEventListener("pointerup", () => this.soon());
    viewer.pdfViewer.container.addEventListener("keyup", () => this.soon());
  }

  get document(): PDFDocumentProxy {
    return this.viewer.document;
  }
  private get manager() {
    return this.viewer.uiManager as EditorManager | null;
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
      this.placePage(index + 1);
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

  /** One's saved notes on this page that are not in the editor yet go back into it (when the page has its layer). */
  private placePage(pageNumber: number) {
    for (const note of this.own.values()) if (note.page === pageNumber) void this.place(note);
  }

  /** Puts one of one's saved notes back into pdf.js's editor; if pdf.js cannot take it, it is drawn from our JSON. */
  private async place(note: AnnotationJson) {
    const { clientId } = note;
    const manager = this.manager;
    if (!manager || this.editorOf.has(clientId) || this.drawn.has(clientId) || this.placing.has(clientId)) return;
    this.placing.add(clientId);
    let editor: Editor | null = null;
    try {
      const data = restoreInput(note);
      if (!data) throw new Error("not a drawing pdf.js restores");
      editor = await restoreEditor(manager, note.page - 1, data);
      if (!editor) return;
      if (this.own.get(clientId) !== note) {
        // Changed or deleted (on another device) while pdf.js read it: the newer one is placed instead.
        this.retire(editor.id);
        const newer = this.own.get(clientId);
        if (newer) queueMicrotask(() => void this.place(newer));
        return;
      }
      this.sent.set(clientId, storedForm(editor.serialize()));
      this.bind(clientId, editor.id);
    } catch {
      // Nothing of it left in the editor (whose serialize would make it a new note): drawn from our JSON instead.
      if (editor) this.retire(editor.id);
      this.sent.delete(clientId);
      this.drawn.add(clientId);
      this.redrawOthers(note.page);
    } finally {
      this.placing.delete(clientId);
    }
  }

  private bind(clientId: string, editorId: string) {
    this.editorOf.set(clientId, editorId);
    this.clientOf.set(editorId, clientId);
  }
  private unbind(clientId: string) {
    const editorId = this.editorOf.get(clientId);
    this.editorOf.delete(clientId);
    if (editorId) this.clientOf.delete(editorId);
    this.sent.delete(clientId);
    return editorId;
  }
  /** Takes an editor off the page without deleting its note (it is replaced, or was deleted elsewhere). */
  private retire(editorId: string | undefined) {
    if (!editorId) return;
    this.retired.add(editorId);
    this.manager?.getEditor(editorId)?.remove();
  }
  /** Takes one's note out of the editor (or off the drawing): it will be put back from its (newer) JSON. */
  private takeOut(clientId: string) {
    this.retire(this.unbind(clientId));
    this.drawn.delete(clientId);
  }

  private serialized(): Map<string, Record<string, unknown>> {
    const s = this.document.annotationStorage.serializable as { map?: Map<string, Record<string, unknown>> };
    return s.map ?? new Map();
  }

  private soon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sync(), 500);
  }

  /** Runs a write after this device's earlier ones. */
  private queue<T>(work: () => Promise<T>): Promise<T> {
    const done = this.writes.then(work, work);
    this.writes = done.catch(() => {});
    return done;
  }

  /** Sends what changed in the editor since the last look: new and changed notes, and deleted ones. */
  sync() {
    clearTimeout(this.timer);
    return this.queue(() => this.sendChanges());
  }

  private async sendChanges() {
    const now = this.serialized();
    const seen = new Set<string>();
    for (const [editorId, raw] of now) {
      const kind = KIND_OF[raw.annotationType as number];
      if (!kind || raw.deleted) continue;
      if (this.retired.has(editorId)) {
        this.manager?.getEditor(editorId)?.remove();
        continue;
      }
      let clientId = this.clientOf.get(editorId);
      if (!clientId) {
        clientId = newClientId();
        // A note made in this visit: its page's layer adds it again when the page is drawn anew (see editor-layer.ts).
        const made = this.manager?.getEditor(editorId);
        if (made) withPlainTelemetry(made);
        this.bind(clientId, editorId);
      }
      seen.add(clientId);
      const editor = plain(raw) as Record<string, unknown>;
      const json = JSON.stringify(editor);
      if (this.sent.get(clientId) === json) continue;
      this.sent.set(clientId, json);
      const before = this.own.get(clientId);
      const body = await this.describe(kind, editor, before?.visibility ?? (this.share ? "MEETING" : "PRIVATE"));
      try {
        const { annotation } = await call(annotationOps.save, { params: { documentId: this.documentId, clientId }, body });
        this.own.set(clientId, annotation);
      } catch {
        this.sent.delete(clientId);
        this.events.onError?.();
      }
    }
    // Notes in the editor that it no longer has were deleted there (or undone).
    for (const [clientId, editorId] of [...this.editorOf]) {
      if (seen.has(clientId) || this.placing.has(clientId)) continue;
      // A note on a page not drawn now stays with pdf.js's manager, which still serializes it: not deleted.
      if (this.manager?.getEditor(editorId)) continue;
      this.unbind(clientId);
      this.own.delete(clientId);
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

  /** One's notes carried over from an earlier version by the server: now one's own on this version, put in the editor. */
  adopt(carried: AnnotationJson[]) {
    const mine = carried.filter((a) => a.documentId === this.documentId && a.version === this.version && a.author.id === this.me);
    for (const a of mine) this.apply(a);
    if (mine.length > 0) this.events.onMine?.([...this.own.values()]);
  }

  /**
   * A newer copy of one of one's notes (from the server): its editor stays when only its sharing or words record
   * changed, else it is put back from the new drawing.
   */
  private apply(note: AnnotationJson) {
    const before = this.own.get(note.clientId);
    this.own.set(note.clientId, note);
    if (before && this.editorOf.has(note.clientId) && storedForm(before.editor) === storedForm(note.editor)) return;
    this.takeOut(note.clientId);
    void this.place(note);
    for (const page of new Set([before?.page, note.page])) if (page) this.redrawOthers(page);
  }

  /** One's note is gone (deleted on another device): off the page here too, without deleting it again. */
  private forget(clientId: string) {
    const page = this.own.get(clientId)?.page;
    this.takeOut(clientId);
    this.own.delete(clientId);
    if (page) this.redrawOthers(page);
    this.events.onMine?.([...this.own.values()]);
  }

  /**
   * Deletes one of one's notes (from "My notes"): one in pdf.js's editor is removed there and the sync deletes it, as
   * when it is deleted on the page; one not in the editor (its page not drawn, or drawn from JSON) by its client id.
   */
  async deleteNote(clientId: string) {
    const editorId = this.editorOf.get(clientId);
    const editor = editorId ? this.manager?.getEditor(editorId) : undefined;
    if (editor) {
      editor.remove();
      await this.sync();
      return;
    }
    await this.queue(() => call(annotationOps.remove, { params: { documentId: this.documentId, clientId } }));
    this.forget(clientId);
  }

  /** New words for one of one's notes (from "My notes"): saved, and its editor on the page put back with them. */
  async editText(clientId: string, text: string) {
    await this.sync(); // what was just done on the page first
    const note = this.own.get(clientId);
    if (!note || note.kind !== "NOTE") return;
    const { annotation } = await this.queue(() => call(annotationOps.save, {
      params: { documentId: this.documentId, clientId },
      body: { version: note.version, page: note.page, kind: note.kind, bounds: note.bounds, editor: { ...note.editor, value: text }, text, anchor: note.anchor, visibility: note.visibility },
    }));
    this.apply(annotation);
    this.events.onMine?.([...this.own.values()]);
  }

  /** Share or unshare one of one's notes (from "My notes"). */
  async setVisibility(clientId: string, visibility: "PRIVATE" | "MEETING") {
    const note = this.own.get(clientId);
    if (!note) return;
    const { annotation } = await this.queue(() => call(annotationOps.save, {
      params: { documentId: this.documentId, clientId },
      body: { version: note.version, page: note.page, kind: note.kind, bounds: note.bounds, editor: note.editor, text: note.text, anchor: note.anchor, visibility },
    }));
    this.apply(annotation);
    this.events.onMine?.([...this.own.values()]);
  }

  /**
   * Others' shared notes as the server has them now: after this reader joined (or re-joined) the meeting's rooms, a
   * note shared or taken back while its socket was not in them (still connecting, offline) is no live event here.
   */
  async catchUp() {
    const { annotations } = await call(annotationOps.list, { params: { documentId: this.documentId }, query: { version: this.version } });
    const now = new Map(annotations.filter((a) => a.author.id !== this.me).map((a) => [`${a.author.id}:${a.clientId}`, a]));
    const same = (a: AnnotationJson | undefined, b: AnnotationJson) => !!a && JSON.stringify(a) === JSON.stringify(b);
    const pages = new Set<number>();
    for (const [key, a] of this.others) if (!same(now.get(key), a)) pages.add(a.page);
    for (const [key, a] of now) if (!same(this.others.get(key), a)) pages.add(a.page);
    this.others.clear();
    for (const [key, a] of now) this.others.set(key, a);
    for (const page of pages) this.redrawOthers(page);
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
  /**
   * Live: one's own note changed or was deleted (on another device, or by this one: after this device's writes have
   * answered, a notice whose updatedAt is the one this device holds is its own save, not applied again).
   */
  async changed(e: { documentId: string; version: number; clientId: string; deleted: boolean; updatedAt?: string }) {
    if (e.documentId !== this.documentId || e.version !== this.version) return;
    await this.writes;
    const held = this.own.get(e.clientId);
    if (e.deleted) {
      if (held || this.editorOf.has(e.clientId)) this.forget(e.clientId);
      return;
    }
    if (held && held.updatedAt === e.updatedAt) return;
    const { annotations } = await call(annotationOps.list, { params: { documentId: this.documentId }, query: { version: this.version } });
    const note = annotations.find((a) => a.clientId === e.clientId && a.author.id === this.me);
    if (!note) return this.forget(e.clientId);
    if (this.own.get(e.clientId)?.updatedAt === note.updatedAt) return;
    this.apply(note);
    this.events.onMine?.([...this.own.values()]);
  }

  private redrawOthers(pageNumber: number) {
    const div = this.viewer.pdfViewer.getPageView(pageNumber - 1)?.div as HTMLElement | undefined;
    if (div) this.drawOthers(div, pageNumber);
  }

  /** Shared notes of others (and one's own that pdf.js could not take back), read-only, as an SVG over the page in its own units. */
  private drawOthers(div: HTMLElement, pageNumber: number) {
    for (const old of div.querySelectorAll(":scope > .oc-shared")) old.remove();
    // Others' shared notes, and those of one's own that pdf.js could not take back into its editor.
    const notes = [...this.others.values(), ...[...this.own.values()].filter((a) => this.drawn.has(a.clientId))].filter((a) => a.page === pageNumber);
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

"use client";
// How the notes reach into pdf.js's annotation editor: internal API of the pinned pdfjs-dist (package.json), kept in
// this one file. e2e/notes-editor.spec.ts proves it on that version (restored, moved, undone, deleted, reloaded).
// A saved note goes back the way pdf.js's own viewer puts back the editors of a cloned page (AnnotationEditorUIManager
// .findClonesForPage): the page's AnnotationEditorLayer deserializes it, the editor is marked a clone while the layer
// adds it, so that it stays where it was (a paste would be moved aside). From then on the UI manager owns it like an editor
// made in this visit: when the page is destroyed while scrolling, the manager keeps it and the page's next layer adds it.

export interface Editor {
  id: string;
  pageIndex: number;
  parent: Layer | null;
  isClone?: boolean;
  isEmpty(): boolean;
  remove(): void;
  serialize(): Record<string, unknown> | null;
  onceAdded(focus: boolean): void;
  enableEditing(): void;
  disableEditing(): void;
}
interface Layer {
  div: HTMLElement | null;
  deserialize(data: Record<string, unknown>): Promise<Editor | null>;
  addOrRebuild(editor: Editor): void;
  addUndoableEditor?: (editor: Editor) => void;
}
export interface EditorManager {
  getLayer(pageIndex: number): Layer | undefined;
  getEditor(id: string): Editor | undefined;
  getMode(): number;
}

/** The editor layer of a page, while the page is drawn (pages are drawn lazily and destroyed far from view). */
export const hasLayer = (manager: EditorManager | null, pageIndex: number) => !!manager?.getLayer(pageIndex);

/**
 * Puts a stored note back as a pdf.js editor on its page. Null when the page has no editor layer (now): the note
 * waits for the page. Throws when pdf.js cannot take it.
 */
export async function restoreEditor(manager: EditorManager, pageIndex: number, data: Record<string, unknown>): Promise<Editor | null> {
  const layer = manager.getLayer(pageIndex);
  if (!layer) return null;
  const editor = await layer.deserialize(data);
  if (!editor) throw new Error("pdf.js did not restore the note");
  // The page was destroyed while pdf.js read the note: it waits for the page's next layer.
  if (manager.getLayer(pageIndex) !== layer) return null;
  editor.isClone = true;
  keepOffUndoStack(editor);
  withPlainTelemetry(editor);
  try {
    layer.addOrRebuild(editor);
  } catch (e) {
    dropQuietly(editor);
    throw e;
  } finally {
    // Read while the layer drew it (a paste is not moved aside). Left on, the manager would take the editor for a
    // cloned page's serialized one whenever the page's layer is drawn again, and make a second editor of it.
    delete editor.isClone;
  }
  try {
    if (editor.isEmpty()) throw new Error("pdf.js restored an empty note");
    // A layer drawn while it had no editors hid itself while reading (as after pdf.js adds a cloned page's editors).
    if (layer.div) layer.div.hidden = false;
    // As the layer does for its editors when the tool is put down or taken up.
    if (manager.getMode() === 0) editor.disableEditing();
    else editor.enableEditing();
  } catch (e) {
    dropQuietly(editor);
    throw e;
  }
  return editor;
}

/**
 * A layer's add() ends with a telemetry report whose data, for a highlight, look up the viewer's highlight colour
 * names. Our viewer names none (pdf.js's one default colour), so that throws: with the editor already added, but
 * also in the middle of a page's layer adding its editors again when the page is drawn anew, which leaves the
 * editors after it off the page. Editors we hold report a plain "added".
 */
export function withPlainTelemetry(editor: Editor) {
  Object.defineProperty(editor, "telemetryInitialData", { value: { action: "added" }, configurable: true });
}

/** A note pdf.js could not take back leaves nothing behind in its editor (it is drawn from our JSON instead). */
function dropQuietly(editor: Editor) {
  try {
    editor.remove();
  } catch {
    // Never added: nothing to take away.
  }
}

/**
 * A saved note is no new drawing: pdf.js's drawing editors put "remove it" on the undo stack whenever a layer adds
 * them (once added, and again each time their page is drawn anew), so Undo would delete a note not made in this visit.
 * Nor is it focused when added (a focused highlight scrolls the paper to itself).
 */
function keepOffUndoStack(editor: Editor) {
  const onceAdded = editor.onceAdded;
  editor.onceAdded = function (this: Editor) {
    const layer = this.parent;
    if (!layer) return onceAdded.call(this, false);
    layer.addUndoableEditor = () => {};
    try {
      onceAdded.call(this, false);
    } finally {
      delete layer.addUndoableEditor;
    }
  };
}

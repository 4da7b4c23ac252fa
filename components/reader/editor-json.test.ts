// Our stored JSON and pdf.js's serialized editors (the pinned version's internal format): what we store from an
// editor is what we hand back to its deserialize. pdf.js's side of the round trip runs in e2e/notes-editor.spec.ts.
import { describe, expect, it } from "vitest";
import { annotationInputSchema } from "@/lib/annotations/schema";
import { EDITOR_MODES, plain, restoreInput, storedForm } from "./editor-json";

// As pdf.js 6.5's InkEditor.serialize() gives them: each line starts with NaNs, points in Float32Arrays.
const ink = {
  annotationType: EDITOR_MODES.INK, pageIndex: 0, rect: [60.5, 400.25, 310.125, 460], rotation: 0, structTreeParentId: null, popupRef: "",
  color: [0, 0, 0], opacity: 1, thickness: 1,
  paths: { lines: [new Float32Array([NaN, NaN, NaN, NaN, 61.2504, 401.5, 70, 410, 80, 420, 90.0004, 430])], points: [new Float32Array([61.2504, 401.5, 90.0004, 430])] },
  id: null,
};
const note = { annotationType: EDITOR_MODES.NOTE, pageIndex: 0, rect: [300, 500, 420, 520], rotation: 0, color: [0, 0, 0], fontSize: 10, value: "Đề nghị bổ sung", id: null };
const highlight = { annotationType: EDITOR_MODES.HIGHLIGHT, pageIndex: 2, rect: [70, 700, 200, 712], rotation: 0, color: [255, 255, 152], opacity: 1, thickness: 12,
  quadPoints: new Float32Array([70, 712, 200, 712, 70, 700, 200, 700]), outlines: { outline: [1, 2], points: [[70, 706, 200, 706]] }, id: null };

describe("pdf.js's serialized editors in our JSON", () => {
  it("stores typed arrays as plain numbers to a thousandth, NaN as null (which pdf.js's ink reads back as NaN), and drops undefined", () => {
    const stored = JSON.parse(storedForm({ ...ink, gone: undefined }));
    expect(stored.paths.lines[0].slice(0, 6)).toEqual([null, null, null, null, 61.25, 401.5]);
    expect(stored.paths.points[0]).toEqual([61.25, 401.5, 90, 430]);
    expect("gone" in stored).toBe(false);
    expect(plain(new Float32Array([0.1]))).toEqual([0.1]);
    // And it is what our API takes.
    expect(annotationInputSchema.safeParse({ version: 1, page: 1, kind: "INK", bounds: [0, 0, 1, 1], editor: stored }).success).toBe(true);
  });

  it("hands a stored note back to pdf.js on its page, as a copy (a free text's words come with it)", () => {
    const stored = JSON.parse(storedForm(note)) as Record<string, unknown>;
    expect(restoreInput({ kind: "NOTE", page: 4, editor: stored })).toEqual({ ...note, pageIndex: 3, isCopy: true });
    const again = restoreInput({ kind: "INK", page: 1, editor: JSON.parse(storedForm(ink)) })!;
    expect(again.paths).toEqual(JSON.parse(storedForm(ink)).paths);
    expect(restoreInput({ kind: "HIGHLIGHT", page: 3, editor: JSON.parse(storedForm(highlight)) })).toMatchObject({ pageIndex: 2, quadPoints: [70, 712, 200, 712, 70, 700, 200, 700] });
  });

  it("refuses what pdf.js could not make an editor of: the row's kind is not the drawing's, no box, an odd rotation, an empty note", () => {
    const stored = (v: object) => JSON.parse(storedForm(v)) as Record<string, unknown>;
    expect(restoreInput({ kind: "INK", page: 1, editor: stored(note) })).toBeNull();
    expect(restoreInput({ kind: "NOTE", page: 1, editor: stored({ ...note, rect: [1, 2] }) })).toBeNull();
    expect(restoreInput({ kind: "NOTE", page: 1, editor: stored({ ...note, rotation: 45 }) })).toBeNull();
    expect(restoreInput({ kind: "NOTE", page: 1, editor: stored({ ...note, value: "  " }) })).toBeNull();
    expect(restoreInput({ kind: "INK", page: 1, editor: stored({ ...ink, paths: null }) })).toBeNull();
    expect(restoreInput({ kind: "HIGHLIGHT", page: 1, editor: stored({ ...highlight, quadPoints: undefined, outlines: undefined }) })).toBeNull();
  });
});

// Carrying a note by its words: the context (the words before and after) picks the right one of repeated words,
// the page it was on breaks ties, a note on no words moves only with an unchanged page, and nothing is placed off
// the page. Pure: page text as lib/documents/pagetext.ts extracts it.
import { describe, expect, it } from "vitest";
import type { PageText } from "../documents/pagetext.ts";
import { carryNote, locate } from "./anchoring.ts";

const page = (lines: string[], top = 780): PageText => ({ view: [0, 0, 595, 842], runs: lines.map((str, i) => ({ str, x: 60, y: top - i * 20, w: 300, h: 12 })) });
const highlight = (y: number) => ({ annotationType: 9, pageIndex: 0, rect: [60, y, 360, y + 12], quadPoints: [60, y + 12, 360, y + 12, 60, y, 360, y] });

describe("anchoring", () => {
  it("a repeated line is found by its context, not by the first match", () => {
    const pages = [page(["Điều 1", "Giao Bộ Tài chính chủ trì", "Điều 2", "Giao Bộ Tài chính chủ trì"])];
    const second = locate(pages, { quote: "Giao Bộ Tài chính chủ trì", prefix: "Điều 2", suffix: "" }, { page: 1 });
    expect(second!.runs[0].y).toBe(720);
    const first = locate(pages, { quote: "Giao Bộ Tài chính chủ trì", prefix: "Điều 1", suffix: "Điều 2" }, { page: 1 });
    expect(first!.runs[0].y).toBe(760);
  });

  it("prefers the page the note was on when the context does not decide; white space does not matter", () => {
    const pages = [page(["Kinh phí thực hiện"]), page(["Kinh  phí   thực hiện"])];
    expect(locate(pages, { quote: "Kinh phí thực hiện", prefix: "", suffix: "" }, { page: 2 })!.page).toBe(2);
    expect(locate(pages, { quote: "Kinh phí thực hiện", prefix: "", suffix: "" }, { page: 1 })!.page).toBe(1);
    expect(locate(pages, { quote: "Không có dòng này", prefix: "", suffix: "" }, { page: 1 })).toBeNull();
  });

  it("moves a highlight with its words, to another page too; keeps a margin note only on an unchanged page", () => {
    const older = [page(["A mở đầu", "B mục tiêu"]), page(["C kết luận"])];
    const newer = [page(["A mở đầu"]), page(["C kết luận", "B mục tiêu"])];
    const moved = carryNote(older, newer, { page: 1, editor: highlight(760), anchor: { quote: "B mục tiêu", prefix: "A mở đầu", suffix: "" } })!;
    expect(moved.page).toBe(2);
    expect(moved.editor.pageIndex).toBe(1);
    expect(moved.editor.rect).toEqual([60, 760, 360, 772]);
    expect((moved.editor.quadPoints as number[]).slice(4, 6)).toEqual([60, 760]);
    const margin = { annotationType: 15, pageIndex: 1, rect: [10, 100, 40, 200], paths: { points: [[10, 100, 40, 200]] } };
    // Page 2 changed (a line added): a note on no words there is not placed; on an unchanged page it stays put.
    expect(carryNote(older, newer, { page: 2, editor: margin, anchor: null })).toBeNull();
    const same = carryNote(older, [newer[0], older[1]], { page: 2, editor: margin, anchor: null })!;
    expect(same.editor.rect).toEqual([10, 100, 40, 200]);
    expect(same.bounds[0]).toBeCloseTo(10 / 595, 5);
  });

  it("places nothing off the page, and nothing without a box", () => {
    const older = [page(["Dòng cuối"], 780)];
    const lower = [{ ...page(["Dòng cuối"], 780), view: [0, 0, 595, 500] as [number, number, number, number] }];
    expect(carryNote(older, lower, { page: 1, editor: highlight(780), anchor: { quote: "Dòng cuối", prefix: "", suffix: "" } })).toBeNull();
    expect(carryNote(older, older, { page: 1, editor: { annotationType: 9 }, anchor: { quote: "Dòng cuối", prefix: "", suffix: "" } })).toBeNull();
  });
});

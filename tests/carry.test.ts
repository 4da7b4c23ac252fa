// A paper gets a new version: each member's notes stay on the version they were written on and, where the words they
// mark are still in the new version, are carried over to it, moved with those words (another line, another page);
// the others are listed as not placed. Real PDFs (pdf-lib, DejaVu), real uploads, the real database and route handlers.
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { annotationOps } from "@/lib/annotations/operations";
import { documentOps } from "@/lib/documents/operations";
import { addDocumentVersion, uploadDocument } from "@/lib/documents/commands";
import { extractPageText, type PageText } from "@/lib/documents/pagetext";
import { relativeBounds } from "@/lib/annotations/anchoring";
import { readerView } from "@/lib/reading/queries";
import { readingOps } from "@/lib/reading/operations";
import { embedUnicodeFonts } from "@/lib/pdf/fonts";
import { World, type Fixture } from "./operation-cases";

/** A PDF whose pages hold exactly these lines, one text run each, 22 pt apart from the top. */
async function paper(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { regular } = await embedUnicodeFonts(doc);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 60, y: 780 - i * 22, size: 12, font: regular }));
  }
  return doc.save({ useObjectStreams: false });
}

const L = {
  intro: "Tờ trình về phát triển Chính phủ điện tử giai đoạn 2021 – 2025",
  goal: "Mục tiêu: 100% hồ sơ công việc cấp bộ được xử lý trên môi trường mạng",
  budget: "Kinh phí dự kiến 1.200 tỷ đồng từ ngân sách trung ương",
  removed: "Thí điểm chữ ký số chuyên dùng tại ba tỉnh",
  data: "Cơ sở dữ liệu quốc gia về dân cư được kết nối với các bộ, ngành",
  closing: "Kính trình Chính phủ xem xét, quyết định",
};
// Version 1: two pages. Version 2: a new line in front pushes the goal down, the budget line moved to page 2,
// the pilot line removed; page 2's own text unchanged apart from the moved line added at its end.
const V1 = [[L.intro, L.goal, L.budget, L.removed], [L.data, L.closing]];
const V2 = [[L.intro, "Căn cứ Nghị quyết số 17/NQ-CP ngày 07/3/2019", L.goal], [L.data, L.closing, L.budget]];

let world: World;
let f: Fixture;
let documentId: string;
let v1Text: PageText[];
let v2Text: PageText[];

beforeAll(async () => {
  world = await World.create();
  f = await world.meetingWith();
  await db.participant.create({ data: { meetingId: f.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
  const v1 = await paper(V1);
  documentId = (await uploadDocument(world.people.secretariat, f.meetingId, { title: "Tờ trình Chính phủ điện tử", fileName: "to-trinh.pdf", bytes: v1 })).result.document.id;
  v1Text = await extractPageText(v1);
});

/** What the reader sends for a highlight of one whole line of version 1 (as its text layer and textUnder see it). */
function highlightOf(line: string, pageNumber = 1, over: Record<string, unknown> = {}) {
  const page = v1Text[pageNumber - 1];
  const i = page.runs.findIndex((r) => r.str === line);
  expect(i, line).toBeGreaterThanOrEqual(0);
  const r = page.runs[i];
  const rect = [r.x, r.y, r.x + r.w, r.y + r.h];
  const quad = [r.x, r.y + r.h, r.x + r.w, r.y + r.h, r.x, r.y, r.x + r.w, r.y];
  return {
    version: 1, page: pageNumber, kind: "HIGHLIGHT", text: line, bounds: relativeBounds(page.view, rect),
    editor: { annotationType: 9, color: [255, 255, 152], pageIndex: pageNumber - 1, rect, quadPoints: quad, outlines: [quad] },
    anchor: { quote: line, prefix: page.runs.slice(Math.max(0, i - 3), i).map((x) => x.str).join(" "), suffix: page.runs.slice(i + 1, i + 4).map((x) => x.str).join(" ") },
    ...over,
  };
}
/** A pen stroke in the margin of a page: on no words. */
const marginInk = (pageNumber: number, over: Record<string, unknown> = {}) => ({
  version: 1, page: pageNumber, kind: "INK", text: "", bounds: [0.02, 0.4, 0.08, 0.5], anchor: null,
  editor: { annotationType: 15, pageIndex: pageNumber - 1, rect: [12, 420, 48, 505], thickness: 2, color: [0, 0, 255], paths: { lines: [[null, null, null, null, 12, 420, 20, 440, 30, 470, 48, 505]], points: [[12, 420, 48, 505]] } },
  ...over,
});

const save = (who: Actor, clientId: string, body: unknown) => world.send(annotationOps.save, who, { params: { documentId, clientId }, body });
const carry = async (who: Actor, version = 2) => {
  const res = await world.send(annotationOps.carry, who, { params: { documentId }, body: { version } });
  return { status: res.status, body: await res.json() };
};
const list = async (who: Actor, version: number) =>
  (await (await world.send(annotationOps.list, who, { params: { documentId }, query: { version: String(version) } })).json()).annotations as {
    clientId: string; page: number; kind: string; text: string; visibility: string; bounds: number[]; editor: { rect: number[]; pageIndex: number; quadPoints?: number[] }; author: { id: string };
  }[];

describe("notes follow their paper to a new version", () => {
  it("carries each note by its words, lists the ones not placed, leaves the originals on their version; idempotent", async () => {
    const m = world.people.member;
    expect((await save(m, "hl-goal-0001", highlightOf(L.goal))).status).toBe(200);
    expect((await save(m, "hl-budget-01", highlightOf(L.budget, 1, { visibility: "MEETING" }))).status).toBe(200);
    expect((await save(m, "hl-removed-1", highlightOf(L.removed))).status).toBe(200);
    expect((await save(m, "ink-page1-01", marginInk(1))).status).toBe(200);
    expect((await save(m, "ink-page2-01", marginInk(2))).status).toBe(200);
    // Before there is a newer version there is nothing to carry.
    expect((await carry(m, 1)).body).toEqual({ from: null, carried: [], unplaced: [] });

    const v2 = await paper(V2);
    await addDocumentVersion(world.people.secretariat, documentId, { fileName: "to-trinh-v2.pdf", bytes: v2 });
    v2Text = await extractPageText(v2);

    const first = await carry(m);
    expect(first.status).toBe(200);
    expect(first.body.from).toBe(1);
    // Placed: the goal (moved down a line), the budget line (moved to page 2). Not placed: the removed line's
    // highlight, and the margin stroke of page 1 (its page changed); page 2's stroke neither (page 2 changed too).
    expect(first.body.carried.map((a: { text: string }) => a.text).sort()).toEqual([L.budget, L.goal].sort());
    expect(first.body.unplaced.map((u: { clientId: string }) => u.clientId).sort()).toEqual(["hl-removed-1", "ink-page1-01", "ink-page2-01"]);
    expect(first.body.unplaced.find((u: { clientId: string }) => u.clientId === "hl-removed-1")).toEqual({ clientId: "hl-removed-1", version: 1, page: 1, kind: "HIGHLIGHT", text: L.removed });

    const onV2 = await list(m, 2);
    const at = (pageNumber: number, line: string) => v2Text[pageNumber - 1].runs.find((r) => r.str === line)!;
    const goal = onV2.find((a) => a.text === L.goal)!;
    expect(goal).toMatchObject({ page: 1, kind: "HIGHLIGHT", visibility: "PRIVATE" });
    // Anchored to the words: the highlight now lies over the goal's new line.
    expect(goal.editor.rect[1]).toBeCloseTo(at(1, L.goal).y, 1);
    expect(goal.editor.quadPoints![5]).toBeCloseTo(at(1, L.goal).y, 1);
    expect(goal.bounds[1]).toBeCloseTo(1 - (at(1, L.goal).y + at(1, L.goal).h) / 842, 2);
    const budget = onV2.find((a) => a.text === L.budget)!;
    expect(budget).toMatchObject({ page: 2, visibility: "MEETING" });
    expect(budget.editor.pageIndex).toBe(1);
    expect(budget.editor.rect[1]).toBeCloseTo(at(2, L.budget).y, 1);

    // The originals stay on version 1, unchanged.
    expect((await list(m, 1)).map((a) => a.clientId).sort()).toEqual(["hl-budget-01", "hl-goal-0001", "hl-removed-1", "ink-page1-01", "ink-page2-01"]);
    // Asking again (another device, a reload) carries nothing twice and still names the ones not placed.
    const again = await carry(m);
    expect(again.body.carried).toEqual([]);
    expect(again.body.unplaced).toHaveLength(3);
    expect(await list(m, 2)).toHaveLength(2);
    // A carried note its author deleted on the new version stays deleted.
    expect((await world.send(annotationOps.remove, m, { params: { documentId, clientId: goal.clientId } })).status).toBe(200);
    expect((await carry(m)).body.carried).toEqual([]);
    expect((await list(m, 2)).map((a) => a.text)).toEqual([L.budget]);
  });

  it("a note on an unchanged page moves with it even on no words; others' private notes are never carried for anyone", async () => {
    const spare = world.people.spare;
    // A third version equal to the second: every page unchanged.
    await addDocumentVersion(world.people.secretariat, documentId, { fileName: "to-trinh-v3.pdf", bytes: await paper(V2) });
    expect((await save(spare, "spare-ink-01", { ...marginInk(2), version: 2 })).status).toBe(200);
    const r = await carry(spare, 3);
    expect(r.body).toMatchObject({ from: 2, unplaced: [] });
    expect(r.body.carried).toHaveLength(1);
    expect(r.body.carried[0].editor.rect).toEqual([12, 420, 48, 505]);
    // The member's notes are theirs: the other member sees only the shared one, on any version.
    for (const v of [1, 2, 3]) expect((await list(spare, v)).filter((a) => a.author.id !== spare.id).every((a) => a.visibility === "MEETING")).toBe(true);
    // The secretariat reads but does not write notes: carrying is refused; a member of another meeting sees nothing.
    expect((await carry(world.people.secretariat, 3)).status).toBe(403);
    expect((await carry(world.people.otherMember, 3)).status).toBe(404);
    expect((await carry(spare, 9)).status).toBe(404);
    const bad = await world.send(annotationOps.carry, spare, { params: { documentId }, body: { version: "zwei" } });
    expect(bad.status).toBe(422);
  });
});

describe("changed since you read it", () => {
  const changes = async (who: Actor, version: string, since: string, headers: Record<string, string> = {}) => {
    const res = await world.send(documentOps.changes, who, { params: { documentId }, query: { version, since } }, headers);
    return { status: res.status, body: await res.json() };
  };

  it("names the pages whose text is new; the same version has none; a later 'since' is a localized 422", async () => {
    const m = world.people.member;
    expect((await changes(m, "2", "1")).body).toEqual({ version: 2, since: 1, pageCount: 2, changedPages: [1, 2] });
    expect((await changes(m, "3", "2")).body.changedPages).toEqual([]);
    expect((await changes(m, "2", "2")).body.changedPages).toEqual([]);
    const late = await changes(m, "2", "3", { "accept-language": "en" });
    expect(late.status).toBe(422);
    expect(late.body.error.fields.since).toBeDefined();
    expect((await changes(m, "7", "1")).status).toBe(404);
    expect((await changes(world.people.otherMember, "2", "1")).status).toBe(404);
  });

  it("the reader knows which earlier version this member read", async () => {
    const m = world.people.member;
    expect((await readerView(m, f.meetingId, documentId)).readBefore).toBeNull();
    await world.send(readingOps.report, m, { params: { documentId }, body: { version: 1, pages: [1], lastPage: 1 } });
    expect((await readerView(m, f.meetingId, documentId)).readBefore).toBe(1);
    await world.send(readingOps.report, m, { params: { documentId }, body: { version: 2, pages: [1], lastPage: 1 } });
    expect((await readerView(m, f.meetingId, documentId)).readBefore).toBe(2);
  });
});

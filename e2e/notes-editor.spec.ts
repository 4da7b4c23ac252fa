// One's saved notes come back into pdf.js's own annotation editor (the pinned pdfjs-dist's internal deserialize):
// after a reload a member moves, retypes, undoes and deletes them on the page as on the day they were made; each
// change saves the same note again (never a copy), and reaches the member's other device live. Another member's
// shared note stays drawn, read-only, never in this member's editor.
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { briefingPdf } from "../lib/pdf/briefing";
import { DEMO_MEETING_ID, fromApp, setLocale, shot, signIn } from "./helpers";
import { noteTools } from "./note-tools";

const TABLET = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };
const PAPER = "Tờ trình dự thảo Nghị quyết về phát triển Chính phủ điện tử";

interface Listed { clientId: string; kind: string; text: string; bounds: number[]; updatedAt: string; visibility: string; author: { id: string; name: string } }

async function openPaper(page: Page) {
  await page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await page.getByRole("link", { name: new RegExp(PAPER) }).first().tap();
  await expect(page).toHaveURL(/\/papers\//);
  await expect(page.locator('.page[data-page-number="1"] canvas')).toBeVisible({ timeout: 15_000 });
}
const reload = async (page: Page) => {
  await page.reload();
  await expect(page.locator('.page[data-page-number="1"] canvas').first()).toBeVisible({ timeout: 15_000 });
};
/** Where an element lies on page 1, as fractions of the page (the same at every zoom). */
async function onPage(page: Page, el: Locator) {
  const p = (await page.locator('.page[data-page-number="1"]').boundingBox())!;
  const b = (await el.boundingBox())!;
  return [(b.x - p.x) / p.width, (b.y - p.y) / p.height, b.width / p.width, b.height / p.height];
}
const near = (a: number[], b: number[], by = 0.01) => a.every((n, i) => Math.abs(n - b[i]) <= by);

test("saved notes come back into pdf.js's editor: moved, undone, retyped, deleted on the page, saved as the same notes, live on the member's other device; another's shared note stays read-only", async ({ browser }) => {
  test.setTimeout(180_000);
  const tablet = await signIn(browser, "member4@demo.gov.vn", { viewport: TABLET, touch: true });
  const other = await signIn(browser, "member6@demo.gov.vn", { viewport: TABLET, touch: true });
  const { page } = tablet;
  await openPaper(page);
  const paperId = page.url().split("/papers/")[1].split("?")[0];
  const idOfUser = async (ctx: BrowserContext) => (await (await ctx.request.get("/api/v1/me")).json()).user.id as string;
  const [me, them] = [await idOfUser(tablet.context), await idOfUser(other.context)];
  const listed = async (ctx: BrowserContext) => (await (await ctx.request.get(`/api/v1/documents/${paperId}/annotations?version=1`)).json()).annotations as Listed[];
  const mine = async () => (await listed(tablet.context)).filter((a) => a.author.id === me);
  /** No notes of these two on this paper: before (the test may run again on the same database) and after (the reader's journey counts the paper's shared notes). */
  const clear = async () => {
    for (const [ctx, id] of [[tablet.context, me], [other.context, them]] as const) {
      for (const a of (await listed(ctx)).filter((n) => n.author.id === id)) {
        expect((await ctx.request.delete(`/api/v1/documents/${paperId}/annotations/${a.clientId}`, { headers: fromApp() })).ok()).toBe(true);
      }
    }
  };
  await clear();
  // Another member's note shared with the meeting (as their reader saves one).
  const shared = await other.context.request.put(`/api/v1/documents/${paperId}/annotations/shared-${Date.now()}`, {
    headers: fromApp(),
    data: {
      version: 1, page: 1, kind: "NOTE", bounds: [0.55, 0.1, 0.8, 0.13], text: "Ý kiến của Bộ Khoa học", visibility: "MEETING",
      editor: { annotationType: 3, pageIndex: 0, rect: [330, 730, 480, 750], rotation: 0, color: [0, 0, 0], fontSize: 10, value: "Ý kiến của Bộ Khoa học" },
    },
  });
  expect(shared.status()).toBe(200);
  await reload(page);
  const firstPage = page.locator('.page[data-page-number="1"]');
  const editors = (p: Page, kind: "inkEditor" | "freeTextEditor" | "highlightEditor") => p.locator(`.page[data-page-number="1"] .annotationEditorLayer .${kind}`);

  // Make a highlight, a pen stroke and a note, as in the reader's journey (e2e/reader.spec.ts).
  const { tool: toolOf, take, highlight, stroke } = noteTools(page);
  const tool = (p: Page, name: string) => (p === page ? toolOf(name) : noteTools(p).tool(name));
  await take("Tô sáng");
  await highlight(/^Thời gian qua/);
  await expect.poll(async () => (await mine()).map((a) => a.kind)).toContain("HIGHLIGHT");
  await take("Bút");
  await stroke();
  await take("Bút", false);
  const pageBox = (await firstPage.boundingBox())!;
  await take("Ghi chú");
  await page.mouse.click(pageBox.x + 420, pageBox.y + 300);
  const noteBox = page.locator(".freeTextEditor .internal").last();
  await expect(noteBox).toBeFocused();
  await noteBox.fill("Cần số liệu năm 2025");
  await page.keyboard.press("Escape");
  await take("Ghi chú", false);
  await expect.poll(async () => (await mine()).map((a) => a.kind).sort(), { timeout: 10_000 }).toEqual(["HIGHLIGHT", "INK", "NOTE"]);
  const made = await mine();
  const idOf = (kind: string, notes = made) => notes.find((a) => a.kind === kind)!.clientId;

  // Reload: they are back as pdf.js's editors (not drawn over the page), and nothing is saved again.
  await reload(page);
  await expect(editors(page, "inkEditor")).toHaveCount(1);
  await expect(editors(page, "highlightEditor")).toHaveCount(1);
  await expect(editors(page, "freeTextEditor")).toHaveCount(1);
  await expect(editors(page, "freeTextEditor")).toContainText("Cần số liệu năm 2025");
  await expect(firstPage.getByTestId("my-drawn-note")).toHaveCount(0);
  await expect(firstPage.locator("svg.oc-shared polyline")).toHaveCount(0);
  // The other member's shared note is drawn, read-only: not one of this member's editors.
  await expect(firstPage.getByTestId("shared-note")).toContainText("Ý kiến của Bộ Khoa học");
  await expect(page.locator(".annotationEditorLayer").filter({ hasText: "Ý kiến của Bộ Khoa học" })).toHaveCount(0);
  await page.waitForTimeout(1500);
  const seen = (notes: Listed[]) => notes.map((a) => `${a.kind}:${a.clientId}@${a.updatedAt}`).sort();
  expect(seen(await mine())).toEqual(seen(made));

  // Zoom: the restored stroke keeps its place on the page.
  const ink = editors(page, "inkEditor");
  const at100 = await onPage(page, ink);
  await page.getByRole("button", { name: "Phóng to" }).tap();
  await expect.poll(async () => near(await onPage(page, ink), at100)).toBe(true);
  await page.getByRole("button", { name: "Vừa chiều rộng" }).tap();

  // The member's other device has the same paper open: its editor shows the same notes.
  const phone = await signIn(browser, "member4@demo.gov.vn", { viewport: PORTRAIT, touch: true });
  await openPaper(phone.page);
  await expect(editors(phone.page, "inkEditor")).toHaveCount(1);
  await expect(editors(phone.page, "freeTextEditor")).toContainText("Cần số liệu năm 2025");
  await shot(page, "notes-vi-restored");
  await shot(phone.page, "notes-vi-portrait-restored");

  // Move the stroke with the pen in hand: the same note is saved again (same client id, never a copy).
  const refetched: string[] = [];
  page.on("request", (r) => r.method() === "GET" && r.url().includes("/annotations?version=") && refetched.push(r.url()));
  await take("Bút");
  const inkBox = (await ink.boundingBox())!;
  const from = { x: inkBox.x + inkBox.width / 2, y: inkBox.y + inkBox.height / 2 };
  await page.mouse.click(from.x, from.y); // a tap selects it; a selected editor is dragged (pdf.js)
  await expect(ink).toHaveClass(/selectedEditor/);
  await shot(page, "notes-vi-restored-selected");
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + i * 10, from.y - i * 15);
  await page.mouse.up();
  const inkBefore = made.find((a) => a.kind === "INK")!.bounds;
  await expect.poll(async () => (await mine()).find((a) => a.kind === "INK")!.bounds[1]).toBeLessThan(inkBefore[1] - 0.05);
  expect((await mine()).map((a) => a.clientId).sort()).toEqual(made.map((a) => a.clientId).sort());
  // Live on the other device: the stroke moved there too, still one.
  await expect.poll(async () => (await onPage(phone.page, editors(phone.page, "inkEditor")))[1]).toBeLessThan(at100[1] - 0.05);
  await expect(editors(phone.page, "inkEditor")).toHaveCount(1);
  // This tablet knew its own save's echo by its updatedAt: nothing fetched, its editor left alone (still the selected
  // one, its undo intact).
  await expect(ink).toHaveClass(/selectedEditor/);
  expect(refetched).toEqual([]);
  // And pdf.js's undo takes the move back, saved likewise.
  await page.getByRole("toolbar", { name: "Công cụ ghi chú" }).getByRole("button", { name: "Hoàn tác" }).tap();
  await expect.poll(async () => near((await mine()).find((a) => a.kind === "INK")!.bounds, inkBefore, 0.005)).toBe(true);
  await expect(editors(page, "inkEditor")).toHaveCount(1);
  await take("Bút", false);

  // Retype the note on the page: while reading, a double tap on it opens it in pdf.js's editor (the note tool in hand).
  const text = editors(page, "freeTextEditor");
  const textBox = (await text.boundingBox())!;
  await page.mouse.dblclick(textBox.x + textBox.width / 2, textBox.y + textBox.height / 2);
  await expect(tool(page, "Ghi chú")).toHaveAttribute("aria-pressed", "true");
  const internal = text.locator(".internal");
  await expect(internal).toHaveAttribute("contenteditable", "true");
  await internal.fill("Cần số liệu năm 2025 và 2026");
  await page.keyboard.press("Escape");
  await page.getByTestId("paper-viewer").click({ position: { x: 5, y: 5 } });
  await expect.poll(async () => (await mine()).find((a) => a.kind === "NOTE")!.text, { timeout: 10_000 }).toBe("Cần số liệu năm 2025 và 2026");
  await expect(editors(phone.page, "freeTextEditor")).toContainText("Cần số liệu năm 2025 và 2026");
  await expect(editors(phone.page, "freeTextEditor")).toHaveCount(1);
  if ((await tool(page, "Ghi chú").getAttribute("aria-pressed")) === "true") await take("Ghi chú", false);

  // Reload: changed, not duplicated.
  await reload(page);
  await expect(editors(page, "freeTextEditor")).toContainText("Cần số liệu năm 2025 và 2026");
  await expect(editors(page, "freeTextEditor")).toHaveCount(1);
  await expect(editors(page, "inkEditor")).toHaveCount(1);
  const after = await mine();
  expect(after.map((a) => a.clientId).sort()).toEqual(made.map((a) => a.clientId).sort());
  expect(near(after.find((a) => a.kind === "INK")!.bounds, inkBefore, 0.005)).toBe(true);

  // "My notes" edits the words of a note that is in the editor too: the page shows them at once.
  await page.getByTestId("my-notes-toggle").tap();
  const listedNote = page.getByTestId("my-note").filter({ hasText: "Cần số liệu" });
  await listedNote.getByRole("button", { name: "Sửa", exact: true }).tap();
  await page.getByTestId("note-text").fill("Cần số liệu 2024–2026");
  await page.getByTestId("my-notes").getByRole("button", { name: "Lưu", exact: true }).tap();
  await expect(editors(page, "freeTextEditor")).toContainText("Cần số liệu 2024–2026");
  await expect(editors(page, "freeTextEditor")).toHaveCount(1);
  await expect(editors(phone.page, "freeTextEditor")).toContainText("Cần số liệu 2024–2026");
  await page.getByTestId("my-notes-toggle").tap();

  // Delete the stroke on the page (pdf.js's own delete button on the selected editor): gone here, there, and after a reload.
  await take("Bút");
  await ink.tap();
  // pdf.js's own button speaks the member's language (our message files, not pdf.js's English) and is a 44 px target.
  const remove = page.locator(".inkEditor .editToolbar .deleteButton");
  await expect(remove).toHaveAttribute("title", "Xoá nét vẽ");
  await expect(ink).toHaveAttribute("aria-label", "Nét vẽ");
  const box = (await remove.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  // (Fluent isolates a placeable's value with U+2068/U+2069 for mixed-direction text, as in pdf.js's own English.)
  await expect(page.locator('.page[data-page-number="1"]')).toHaveAttribute("aria-label", /^Trang \u2068?1\u2069?$/);
  await remove.tap();
  await expect(editors(page, "inkEditor")).toHaveCount(0);
  await take("Bút", false);
  await expect.poll(async () => (await mine()).map((a) => a.kind).sort()).toEqual(["HIGHLIGHT", "NOTE"]);
  await expect(editors(phone.page, "inkEditor")).toHaveCount(0);
  await reload(page);
  await expect(editors(page, "freeTextEditor")).toHaveCount(1);
  await expect(editors(page, "highlightEditor")).toHaveCount(1);
  await expect(editors(page, "inkEditor")).toHaveCount(0);
  expect((await mine()).map((a) => a.clientId).sort()).toEqual([idOf("HIGHLIGHT"), idOf("NOTE")].sort());

  // Screenshots in English too (the language is the member's, on both devices).
  await setLocale(tablet.context, "en");
  await reload(page);
  await reload(phone.page);
  await expect(editors(page, "freeTextEditor")).toHaveCount(1);
  await expect(editors(phone.page, "freeTextEditor")).toHaveCount(1);
  await shot(page, "notes-en-restored");
  await shot(phone.page, "notes-en-portrait-restored");
  await setLocale(tablet.context, "vi");
  await clear();
  await phone.context.close();
  await other.context.close();
  await tablet.context.close();
});

test("on a long paper a saved note goes back into the editor when its page is drawn, and stays one note when the page is dropped and drawn again; one pdf.js cannot take back is drawn and still edited from My notes", async ({ browser }) => {
  test.setTimeout(180_000);
  // A paper of its own for this run (deleted at the end), long enough for pdf.js to drop pages far from view.
  const title = `Tờ trình dài ${Date.now()}`;
  const sections = Array.from({ length: 160 }, (_, i) => ({
    heading: `Mục ${i + 1}`,
    body: `Nội dung mục ${i + 1}: ${"phát triển Chính phủ điện tử, kết nối và chia sẻ dữ liệu giữa các bộ, ngành, địa phương; ".repeat(4)}`,
  }));
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: TABLET });
  const res = await sec.context.request.post(`/api/v1/meetings/${DEMO_MEETING_ID}/documents`, {
    headers: fromApp(),
    multipart: { title, file: { name: "dai.pdf", mimeType: "application/pdf", buffer: Buffer.from(await briefingPdf({ title, sections })) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { document } = await res.json();
  try {
    const { context, page } = await signIn(browser, "member4@demo.gov.vn", { viewport: TABLET, touch: true });
    const paperUrl = `/meetings/${DEMO_MEETING_ID}/papers/${document.id}`;
    await page.goto(paperUrl);
    await expect(page.locator('.page[data-page-number="1"] canvas').first()).toBeVisible({ timeout: 15_000 });
    const pages = Number((await page.getByTestId("page-count").innerText()).replace(/\D/g, ""));
    expect(pages).toBeGreaterThanOrEqual(20);
    const last = page.locator(`.page[data-page-number="${pages}"]`);
    const put = async (clientId: string, p: number, editor: Record<string, unknown>, text: string) => {
      const r = await context.request.put(`/api/v1/documents/${document.id}/annotations/${clientId}`, {
        headers: fromApp(), data: { version: 1, page: p, kind: "NOTE", bounds: [0.2, 0.2, 0.5, 0.25], text, editor },
      });
      expect(r.status(), await r.text()).toBe(200);
    };
    const note = (value: string, extra: object = {}) => ({ annotationType: 3, pageIndex: 0, rect: [120, 600, 300, 620], rotation: 0, color: [0, 0, 0], fontSize: 10, value, ...extra });
    // Saved on another device: a note on the last page, and one in a form pdf.js cannot take back (as if a later
    // pdf.js had written it), on page 1.
    await put("long-paper-last-page", pages, note("Ghi chú ở trang cuối"), "Ghi chú ở trang cuối");
    await put("long-paper-odd-form", 1, note("Ghi chú dạng lạ", { rotation: 45 }), "Ghi chú dạng lạ");
    const listed = async () => (await (await context.request.get(`/api/v1/documents/${document.id}/annotations?version=1`)).json()).annotations as Listed[];
    const before = (await listed()).map((a) => `${a.clientId}@${a.updatedAt}`).sort();
    await page.reload();
    const firstPage = page.locator('.page[data-page-number="1"]');
    await expect(firstPage.locator("canvas").first()).toBeVisible({ timeout: 15_000 });

    // The odd one is drawn over page 1 from our JSON, not lost; pdf.js's editor has none there.
    await expect(firstPage.getByTestId("my-drawn-note")).toContainText("Ghi chú dạng lạ");
    await expect(firstPage.locator(".annotationEditorLayer .freeTextEditor")).toHaveCount(0);
    // The last page is not drawn yet; when it is, its note is in the editor.
    await expect(last.locator(".annotationEditorLayer")).toHaveCount(0);
    await page.getByTestId("page-input").fill(String(pages));
    await page.getByTestId("page-input").press("Enter");
    await expect(last.locator(".annotationEditorLayer .freeTextEditor")).toContainText("Ghi chú ở trang cuối", { timeout: 15_000 });

    // Far away pages are dropped (pdf.js keeps about ten drawn): the last one too; drawn again, its note is back, once.
    for (const p of [1, 4, 7, 10, 13, 16, 2, 5, 8, 11]) {
      await page.getByTestId("page-input").fill(String(p));
      await page.getByTestId("page-input").press("Enter");
      await expect(page.locator(`.page[data-page-number="${p}"] canvas`).first()).toBeVisible({ timeout: 15_000 });
    }
    await expect(last.locator(".annotationEditorLayer")).toHaveCount(0);
    await page.getByTestId("page-input").fill(String(pages));
    await page.getByTestId("page-input").press("Enter");
    await expect(last.locator(".annotationEditorLayer .freeTextEditor")).toContainText("Ghi chú ở trang cuối", { timeout: 15_000 });
    await expect(last.locator(".annotationEditorLayer .freeTextEditor")).toHaveCount(1);
    await page.waitForTimeout(1000);
    expect((await listed()).map((a) => `${a.clientId}@${a.updatedAt}`).sort()).toEqual(before);

    // The drawn one is still edited from "My notes", which a tap on it opens.
    await page.getByTestId("page-input").fill("1");
    await page.getByTestId("page-input").press("Enter");
    await firstPage.getByTestId("my-drawn-note").tap();
    await page.getByTestId("note-text").fill("Ghi chú dạng lạ, đã sửa");
    await page.getByTestId("my-notes").getByRole("button", { name: "Lưu", exact: true }).tap();
    await expect(firstPage.getByTestId("my-drawn-note")).toContainText("Ghi chú dạng lạ, đã sửa");
    await expect.poll(async () => (await listed()).map((a) => a.text).sort()).toEqual(["Ghi chú dạng lạ, đã sửa", "Ghi chú ở trang cuối"]);
    await context.close();
  } finally {
    expect((await sec.context.request.delete(`/api/v1/documents/${document.id}`, { headers: fromApp(), data: {} })).ok()).toBe(true);
    await sec.context.close();
  }
});

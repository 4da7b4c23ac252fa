// Page 1 at once: the reader's page carries a picture of the paper's first page (drawn by pdf.js on the server when
// the paper was stored), shown under the reader's name, the time and the paper's mark while pdf.js starts; pdf.js's
// own page 1 takes its place, where it stood (nothing jumps), and the picture is gone.
import { expect, test, type Page } from "@playwright/test";
import { briefingPdf } from "../lib/pdf/briefing";
import { DEMO_MEETING_ID, fromApp, shot, signIn } from "./helpers";

const TABLET = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };
// A paper marked MẬT, so the confidentiality mark lies over the picture too.
const PAPER = "Báo cáo đánh giá đóng góp của kinh tế số vào GDP";

/** The paper's reader URL, opening on page 1 whatever page this member left it at. */
async function paperUrl(page: Page) {
  await page.goto(`/meetings/${DEMO_MEETING_ID}`);
  const href = await page.getByRole("link", { name: new RegExp(PAPER) }).first().getAttribute("href");
  return `${href}?page=1`;
}

/** Holds pdf.js's library back until `release` is called: what a busy tablet does to it, made certain. */
async function holdPdfjs(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route(/\/pdfjs\/[^/]+\/build\/pdf\.min\.mjs$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

for (const [locale, viewport, name, member, who] of [
  ["vi", TABLET, "landscape", "member3@demo.gov.vn", "Vũ Đức Thắng"],
  ["en", PORTRAIT, "portrait", "member4@demo.gov.vn", "Đặng Thu Hương"],
  ["vi", PORTRAIT, "portrait", "member6@demo.gov.vn", "Đỗ Thị Thanh Tâm"],
  ["en", TABLET, "landscape", "member8@demo.gov.vn", "Phan Thị Hồng Nhung"],
] as const) {
  const alt = locale === "vi" ? /Trang 1 của tài liệu/ : /Page 1 of the paper/;
  test(`the first page's picture stands in for page 1 until pdf.js has drawn it (${locale}, ${name})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const { context, page } = await signIn(browser, member, { viewport, touch: true, locale });
    const url = await paperUrl(page);
    const release = await holdPdfjs(page);
    const pictures: number[] = [];
    page.on("response", (r) => r.url().includes("/first-page") && pictures.push(r.status()));
    await page.goto(url);

    // Before pdf.js: the picture, loaded, with the reader's name and the mark over it, and no canvas yet.
    const picture = page.getByTestId("first-page");
    await expect(picture.getByRole("img", { name: alt })).toBeVisible();
    await expect.poll(() => picture.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(1000);
    await expect(picture.locator(".oc-watermark").first()).toContainText(who);
    await expect(picture.locator(".oc-mark")).toHaveText(locale === "vi" ? "Mật" : "Confidential", { ignoreCase: true });
    await expect(page.locator(".page canvas")).toHaveCount(0);
    await expect(page.getByRole("status")).toBeHidden(); // "Opening the paper…" steps aside for the picture
    const before = (await picture.boundingBox())!;
    await shot(page, `first-page-${locale}-${name}-picture`);

    // pdf.js draws page 1 where the picture was; the picture is gone.
    release();
    const page1 = page.locator('.page[data-page-number="1"]');
    await expect(page1.locator("canvas")).toBeVisible({ timeout: 20_000 });
    await expect(picture).toHaveCount(0);
    await expect(page1.locator(".oc-watermark").first()).toContainText(who);
    const drawn = (await page1.locator("canvas").boundingBox())!;
    expect(Math.abs(drawn.x - before.x), "left edge").toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.y - before.y), "top edge").toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.width - before.width), "width").toBeLessThanOrEqual(2);
    expect(Math.abs(drawn.height - before.height), "height").toBeLessThanOrEqual(3);
    // Text selection and search work on pdf.js's page as before.
    await expect(page1.locator(".textLayer span").first()).toBeAttached();
    await shot(page, `first-page-${locale}-${name}-drawn`);
    expect(pictures).toEqual([200]);
    await context.close();
  });
}

// React streams a Suspense boundary apart from the page (hidden, revealed by a script in a later animation frame) once
// the page's HTML passes ~12.8 KB; the reader's panel (toolbar and the paper with page 1's picture) is in one. Apart,
// nothing of the paper showed until the page's scripts had run: the picture arrived and stayed hidden. The page
// keeps the panel in its first piece with room to spare: here a 300-character Vietnamese title, a member's name.
test("the reader's page comes in one piece: the toolbar and page 1's picture are not held back for a later reveal, even under a long title", async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `${"Tờ trình Chính phủ về dự thảo Nghị quyết phát triển Chính phủ số, kết nối dữ liệu các bộ, ngành, địa phương; ".repeat(3)}`.slice(0, 290) + ` ${Date.now() % 1e8}`;
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: TABLET });
  const res = await sec.context.request.post(`/api/v1/meetings/${DEMO_MEETING_ID}/documents`, {
    headers: fromApp(),
    multipart: { title, file: { name: "dai.pdf", mimeType: "application/pdf", buffer: Buffer.from(await briefingPdf({ title, sections: [{ heading: "1", body: "Nội dung. ".repeat(200) }] })) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { document } = await res.json();
  try {
    const { context, page } = await signIn(browser, "member4@demo.gov.vn", { viewport: TABLET, touch: true });
    // The picture is drawn after the upload's answer: the page carries it once it is there.
    await expect.poll(async () => (await context.request.get(`/api/v1/documents/${document.id}/first-page?version=1`)).status(), { timeout: 30_000 }).toBe(200);
    const html = await (await context.request.get(`/meetings/${DEMO_MEETING_ID}/papers/${document.id}`)).text();
    const paper = html.indexOf('id="oc-paper"');
    expect(paper).toBeGreaterThan(0);
    expect(html.indexOf('data-testid="first-page"')).toBeGreaterThan(paper);
    expect(html.slice(0, paper).includes('<div hidden id="S:'), "the panel streamed apart from the page, hidden until a later frame").toBe(false);
    // And in the browser: the picture is on screen while Next's and pdf.js's scripts are all still held back.
    await page.route(/\/_next\/static\/.*\.js$|\/pdfjs\/.*\.mjs$/, () => {});
    await page.goto(`/meetings/${DEMO_MEETING_ID}/papers/${document.id}`, { waitUntil: "commit" });
    await expect(page.getByTestId("first-page").locator("img")).toBeVisible();
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await context.close();
  } finally {
    await sec.context.request.delete(`/api/v1/documents/${document.id}`, { headers: fromApp() });
    await sec.context.close();
  }
});

// pdf.js's downloads (its worker, its library, the paper: ~0.9 MB) wait for the first page's picture, at most a second
// (components/reader/boot.ts): started beside it they shared the tablet's bandwidth, and the picture, the page the
// member sees first, came last. A picture that does not come holds pdf.js back no longer than that.
test("pdf.js's downloads wait for the first page's picture, and for no more than a second", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signIn(browser, "member6@demo.gov.vn", { viewport: TABLET, touch: true });
  const url = await paperUrl(page);
  const pdfjsRequest = /\/file\?|pdf\.worker\.min\.mjs|pdf\.min\.mjs/;
  const seen: string[] = [];
  page.on("request", (r) => pdfjsRequest.test(r.url()) && seen.push(`asked ${r.url()}`));
  page.on("requestfinished", (r) => r.url().includes("/first-page") && seen.push("picture in"));
  // The picture slow (0.6 s): nothing of pdf.js is asked for before it is in.
  await page.route(/\/first-page\?/, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.goto(url);
  const page1 = page.locator('.page[data-page-number="1"]');
  await expect(page1.locator("canvas")).toBeVisible({ timeout: 20_000 });
  expect(seen[0], seen.join("\n")).toBe("picture in");
  expect(seen.filter((s) => s.startsWith("asked")).length, seen.join("\n")).toBeGreaterThanOrEqual(2);

  // The picture never comes: pdf.js starts anyway and draws page 1.
  await page.unroute(/\/first-page\?/);
  await page.route(/\/first-page\?/, () => {});
  seen.length = 0;
  const start = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await expect(page1.locator("canvas")).toBeVisible({ timeout: 20_000 });
  expect(seen.some((s) => s.includes("/file?")), seen.join("\n")).toBe(true);
  expect(Date.now() - start).toBeLessThan(20_000);
  await context.close();
});

// The paper's bytes: the server noted, when it drew the first page's picture, which byte ranges pdf.js reads to show
// page 1 (lib/documents/firstpage.ts); the reader asks for those, all at once, instead of the whole file, and pdf.js
// draws page 1 from them. The rest of a small paper follows in the background once page 1 is drawn.
test("the reader asks for the byte ranges page 1 needs, not the whole paper, and pdf.js draws page 1 from them", async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await signIn(browser, "member8@demo.gov.vn", { viewport: TABLET, touch: true });
  const url = await paperUrl(page);
  const asked: { range: string | null; drawn: boolean }[] = [];
  let drawn = false;
  page.on("request", (r) => r.url().includes("/file?") && asked.push({ range: r.headers().range ?? null, drawn }));
  await page.goto(url);
  const page1 = page.locator('.page[data-page-number="1"]');
  await expect(page1.locator("canvas")).toBeVisible({ timeout: 20_000 });
  drawn = true;
  // Its words are there (pdf.js read the right bytes), and every request before page 1 was for a range.
  await expect(page1.locator(".textLayer")).toContainText(/\S/, { timeout: 20_000 });
  const before = asked.filter((a) => !a.drawn);
  expect(before.length, JSON.stringify(asked)).toBeGreaterThan(0);
  expect(before.every((a) => a.range && /^bytes=\d+-\d+$/.test(a.range)), JSON.stringify(asked)).toBe(true);
  // The last page is reached and drawn: the rest of the paper comes when needed.
  const count = await page.locator(".page").count();
  await page.getByTestId("page-input").fill(String(count));
  await page.getByTestId("page-input").press("Enter");
  await expect(page.locator(`.page[data-page-number="${count}"] canvas`)).toBeVisible({ timeout: 20_000 });
  await context.close();
});

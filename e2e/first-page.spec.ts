// Page 1 at once: the reader's page carries a picture of the paper's first page (drawn by pdf.js on the server when
// the paper was stored), shown under the reader's name, the time and the paper's mark while pdf.js starts; pdf.js's
// own page 1 takes its place, where it stood (nothing jumps), and the picture is gone.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MEETING_ID, shot, signIn } from "./helpers";

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

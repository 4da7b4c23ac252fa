import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const DEMO_MEETING_ID = "demo-cabinet-meeting";

/** A fresh browser context (a separate tablet) signed in through the real login form, in the given language (vi). */
export async function signIn(browser: Browser, email: string, opts: { locale?: "vi" | "en"; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/Email/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
  await page.getByRole("button", { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL("**/meetings");
  // The language is stored per user: set it every time, so no test depends on what an earlier one chose.
  await setLocale(context, opts.locale ?? "vi");
  await page.reload();
  return { context, page };
}

export async function setLocale(context: BrowserContext, locale: "vi" | "en") {
  const res = await context.request.patch("/api/v1/me", { data: { locale } });
  expect(res.status()).toBe(200);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

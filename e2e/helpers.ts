import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const DEMO_MEETING_ID = "demo-cabinet-meeting";

/** A fresh browser context (a separate tablet) signed in through the real login form. */
export async function signIn(browser: Browser, email: string, opts: { locale?: "vi" | "en"; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/Email/).fill(email);
  await page.getByLabel(/Mật khẩu|Password/).fill(PASSWORD);
  await page.getByRole("button", { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL("**/meetings");
  if (opts.locale) await setLocale(context, opts.locale);
  return { context, page };
}

export async function setLocale(context: BrowserContext, locale: "vi" | "en") {
  const res = await context.request.patch("/api/v1/me", { data: { locale } });
  expect(res.status()).toBe(200);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export const PASSWORD = "demo-password";
export const DEMO_MEETING_ID = "demo-cabinet-meeting";

/**
 * A fresh browser context (a separate tablet) signed in, in the given language (vi), on "my meetings".
 * It signs in through next-auth's own endpoint, as the login form does, without rendering the form: a busy machine
 * then spends its time on what each test is about (the form itself is tested in skeleton.spec.ts).
 */
export async function signIn(browser: Browser, email: string, opts: { locale?: "vi" | "en"; viewport?: { width: number; height: number }; touch?: boolean } = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1024, height: 768 }, hasTouch: opts.touch });
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const res = await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" }, headers: fromApp() });
  expect(res.ok(), `sign-in of ${email}`).toBe(true);
  // The language is stored per user: set it every time, so no test depends on what an earlier one chose.
  await setLocale(context, opts.locale ?? "vi");
  const page = await context.newPage();
  await page.goto("/meetings");
  await expect(page.getByTestId("notification-bell")).toBeVisible(); // signed in and rendered
  return { context, page };
}

/** Headers for a write made through the API from a test: it says where it comes from, as a browser does (writes with a cookie and no Origin are refused). */
export const fromApp = () => ({ origin: test.info().project.use.baseURL! });

export async function setLocale(context: BrowserContext, locale: "vi" | "en") {
  const res = await context.request.patch("/api/v1/me", { data: { locale }, headers: fromApp() });
  expect(res.status()).toBe(200);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

/** Chooses a person in a people picker (combobox): types part of the name, then taps the match. */
export async function pickPerson(scope: Page | Locator, label: string, name: string, typed = name) {
  const box = scope.getByRole("combobox", { name: label });
  await box.fill(typed);
  await scope.getByRole("listbox", { name: label }).getByRole("option").filter({ hasText: name }).first().click();
  await expect(box).toHaveValue(name);
}

/** A user's id, by name, from the people the secretariat may choose (GET /users). */
export async function userId(context: BrowserContext, name: string): Promise<string> {
  const { users } = await (await context.request.get("/api/v1/users")).json();
  const user = users.find((u: { name: string }) => u.name === name);
  if (!user) throw new Error(`no user ${name}`);
  return user.id;
}

// Sessions, sockets and the browser's security settings against the production build: a nonce CSP with no
// violation, a stray % cookie, sign-out that really ends the session and stays on the address the tablet used,
// sign out everywhere, a removed participant, and the sign-in throttle ignoring forged X-Forwarded-For.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MEETING_ID, fromApp, PASSWORD, signIn } from "./helpers";

const port = Number(process.env.E2E_PORT || 3100);

/** Every CSP violation the page reports, collected from the start of each document. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && console.push(m.text()));
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test("pages carry a per-request nonce policy (no 'unsafe-inline' script, sockets only to this host) and nothing is refused", async ({ browser }) => {
  const { context, page } = await signIn(browser, "member1@demo.gov.vn");
  const violations = await watchCsp(page);
  const policies: string[] = [];
  for (const path of ["/meetings", `/meetings/${DEMO_MEETING_ID}`]) {
    const res = await page.goto(path);
    policies.push(res!.headers()["content-security-policy"]);
    if (path !== "/meetings") await expect(page.getByTestId("live-status")).toHaveText(/Đang cập nhật trực tiếp/);
    expect(await violations()).toEqual([]);
  }
  for (const policy of policies) {
    const script = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(script).not.toContain("unsafe-inline");
    const connect = policy.split("; ").find((d) => d.startsWith("connect-src "))!;
    expect(connect).toBe(`connect-src 'self' ws://localhost:${port} wss://localhost:${port}`);
  }
  expect(policies[0]).not.toBe(policies[1]); // a fresh nonce each time
  await context.close();
});

test("a stray % in another app's cookie breaks neither pages, the API nor the live socket", async ({ browser }) => {
  const { context, page } = await signIn(browser, "member2@demo.gov.vn");
  await context.addCookies([{ name: "other", value: "%", url: `http://localhost:${port}` }]);
  await page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await expect(page.getByTestId("live-status")).toHaveText(/Đang cập nhật trực tiếp/);
  expect((await context.request.get("/api/v1/me")).status()).toBe(200);
  await context.close();
});

test("signing out ends the session (a copied cookie is refused) and stays on the address the tablet came in on", async ({ browser }) => {
  const origin = `http://127.0.0.1:${port}`;
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("member8@demo.gov.vn");
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(`${origin}/meetings`);
  const copied = await context.cookies();
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await page.waitForURL(`${origin}/login**`);
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);

  await expect(page.getByTestId("session-ended")).toHaveText("Bạn đã đăng xuất.");

  // next-auth's own redirects follow the address too (not the localhost default), and a forged X-Forwarded-Host is ignored.
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  const signedIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "member8@demo.gov.vn", password: PASSWORD, json: "true" },
    headers: { "x-forwarded-host": "evil.example" },
  });
  expect(new URL((await signedIn.json()).url).origin).toBe(origin);
  const signedOut = await context.request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login", json: "true" } });
  expect((await signedOut.json()).url).toBe(`${origin}/login`);

  const thief = await browser.newContext({ baseURL: origin });
  await thief.addCookies(copied);
  expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
  await context.close();
  await thief.close();
});

test("sign out on all devices: this tablet and the other one land on the sign-in page, saying why", async ({ browser }) => {
  const a = await signIn(browser, "member5@demo.gov.vn");
  const b = await signIn(browser, "member5@demo.gov.vn");
  await b.page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await expect(b.page.getByTestId("live-status")).toHaveText(/Đang cập nhật trực tiếp/);
  await a.page.getByRole("button", { name: /^Tài khoản của / }).click();
  await a.page.getByRole("button", { name: "Đăng xuất trên mọi thiết bị" }).click();
  await a.page.getByRole("dialog").getByRole("button", { name: "Đăng xuất trên mọi thiết bị" }).click();
  for (const { page } of [a, b]) {
    await page.waitForURL("**/login?ended=signedOutEverywhere");
    await expect(page.getByTestId("session-ended")).toHaveText("Bạn đã được đăng xuất trên mọi thiết bị.");
    expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  }
  await a.context.close();
  await b.context.close();
});

test("a participant removed while the meeting is open sees a notice instead of the meeting", async ({ browser }) => {
  const member = await signIn(browser, "member6@demo.gov.vn");
  const me = (await (await member.context.request.get("/api/v1/me")).json()).user;
  await member.page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await expect(member.page.getByTestId("live-status")).toHaveText(/Đang cập nhật trực tiếp/);

  const secretariat = await signIn(browser, "secretariat@demo.gov.vn");
  const snap = await (await secretariat.context.request.get(`/api/v1/meetings/${DEMO_MEETING_ID}`)).json();
  const participant = snap.participants.find((p: { user: { id: string } }) => p.user.id === me.id);
  expect((await secretariat.context.request.delete(`/api/v1/participants/${participant.id}`, { data: {}, headers: fromApp() })).status()).toBe(200);

  await expect(member.page.getByTestId("meeting-removed")).toContainText("Bạn không còn tham dự cuộc họp này");
  await expect(member.page.getByRole("heading", { name: "Chương trình họp" })).toHaveCount(0);
  expect((await member.context.request.get(`/api/v1/meetings/${DEMO_MEETING_ID}`)).status()).toBe(404);

  // Put the demo back as it was.
  const back = await secretariat.context.request.post(`/api/v1/meetings/${DEMO_MEETING_ID}/participants`, { data: { userId: me.id, role: "MEMBER", mayVote: true }, headers: fromApp() });
  expect(back.status()).toBe(201);
  await member.context.close();
  await secretariat.context.close();
});

test("the sign-in throttle counts the real client address: a forged X-Forwarded-For does not reset it", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: `http://localhost:${port}` });
  const attempt = async (password: string, forged: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const res = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "member7@demo.gov.vn", password, json: "true" },
      headers: { "x-forwarded-for": forged },
    });
    return new URL((await res.json()).url).searchParams.get("error");
  };
  // Five wrong guesses, each claiming another address (an earlier run may already have locked this address out).
  for (let i = 1; i <= 5; i++) expect(["CredentialsSignin", "RATE_LIMITED"]).toContain(await attempt(`guess-${i}`, `203.0.113.${i}`));
  // Were the header believed, this would be a fresh address and the right password would pass.
  expect(await attempt(PASSWORD, "198.51.100.9")).toBe("RATE_LIMITED");
  await request.dispose();
});

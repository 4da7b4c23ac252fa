import { expect, test } from "@playwright/test";
import { DEMO_MEETING_ID, fromApp, shot, signIn } from "./helpers";

test("a member signs in (Vietnamese), sees only their meetings, and sees a rename live", async ({ browser }) => {
  const member = await signIn(browser, "member1@demo.gov.vn");
  const { page } = member;
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { name: "Cuộc họp của tôi" })).toBeVisible();
  await expect(page.getByText("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026")).toBeVisible();
  // The draft meeting is not published: a member does not see it at all.
  await expect(page.getByText("Phiên họp chuyên đề về xây dựng pháp luật")).toHaveCount(0);
  await shot(page, "meetings-vi-1024x768");

  await page.getByText("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026").click();
  await page.waitForURL(`**/meetings/${DEMO_MEETING_ID}`);
  await expect(page.getByRole("heading", { name: "Chương trình họp" })).toBeVisible();
  await expect(page.getByTestId("live-status")).toHaveText(/Đang cập nhật trực tiếp/);
  await expect(page.getByText("Tờ trình dự thảo Nghị quyết về phát triển Chính phủ điện tử")).toBeVisible();
  await shot(page, "meeting-vi-1024x768");

  // A second tablet: the secretariat renames an agenda item through the API.
  const secretariat = await signIn(browser, "secretariat@demo.gov.vn");
  const snap = await (await secretariat.context.request.get(`/api/v1/meetings/${DEMO_MEETING_ID}`)).json();
  const item = snap.agenda[1].children[1];
  const newTitle = `Hạ tầng số quốc gia – cập nhật ${Date.now()}`;
  const res = await secretariat.context.request.patch(`/api/v1/agenda-items/${item.id}`, {
    data: { title: newTitle, baseVersion: snap.meeting.version },
    headers: fromApp(),
  });
  expect(res.status()).toBe(200);

  // The member's open page shows it without a reload, marked as updated.
  const renamed = page.locator(`[data-item-id="${item.id}"]`).first();
  await expect(renamed.getByTestId("agenda-title").first()).toHaveText(newTitle);
  await expect(renamed.getByText("Mới cập nhật").first()).toBeVisible();
  await shot(page, "meeting-live-rename-vi-1024x768");

  // A stale write (same base version again) is refused with 409 and the fresh state.
  const stale = await secretariat.context.request.patch(`/api/v1/agenda-items/${item.id}`, {
    data: { title: "Stale", baseVersion: snap.meeting.version },
    headers: fromApp(),
  });
  expect(stale.status()).toBe(409);
  const body = await stale.json();
  expect(body.error.code).toBe("CONFLICT");
  expect(body.error.details.meeting.meeting.version).toBe(snap.meeting.version + 1);

  await member.context.close();
  await secretariat.context.close();
});

test("a member cannot open a meeting that is not theirs, nor edit the agenda", async ({ browser }) => {
  const { context, page } = await signIn(browser, "member3@demo.gov.vn");
  await page.goto("/meetings/demo-draft-meeting");
  await expect(page.getByText("Không tìm thấy trang")).toBeVisible();
  const snap = await (await context.request.get(`/api/v1/meetings/${DEMO_MEETING_ID}`)).json();
  const res = await context.request.patch(`/api/v1/agenda-items/${snap.agenda[0].id}`, { data: { title: "Hacked" }, headers: fromApp() });
  expect(res.status()).toBe(403);
  await context.close();
});

test("wrong password shows a readable error; sign out returns to the login page", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("member2@demo.gov.vn");
  await page.getByLabel("Mật khẩu").fill("wrong-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." })).toBeVisible();
  await page.getByLabel("Mật khẩu").fill("demo-password");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL("**/meetings");
  // The page now speaks the user's stored language (another test may have chosen English for this user).
  await page.getByRole("button", { name: /^(Đăng xuất|Sign out)$/ }).click();
  await page.waitForURL("**/login**");
  await context.close();
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  for (const locale of ["vi", "en"] as const) {
    test(`tablet screenshots ${locale} ${viewport.width}x${viewport.height}`, async ({ browser }) => {
      const { context, page } = await signIn(browser, "chair@demo.gov.vn", { locale, viewport });
      await page.goto(`/meetings/${DEMO_MEETING_ID}`);
      await expect(page.getByRole("heading", { name: locale === "vi" ? "Chương trình họp" : "Agenda" })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await shot(page, `meeting-chair-${locale}-${viewport.width}x${viewport.height}`);
      await page.goto("/meetings");
      await shot(page, `meetings-chair-${locale}-${viewport.width}x${viewport.height}`);
      await context.close();
    });
  }
}

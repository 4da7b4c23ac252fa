import { expect, test } from "@playwright/test";
import { fromApp, shot, signIn } from "./helpers";

const row = (page: import("@playwright/test").Page, title: string) =>
  page.locator('[data-testid="agenda-item"]', { has: page.getByTestId("agenda-title").getByText(title, { exact: true }) });

// Two secretariat officers (the secretariat officer and the administrator) prepare the same meeting at once.
test("two officers edit the same item: the second sees both versions, nothing is lost; a form keeps what is typed while other changes arrive", async ({ browser }) => {
  const a = await signIn(browser, "secretariat@demo.gov.vn");
  const b = await signIn(browser, "admin@demo.gov.vn", { locale: "en" });
  const created = await a.context.request.post("/api/v1/meetings", {
    data: { title: `Phiên họp chuẩn bị song song ${Date.now()}`, kind: "REGULAR", startsAt: "2027-04-01T01:00:00Z", endsAt: "2027-04-01T04:00:00Z" },
    headers: fromApp(),
  });
  expect(created.status()).toBe(201);
  const meetingId = (await created.json()).meeting.id;
  const item = await a.context.request.post(`/api/v1/meetings/${meetingId}/agenda-items`, { data: { title: "Báo cáo tình hình kinh tế – xã hội", plannedMinutes: 20 }, headers: fromApp() });
  expect(item.status()).toBe(201);

  // Count snapshot re-fetches once the pages have loaded theirs: live changes must arrive in the events themselves.
  let snapshotFetches = 0;
  for (const p of [a.page, b.page]) {
    await p.goto(`/meetings/${meetingId}`);
    await expect(p.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
    p.on("request", (r) => {
      if (r.method() === "GET" && new URL(r.url()).pathname === `/api/v1/meetings/${meetingId}`) snapshotFetches++;
    });
  }

  // Both open the item's edit form.
  await row(a.page, "Báo cáo tình hình kinh tế – xã hội").getByRole("button", { name: "Sửa" }).click();
  await row(b.page, "Báo cáo tình hình kinh tế – xã hội").getByRole("button", { name: "Edit" }).click();
  const aTitle = a.page.getByLabel("Tên nội dung").first();
  const bTitle = b.page.getByLabel("Item title").first();
  await bTitle.fill("Báo cáo KT-XH tháng 3 (bản của B)");

  // A saves first; B's open form keeps what B typed while A's change arrives live.
  await aTitle.fill("Báo cáo KT-XH quý I (bản của A)");
  await a.page.getByRole("button", { name: "Lưu" }).first().click();
  await expect(b.page.getByTestId("agenda-title").filter({ hasText: "(bản của A)" })).toBeVisible();
  await expect(bTitle).toHaveValue("Báo cáo KT-XH tháng 3 (bản của B)");

  // B saves: not silently over A's edit — both versions are shown.
  await b.page.getByRole("button", { name: "Save" }).first().click();
  const conflict = b.page.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId("conflict-theirs").first()).toHaveText("Báo cáo KT-XH quý I (bản của A)");
  await expect(conflict.getByTestId("conflict-mine").first()).toHaveText("Báo cáo KT-XH tháng 3 (bản của B)");
  await shot(b.page, "conflict-1024x768-en");
  // B knowingly keeps B's version; both tablets then show it.
  await conflict.getByRole("button", { name: "Keep mine and save" }).click();
  await expect(conflict).toHaveCount(0);
  for (const p of [a.page, b.page]) await expect(p.getByTestId("agenda-title").filter({ hasText: "(bản của B)" })).toBeVisible();

  // A form stays as typed while unrelated changes arrive, and saves without a false conflict.
  await b.page.getByText("Meeting details").click();
  const location = b.page.getByLabel("Location");
  await location.fill("Phòng họp số 3, Trụ sở Chính phủ");
  const more = await a.context.request.post(`/api/v1/meetings/${meetingId}/agenda-items`, { data: { title: "Bế mạc", plannedMinutes: 5 }, headers: fromApp() });
  expect(more.status()).toBe(201);
  await expect(b.page.getByTestId("agenda-title").filter({ hasText: "Bế mạc" })).toBeVisible();
  await expect(location).toHaveValue("Phòng họp số 3, Trụ sở Chính phủ");
  await b.page.getByRole("button", { name: "Save" }).last().click();
  await expect(b.page.getByTestId("conflict")).toHaveCount(0);
  await expect(a.page.getByText("Phòng họp số 3, Trụ sở Chính phủ")).toBeVisible();
  await shot(a.page, "live-details-1024x768-vi");

  // The snapshot was never re-fetched for these changes: the events carried them.
  expect(snapshotFetches).toBe(0);
  await a.context.close();
  await b.context.close();
});

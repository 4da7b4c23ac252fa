// A secret vote on tablets: the chair plans and opens it on their console, four members vote by touch, everyone sees
// "n of m" move live, the chair closes it, and every screen shows the same result. In Vietnamese and English.
import { expect, test, type Page } from "@playwright/test";
import { fromApp, shot, signIn } from "./helpers";

test("the chair opens a secret vote; four members vote on tablets; progress live; the chair closes; every screen shows the same result", async ({ browser }) => {
  test.setTimeout(180_000);
  const sec = await signIn(browser, "secretariat@demo.gov.vn");
  const chair = await signIn(browser, "chair@demo.gov.vn");
  const emails = ["member1@demo.gov.vn", "member2@demo.gov.vn", "member3@demo.gov.vn", "member4@demo.gov.vn"];
  // Tablets in both orientations, touch; one member reads in English.
  const members = [];
  for (const [i, email] of emails.entries()) {
    members.push(await signIn(browser, email, { touch: true, locale: i === 3 ? "en" : "vi", viewport: i % 2 ? { width: 768, height: 1024 } : { width: 1024, height: 768 } }));
  }
  const idOf = async (ctx: typeof sec) => ((await (await ctx.context.request.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
  const chairId = await idOf(chair);

  // A meeting of its own (so the test can run again on the same database), prepared, approved and published.
  const api = async (ctx: typeof sec, method: "post" | "patch", url: string, data: unknown, want = 200) => {
    const res = await ctx.context.request[method](url, { data, headers: fromApp() });
    expect(res.status(), `${method} ${url}: ${await res.text()}`).toBe(want);
    return res.json();
  };
  const { meeting } = await api(sec, "post", "/api/v1/meetings", {
    title: `Phiên họp biểu quyết ${Date.now()}`, kind: "REGULAR", chairId, startsAt: "2027-04-01T01:00:00Z", endsAt: "2027-04-01T04:00:00Z",
  }, 201);
  await api(sec, "post", `/api/v1/meetings/${meeting.id}/agenda-items`, { title: "Dự án Luật Dữ liệu", plannedMinutes: 30 }, 201);
  for (const m of members) await api(sec, "post", `/api/v1/meetings/${meeting.id}/participants`, { userId: await idOf(m), role: "MEMBER", mayVote: true }, 201);
  await api(sec, "post", `/api/v1/meetings/${meeting.id}/submit`, {});
  await api(chair, "post", `/api/v1/meetings/${meeting.id}/review`, { decision: "APPROVE" });
  await api(sec, "post", `/api/v1/meetings/${meeting.id}/publish`, {});
  await api(chair, "post", `/api/v1/meetings/${meeting.id}/live`, { command: "start" });
  for (const m of members) await api(m, "post", `/api/v1/meetings/${meeting.id}/attendance/me`, { present: true });

  const open = async (page: Page) => {
    await page.goto(`/meetings/${meeting.id}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  };
  await open(chair.page);
  for (const m of members) await open(m.page);

  // The chair plans the vote on their console: a secret ballot by the Government's rule.
  await chair.page.getByTestId("vote-new").click();
  const form = chair.page.getByTestId("vote-form");
  await form.getByLabel("Nội dung biểu quyết").fill("Thông qua dự án Luật Dữ liệu");
  await form.getByLabel("Bỏ phiếu kín").check();
  await form.getByRole("button", { name: "Tạo" }).click();
  const chairCard = chair.page.getByTestId("vote-card").first();
  await expect(chairCard).toHaveAttribute("data-status", "DRAFT");
  // Members see the planned vote at once, without choices yet.
  await expect(members[0].page.getByTestId("vote-card")).toHaveAttribute("data-status", "DRAFT");
  await expect(members[0].page.getByTestId("vote-option")).toHaveCount(0);

  await chairCard.getByTestId("vote-open").click();
  await expect(chairCard).toHaveAttribute("data-status", "OPEN");
  await expect(chairCard.getByTestId("vote-progress")).toContainText("0 / 4 đã biểu quyết");
  // The ballot reaches every member's tablet at once.
  for (const m of members) await expect(m.page.getByTestId("vote-option")).toHaveCount(3);
  await shot(members[0].page, "vote-ballot-vi-1024x768");
  await shot(members[3].page, "vote-ballot-en-768x1024");

  // Three vote for, one against; by touch. Progress moves live on the chair's console, with who has not voted.
  const choices = [0, 0, 1, 0];
  for (const [i, m] of members.entries()) {
    await m.page.getByTestId("vote-option").nth(choices[i]).tap();
    await expect(m.page.getByTestId("ballot-recorded")).toBeVisible();
    await expect(chairCard.getByTestId("vote-progress")).toContainText(`${i + 1} / 4 đã biểu quyết`);
  }
  // Secret: a member's receipt says recorded, never what they chose; nobody sees counts before the close.
  await expect(members[0].page.getByTestId("ballot-recorded")).toContainText("Không ai biết bạn đã chọn gì");
  await expect(members[3].page.getByTestId("ballot-recorded")).toContainText("Nobody can tell what you chose");
  await expect(members[0].page.getByTestId("vote-option")).toHaveCount(0); // one secret ballot, no second
  await expect(chairCard.getByTestId("vote-live-counts")).toHaveCount(0);
  await expect(chairCard.getByTestId("vote-not-voted")).toContainText("Tất cả đã biểu quyết");
  await shot(chair.page, "vote-chair-progress-vi-1024x768");

  // The chair closes it; the result is the same on every screen.
  await chairCard.getByRole("button", { name: "Kết thúc biểu quyết" }).click();
  await chair.page.getByRole("dialog").getByRole("button", { name: "Kết thúc biểu quyết" }).click();
  for (const p of [chair.page, ...members.map((m) => m.page)]) {
    const result = p.getByTestId("vote-result");
    await expect(result).toHaveAttribute("data-passed", "true");
  }
  // 5 members with a vote (the chair and four), 4 present: 3 for is more than half of all 5; 2/3 of 5 present (4).
  await expect(chair.page.getByTestId("vote-result")).toContainText("THÔNG QUA");
  await expect(chair.page.getByTestId("vote-result")).toContainText("4 phiếu / 5 thành viên, 4 có mặt");
  await expect(members[3].page.getByTestId("vote-result")).toContainText("PASSED");
  await shot(members[1].page, "vote-result-vi-768x1024");
  await shot(members[3].page, "vote-result-en-768x1024");
  await shot(chair.page, "vote-result-chair-vi-1024x768");

  // The room display shows the result too.
  const { path } = await api(chair, "post", `/api/v1/meetings/${meeting.id}/live/display`, {}, 201);
  const display = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const screen = await display.newPage();
  await screen.goto(path);
  await expect(screen.getByTestId("display-vote")).toHaveAttribute("data-status", "CLOSED");
  await expect(screen.getByTestId("display-vote")).toContainText("THÔNG QUA");
  await expect(screen.getByTestId("display-vote")).toContainText("Tán thành: 3");
  await shot(screen, "vote-display-vi-1920x1080");
  await display.close();

  // The result as a PDF, from the member's tablet.
  const pdf = await members[0].context.request.get(await members[0].page.getByRole("link", { name: "Tải kết quả (PDF)" }).getAttribute("href") as string);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // A ballot after the close is refused with a clear message.
  const voteId = await chairCard.getAttribute("data-vote-id");
  const late = await members[0].context.request.post(`/api/v1/votes/${voteId}/ballot`, { data: { choice: 0 }, headers: fromApp() });
  expect(late.status()).toBe(403);
  expect((await late.json()).error.message).toBe("Biểu quyết đã kết thúc; phiếu của bạn không được ghi nhận.");

  for (const c of [sec, chair, ...members]) await c.context.close();
});

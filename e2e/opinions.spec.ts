// Written opinions between meetings, from preparation to summary: the secretariat prepares a request (questions, a
// paper, three members, the approver), submits it; the approver approves (which sends it); members answer on
// tablets by touch (one changes their answer); the secretariat's summary moves live; the secretariat closes it, the
// stored result and the PDF report follow, and a late answer is refused with a message. Vietnamese and English.
import { expect, test } from "@playwright/test";
import { fromApp, pickPerson, setLocale, shot, signIn } from "./helpers";

test("a written-opinion request from preparation to summary, members answering on tablets", async ({ browser }) => {
  test.setTimeout(180_000);
  const sec = await signIn(browser, "secretariat@demo.gov.vn");
  const chair = await signIn(browser, "chair@demo.gov.vn");
  const members = [
    await signIn(browser, "member1@demo.gov.vn", { touch: true }),
    await signIn(browser, "member2@demo.gov.vn", { touch: true, viewport: { width: 768, height: 1024 } }),
    await signIn(browser, "member3@demo.gov.vn", { touch: true, locale: "en" }),
  ];
  const outsider = await signIn(browser, "member4@demo.gov.vn");
  const nameOf = async (ctx: typeof sec) => ((await (await ctx.context.request.get("/api/v1/me")).json()) as { user: { name: string } }).user.name;
  const chairName = await nameOf(chair);
  const names = [];
  for (const m of members) names.push(await nameOf(m));

  // Preparation: from the header's link, a new request (its own title, so the test can run again).
  const title = `Xin ý kiến dự thảo Nghị định ${Date.now()}`;
  const page = sec.page;
  await page.getByRole("link", { name: "Lấy ý kiến" }).first().click();
  await page.getByRole("link", { name: "+ Phiếu lấy ý kiến mới" }).click();
  const form = page.getByTestId("opinion-form");
  await form.getByLabel("Trích yếu").fill(title);
  await form.getByLabel("Nội dung trình (tóm tắt)").fill("Văn phòng Chính phủ xin ý kiến thành viên Chính phủ về dự thảo Nghị định.");
  await form.getByTestId("opinion-question").first().fill("Thông qua dự thảo Nghị định?");
  await form.getByRole("button", { name: "+ Thêm câu hỏi" }).click();
  await form.getByTestId("opinion-question").nth(1).fill("Nghị định có hiệu lực từ ngày 01/01/2027?");
  for (const n of names) await form.getByTestId("opinion-recipients").getByRole("checkbox", { name: n }).check();
  await form.getByTestId("opinion-papers").getByRole("checkbox").first().check();
  await pickPerson(form, "Người duyệt", chairName);
  await form.getByTestId("opinion-save").click();
  await expect(page).toHaveURL(/\/opinions\/(?!new$)[^/]+$/);
  const opinionId = page.url().split("/").pop()!;
  await expect(page.getByTestId("opinion-status")).toHaveText("Dự thảo");
  await page.getByRole("button", { name: "Trình duyệt" }).click();
  await expect(page.getByTestId("opinion-status")).toHaveText("Chờ duyệt");
  // Not sent yet: members see nothing.
  expect((await members[0].context.request.get(`/api/v1/opinions/${opinionId}`)).status()).toBe(404);

  // The approver approves: sent to the members asked at once.
  await chair.page.goto(`/opinions/${opinionId}`);
  await chair.page.getByRole("button", { name: "Duyệt và gửi" }).click();
  await expect(chair.page.getByTestId("opinion-status")).toHaveText("Đang lấy ý kiến");

  // The secretariat follows the summary live.
  await page.goto(`/opinions/${opinionId}/summary`);
  await expect(page.getByTestId("summary-progress")).toHaveText("0/3 thành viên đã trả lời");

  // Members find it in their list and answer by touch.
  const answer = async (m: (typeof members)[number], choices: string[], other?: string) => {
    await m.page.goto("/opinions");
    await m.page.getByTestId("opinion-list").getByRole("link", { name: new RegExp(title.slice(-13)) }).tap();
    const f = m.page.getByTestId("answer-form");
    for (const [i, c] of choices.entries()) await f.getByTestId("answer-question").nth(i).getByRole("radio", { name: c, exact: true }).tap();
    if (other) await f.getByRole("textbox").fill(other);
    await f.getByTestId("answer-send").tap();
    await expect(f.getByTestId("answer-recorded")).toBeVisible();
  };
  await answer(members[0], ["Đồng ý", "Đồng ý"]);
  await expect(page.getByTestId("summary-progress")).toHaveText("1/3 thành viên đã trả lời");
  await shot(members[0].page, "opinions-answer-vi-1024x768");
  await answer(members[1], ["Đồng ý", "Ý kiến khác"], "Đề nghị lùi thời điểm có hiệu lực đến 01/7/2027.");
  await shot(members[1].page, "opinions-answer-vi-768x1024");
  await answer(members[2], ["Disagree", "Agree"]);
  await shot(members[2].page, "opinions-answer-en-1024x768");
  await members[2].page.setViewportSize({ width: 768, height: 1024 });
  await shot(members[2].page, "opinions-answer-en-768x1024");

  // One member changes their answer before the deadline: counted once, the latest.
  const f0 = members[0].page.getByTestId("answer-form");
  await f0.getByTestId("answer-question").first().getByRole("radio", { name: "Không đồng ý", exact: true }).tap();
  await f0.getByTestId("answer-send").tap();
  const q1 = page.getByTestId("summary-question").first();
  await expect(page.getByTestId("summary-progress")).toHaveText("3/3 thành viên đã trả lời");
  await expect(q1.getByTestId("count-AGREE")).toHaveText("1");
  await expect(q1.getByTestId("count-DISAGREE")).toHaveText("2");
  await expect(page.getByTestId("summary-question").nth(1).getByTestId("count-OTHER")).toHaveText("1");
  await shot(page, "opinions-summary-vi-1024x768");
  // A member not asked sees nothing of it; a member asked does not see the summary.
  expect((await outsider.context.request.get(`/api/v1/opinions/${opinionId}`)).status()).toBe(404);
  expect((await members[0].context.request.get(`/api/v1/opinions/${opinionId}/summary`)).status()).toBe(403);

  // The secretariat closes: the result is stored, the report is a PDF.
  await page.getByRole("button", { name: "Kết thúc lấy ý kiến" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Đồng ý" }).click();
  await expect(page.getByTestId("opinion-status")).toHaveText("Đã kết thúc");
  await expect(page.getByTestId("opinion-result")).toBeVisible();
  await expect(page.getByTestId("summary-progress")).toHaveText("3/3 thành viên đã trả lời");
  const pdf = await sec.context.request.get(`/api/v1/opinions/${opinionId}/report.pdf`);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // After the close an answer is refused, saying so (in the member's language).
  const late = await members[2].context.request.put(`/api/v1/opinions/${opinionId}/answers`, { data: { answers: [{ questionId: "x", choice: "AGREE" }] }, headers: fromApp() });
  expect(late.status()).toBe(409);
  expect((await late.json()).error.message).toBe("Opinions are no longer collected; your opinion was not recorded.");
  await members[2].page.reload();
  await expect(members[2].page.getByTestId("my-answers")).toContainText("The deadline has passed.");

  // The summary in English on a portrait tablet.
  await setLocale(sec.context, "en");
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.reload();
  await expect(page.getByTestId("summary-progress")).toHaveText("3 of 3 members have answered");
  await shot(page, "opinions-summary-en-768x1024");
  await setLocale(sec.context, "vi");
  for (const ctx of [sec, chair, ...members, outsider]) await ctx.context.close();
});

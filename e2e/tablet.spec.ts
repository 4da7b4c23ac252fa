// What a Vietnamese official meets on a tablet: dates as they read them, people found by typing, refusals in their
// language, an invitation that remembers their answer, a notification panel that behaves, 44 px targets.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_MEETING_ID, pickPerson, shot, signIn } from "./helpers";

const TABLETS = [{ width: 1024, height: 768 }, { width: 768, height: 1024 }];
/** An error note (not Next's empty route announcer, which is an alert too). */
const problem = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

/** Visible controls smaller than 44×44 px (a checkbox or radio counts by its label, which is what a finger taps). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=option]");
    return [...controls]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden" && !el.closest(".sr-only");
      })
      .map((el) => {
        const target = el.matches("input[type=checkbox], input[type=radio]") ? (el.closest("label") ?? el) : el;
        const r = target.getBoundingClientRect();
        return { control: el.outerHTML.slice(0, 100), width: Math.round(r.width), height: Math.round(r.height) };
      })
      .filter((c) => c.width < 44 || c.height < 44);
  });
}

/** Agenda rows where the number sits on another line than the title's first line (a lone "2." in portrait). */
function loneNumbers(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="agenda-item"]')].flatMap((item) => {
      const title = item.querySelector('[data-testid="agenda-title"]');
      const number = title?.closest("div.flex")?.firstElementChild;
      if (!title || !number) return [];
      const dy = Math.abs(title.getClientRects()[0].top - number.getBoundingClientRect().top);
      return dy > 8 ? [`${number.textContent} ${title.textContent}`] : [];
    }),
  );
}

test("dates are dd/mm/yyyy and 24-hour; the chair is found by typing without diacritics; refusals in Vietnamese; guardrails while preparing", async ({ browser }) => {
  const { page, context } = await signIn(browser, "secretariat@demo.gov.vn", { touch: true });
  await page.goto("/meetings/new");
  const title = `Phiên họp chuyên đề ${Date.now()}`;
  await page.getByLabel("Tên cuộc họp").fill(title);
  await page.getByTestId("m-start-day").fill("26/11/2027");
  await page.getByTestId("m-start-clock").fill("14:30");
  await page.getByTestId("m-end-day").fill("26/11/2027");
  await page.getByTestId("m-end-clock").fill("13:00");

  // The administrator is not offered; "duc" finds "Đức"; the list is in Vietnamese order.
  const chair = page.getByRole("combobox", { name: "Chủ trì" });
  await chair.fill("quan tri");
  await expect(page.getByText("Không tìm thấy người phù hợp.")).toBeVisible();
  await chair.fill("");
  // The whole list again (it is filtered as one types): wait for it before reading it.
  const people = page.getByRole("listbox", { name: "Chủ trì" });
  await expect(people.getByRole("option", { name: /Đặng Thu Hương/ })).toBeVisible();
  await expect(people.getByRole("option", { name: /Bùi Quang Huy/ })).toBeVisible();
  const names = (await people.getByRole("option").allInnerTexts()).map((t) => t.split("\n")[0]).filter((n) => n !== "— Chưa chọn —");
  expect(names).not.toContain("Quản trị hệ thống");
  expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));
  expect(names.indexOf("Đặng Thu Hương")).toBeGreaterThan(names.indexOf("Bùi Quang Huy"));
  expect(names.indexOf("Đặng Thu Hương")).toBeLessThan(names.indexOf("Hoàng Thị Mai Anh"));
  await pickPerson(page, "Chủ trì", "Phạm Minh Đức", "duc");
  await shot(page, "new-meeting-vi-1024x768");

  // The end before the start: the server's refusal, in Vietnamese, under the field.
  await page.getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByText("Thời gian kết thúc phải sau thời gian bắt đầu.").first()).toBeVisible();
  await page.getByTestId("m-end-clock").fill("16:00");
  await page.getByRole("button", { name: "Tạo" }).click();
  await page.waitForURL(/\/meetings\/(?!new)[^/]+$/);
  await expect(page.getByTestId("meeting-time")).toHaveText("Từ 14 giờ 30 đến 16 giờ 00, Thứ Sáu, ngày 26/11/2027");

  // An empty agenda cannot be submitted, and the page says why.
  const submit = page.getByRole("button", { name: "Trình duyệt" });
  await expect(submit).toBeDisabled();
  await expect(page.getByText("Thêm ít nhất một nội dung vào chương trình để trình duyệt.")).toBeVisible();
  // The add-item form stays open, emptied and focused, for the next item.
  const itemTitle = page.getByLabel("Tên nội dung").last();
  for (const item of ["Khai mạc", "Thảo luận", "Bế mạc"]) {
    await itemTitle.fill(item);
    await page.getByRole("button", { name: "Thêm nội dung" }).click();
    await expect(page.getByTestId("agenda-title").filter({ hasText: item })).toBeVisible();
    await expect(itemTitle).toBeFocused();
    await expect(itemTitle).toHaveValue("");
  }
  // Submitted: no second submit, no approver picker.
  await submit.click();
  await expect(page.getByText("Đang chờ Phạm Minh Đức duyệt.")).toBeVisible();
  await expect(submit).toHaveCount(0);
  await expect(page.getByRole("combobox", { name: "Người duyệt" })).toHaveCount(0);
  await context.close();
});

test("the invitation: nothing chosen before answering, the stored reason after a reload, re-sending works; refusals in the member's language", async ({ browser }) => {
  const vi = await signIn(browser, "member6@demo.gov.vn", { touch: true });
  const page = vi.page;
  await page.goto(`/meetings/${DEMO_MEETING_ID}`);
  const send = page.getByRole("button", { name: "Gửi trả lời" });
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(send).toBeDisabled();
  await page.getByLabel("Tôi vắng mặt").check();
  await send.click();
  await expect(problem(page)).toContainText("Hãy nêu lý do vắng mặt.");
  await page.getByLabel("Lý do").fill("Đi công tác tại Đà Nẵng");
  await send.click();
  await expect(page.getByTestId("my-rsvp")).toHaveText("Bạn đã trả lời: Vắng mặt");
  await page.reload();
  await expect(page.getByLabel("Tôi vắng mặt")).toBeChecked();
  await expect(page.getByLabel("Lý do")).toHaveValue("Đi công tác tại Đà Nẵng");
  await page.getByLabel("Lý do").fill("Đi công tác tại Đà Nẵng đến hết tuần");
  await send.click();
  await expect(problem(page)).toHaveCount(0);
  await page.getByRole("heading", { name: "Giấy mời họp" }).scrollIntoViewIfNeeded();
  await shot(page, "invitation-vi-1024x768");
  await vi.context.close();

  // Not member7: the sign-in throttle test (access.spec) locks that account out from this address.
  const en = await signIn(browser, "member3@demo.gov.vn", { locale: "en", touch: true });
  await en.page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await en.page.getByLabel("I will be absent").check();
  await en.page.getByRole("button", { name: "Send answer" }).click();
  await expect(problem(en.page)).toContainText("Give a reason for your absence.");
  await en.context.close();
});

test("notifications: Escape and a tap outside close the panel; no console errors; a favicon", async ({ browser }) => {
  const { page, context } = await signIn(browser, "member8@demo.gov.vn", { touch: true });
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.reload();
  const bell = page.getByTestId("notification-bell");
  const panel = page.getByRole("dialog", { name: "Thông báo" });
  await bell.click();
  await expect(panel).toBeVisible();
  await shot(page, "notifications-vi-1024x768");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(bell).toBeFocused();
  await bell.click();
  await expect(panel).toBeVisible();
  await page.touchscreen.tap(200, 600);
  await expect(panel).toHaveCount(0);
  await page.goto(`/meetings/${DEMO_MEETING_ID}`);
  await expect(page.getByTestId("live-status")).toHaveText("Đang cập nhật trực tiếp");
  expect(errors).toEqual([]);
  const icon = await context.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/icon/);
  await context.close();
});

for (const viewport of TABLETS) {
  for (const locale of ["vi", "en"] as const) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`tablet layout ${locale} ${size}: 44 px targets, agenda numbers beside their titles`, async ({ browser }) => {
      const member = await signIn(browser, "chair@demo.gov.vn", { locale, viewport, touch: true });
      await member.page.goto(`/meetings/${DEMO_MEETING_ID}`);
      await expect(member.page.getByTestId("agenda-item").first()).toBeVisible();
      expect(await smallTargets(member.page)).toEqual([]);
      expect(await loneNumbers(member.page)).toEqual([]);
      await shot(member.page, `tablet-meeting-${locale}-${size}`);
      await member.page.getByTestId("agenda-list").first().scrollIntoViewIfNeeded();
      await shot(member.page, `tablet-agenda-${locale}-${size}`);
      await member.page.goto("/meetings");
      expect(await smallTargets(member.page)).toEqual([]);
      await shot(member.page, `tablet-meetings-${locale}-${size}`);
      await member.context.close();

      const sec = await signIn(browser, "secretariat@demo.gov.vn", { locale, viewport, touch: true });
      await sec.page.goto("/meetings/new");
      const chair = locale === "vi" ? "Chủ trì" : "Chair";
      await sec.page.getByRole("combobox", { name: chair }).click();
      await expect(sec.page.getByRole("listbox", { name: chair }).getByRole("option").first()).toBeVisible();
      expect(await smallTargets(sec.page)).toEqual([]);
      await shot(sec.page, `tablet-new-meeting-${locale}-${size}`);
      await sec.page.goto("/meetings/demo-draft-meeting");
      await expect(sec.page.getByTestId("drag-handle").first()).toBeVisible();
      expect(await smallTargets(sec.page)).toEqual([]);
      await shot(sec.page, `tablet-prep-${locale}-${size}`);
      await sec.context.close();
    });
  }
}

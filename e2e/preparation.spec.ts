import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { briefingPdf } from "../lib/pdf/briefing";
import { fromApp, pickPerson, shot, signIn, userId } from "./helpers";

const titles = (page: Page) => page.getByTestId("agenda-title").allInnerTexts();

async function addItem(page: Page, title: string, minutes: string, parentLabel?: string) {
  const form = page.locator("details", { hasText: "Thêm nội dung" }).last();
  if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator("summary").click();
  await form.getByLabel("Tên nội dung").fill(title);
  await form.getByLabel("Thời lượng (phút)").fill(minutes);
  if (parentLabel) await form.getByLabel("Thuộc nội dung").selectOption({ label: parentLabel });
  await form.getByRole("button", { name: "Thêm nội dung" }).click();
  await expect(page.getByTestId("agenda-title").filter({ hasText: title })).toBeVisible();
}

/** A real pointer drag (dnd-kit PointerSensor) from one row's handle onto another row. */
async function drag(page: Page, fromTitle: string, toTitle: string) {
  const handle = page.getByRole("button", { name: `Kéo để sắp xếp: ${fromTitle}` });
  const target = page.locator('[data-testid="agenda-item"]', { has: page.getByTestId("agenda-title").getByText(toTitle, { exact: true }) }).first();
  // The whole list in view first: dnd-kit scrolls the page when the pointer nears an edge, which would move the target.
  await page.getByTestId("agenda-list").first().evaluate((el) => el.scrollIntoView({ block: "center" }));
  const a = (await handle.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + 40, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + 41, b.y + b.height / 2);
  // Release only once dnd-kit has taken the target as the drop place: it then shifts the target to make room
  // (a non-zero shift: every row gets a zero translate3d at pick-up).
  await expect(target).toHaveAttribute("style", /translate3d\(0px, -?[1-9]/);
  await page.mouse.up();
}

test("secretariat builds a meeting: participants, a nested agenda by drag and drop", async ({ browser }) => {
  // A 12.9" tablet in portrait (1024×1366), so the whole agenda fits while dragging.
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: { width: 1024, height: 1366 } });
  const page = sec.page;
  const title = `Phiên họp chuyên đề chuyển đổi số ${Date.now()}`;

  // Create the meeting.
  await page.getByRole("link", { name: "+ Tạo cuộc họp" }).click();
  await page.getByLabel("Tên cuộc họp").fill(title);
  await page.getByLabel("Loại phiên họp").selectOption("THEMATIC");
  await page.getByLabel("Địa điểm").fill("Phòng họp số 2");
  await pickPerson(page, "Chủ trì", "Phạm Minh Đức", "duc");
  await page.getByRole("button", { name: "Tạo" }).click();
  await page.waitForURL(/\/meetings\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // Participants.
  for (const name of ["Lê Văn Hùng", "Hoàng Thị Mai Anh"]) {
    await pickPerson(page, "Người dùng", name);
    await page.getByRole("button", { name: "Thêm người tham dự" }).click();
    await expect(page.getByTestId("participant").filter({ hasText: name })).toBeVisible();
  }

  // A nested agenda, built by drag and drop.
  await addItem(page, "Khai mạc", "10");
  await addItem(page, "Chuyển đổi số quốc gia", "30");
  await addItem(page, "Báo cáo tiến độ", "20", "2. Chuyển đổi số quốc gia");
  await addItem(page, "Hạ tầng dữ liệu", "15");
  await addItem(page, "Bế mạc", "10");
  expect(await titles(page)).toEqual(["Khai mạc", "Chuyển đổi số quốc gia", "Báo cáo tiến độ", "Hạ tầng dữ liệu", "Bế mạc"]);
  // Drag "Hạ tầng dữ liệu" up onto the sub-item "Báo cáo tiến độ": it becomes sub-item 2.1, just before it.
  await drag(page, "Hạ tầng dữ liệu", "Báo cáo tiến độ");
  await expect(page.locator('[data-testid="agenda-item"][data-depth="1"]')).toHaveCount(2);
  await expect.poll(() => titles(page)).toEqual(["Khai mạc", "Chuyển đổi số quốc gia", "Hạ tầng dữ liệu", "Báo cáo tiến độ", "Bế mạc"]);
  await expect(page.getByTestId("total-time")).toHaveText("Tổng thời gian dự kiến: 85 phút");
  await shot(page, "prep-agenda-vi-1024x768");
  await sec.context.close();
});

test("briefing papers: two PDFs with a progress bar each, pages counted by the server; a file that is not a PDF is refused", async ({ browser }) => {
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: { width: 1024, height: 1366 } });
  const page = sec.page;
  await page.goto(`/meetings/${await draftMeeting(sec.context, `Phiên họp tài liệu ${Date.now()}`)}`);
  // Two briefing PDFs on item 2, with a progress bar each; the server counts their pages.
  const item2 = page.locator('[data-testid="agenda-item"]', { has: page.getByTestId("agenda-title").getByText("Chuyển đổi số quốc gia", { exact: true }) });
  const pdf = async (name: string, title: string, pages: number) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(await briefingPdf({ title, minPages: pages, sections: [{ heading: "Nội dung", body: "Chuyển đổi số quốc gia, dữ liệu mở, dịch vụ công trực tuyến. ".repeat(30) }] })) });
  await item2.getByLabel("+ Chọn tệp PDF").setInputFiles([await pdf("to-trinh.pdf", "Tờ trình chuyển đổi số", 2), await pdf("du-thao-nghi-quyet.pdf", "Dự thảo Nghị quyết", 3)]);
  await expect(item2.getByRole("progressbar")).toHaveCount(2);
  await item2.getByLabel("Tên tài liệu cho tệp du-thao-nghi-quyet.pdf").fill("Dự thảo Nghị quyết về chuyển đổi số");
  await item2.getByRole("button", { name: "Tải lên 2 tệp" }).click();
  // The server opens each PDF with pdf.js before answering: on a busy machine that takes a while.
  await expect(item2.getByTestId("document")).toHaveCount(2, { timeout: 30_000 });
  await expect(item2.getByTestId("document").filter({ hasText: "Dự thảo Nghị quyết về chuyển đổi số" }).getByTestId("document-meta")).toHaveText("3 trang · Phiên bản 1");
  await expect(item2.getByTestId("document").filter({ hasText: "to trinh" }).getByTestId("document-meta")).toHaveText("2 trang · Phiên bản 1");
  // A file that is not a PDF is refused with a readable message and nothing is added.
  await item2.getByLabel("+ Chọn tệp PDF").setInputFiles({ name: "anh.pdf", mimeType: "application/pdf", buffer: Buffer.from("GIF89a not a pdf") });
  await item2.getByRole("button", { name: "Tải lên 1 tệp" }).click();
  await expect(item2.getByRole("alert")).toContainText("Tệp không phải là PDF.", { timeout: 15_000 });
  await expect(item2.getByTestId("document")).toHaveCount(2);
  await shot(page, "prep-papers-vi-1024x768");
  await sec.context.close();
});

/** A draft meeting made through the API (the journey above builds one by hand): chair, two members, a nested agenda. */
async function draftMeeting(context: BrowserContext, title: string) {
  const post = async (url: string, data: object) => {
    const res = await context.request.post(url, { data, headers: fromApp() });
    expect(res.status(), url).toBe(201);
    return res.json();
  };
  const start = new Date(Date.now() + 7 * 86_400_000);
  const { meeting } = await post("/api/v1/meetings", {
    title, kind: "THEMATIC", location: "Phòng họp số 2", startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
    chairId: await userId(context, "Phạm Minh Đức"),
  });
  for (const name of ["Lê Văn Hùng", "Hoàng Thị Mai Anh"]) await post(`/api/v1/meetings/${meeting.id}/participants`, { userId: await userId(context, name) });
  const item = async (title: string, parentId?: string) => (await post(`/api/v1/meetings/${meeting.id}/agenda-items`, { title, plannedMinutes: 15, parentId })).item.id;
  await item("Khai mạc");
  const parent = await item("Chuyển đổi số quốc gia");
  await item("Hạ tầng dữ liệu", parent);
  await item("Báo cáo tiến độ", parent);
  await item("Bế mạc");
  return meeting.id as string;
}

test("submit, the chair approves on their tablet, publish; the member is notified live and answers", async ({ browser }) => {
  const member = await signIn(browser, "member1@demo.gov.vn");
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: { width: 1024, height: 1366 } });
  const page = sec.page;
  const title = `Phiên họp chuyên đề dữ liệu ${Date.now()}`;
  const meetingUrl = `/meetings/${await draftMeeting(sec.context, title)}`;
  await page.goto(meetingUrl);
  await expect(page.getByTestId("live-status")).toHaveText("Đang cập nhật trực tiếp");

  // Submit → the chair approves on their own tablet → publish.
  await page.getByRole("button", { name: "Trình duyệt" }).click();
  await expect(page.getByText("Đang chờ Phạm Minh Đức duyệt.")).toBeVisible();
  const chair = await signIn(browser, "chair@demo.gov.vn");
  await expect(chair.page.getByTestId("notification-badge")).toBeVisible();
  await chair.page.goto(meetingUrl);
  await chair.page.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByRole("button", { name: "Phát hành tới thành viên" })).toBeVisible(); // live on the officer's page
  await page.getByRole("button", { name: "Phát hành tới thành viên" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Phát hành tới thành viên" }).click();
  await expect(page.getByText("Đã phát hành").first()).toBeVisible();

  // The member's tablet (open on "my meetings" all along) gets the notification and the meeting in its list, live.
  await expect(member.page.getByTestId("notification-badge")).toBeVisible();
  await expect(member.page.getByTestId("meetings-upcoming").getByText(title)).toBeVisible();
  await member.page.getByTestId("notification-bell").click();
  await expect(member.page.getByTestId("notification-list")).toContainText(`Giấy mời họp: ${title}`);
  // Counted once this invitation is in (earlier journeys may have left other notices unread: the badge shows before it).
  const unread = Number(await member.page.getByTestId("notification-badge").innerText());
  await shot(member.page, "member-notification-vi-1024x768");
  await member.page.getByTestId("notification-list").getByText(`Giấy mời họp: ${title}`).click();
  await member.page.waitForURL(`**${meetingUrl}`);
  await expect.poll(() => titles(member.page)).toEqual(["Khai mạc", "Chuyển đổi số quốc gia", "Hạ tầng dữ liệu", "Báo cáo tiến độ", "Bế mạc"]);
  // Opening the meeting read its invitation: one fewer unread (the demo meeting's own invitation may still be there).
  await expect(member.page.getByTestId("notification-bell")).toHaveAccessibleName(unread > 1 ? new RegExp(`${unread - 1}`) : "Thông báo");

  // The member answers the invitation (nothing is chosen for them); the officer sees it live.
  await expect(member.page.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(member.page.getByRole("button", { name: "Gửi trả lời" })).toBeDisabled();
  await member.page.getByLabel("Tôi vắng mặt").check();
  await member.page.getByLabel("Lý do").fill("Đi công tác nước ngoài");
  await member.page.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(page.getByTestId("participant").filter({ hasText: "Lê Văn Hùng" }).getByTestId("rsvp")).toHaveText("Vắng mặt");

  for (const c of [member, sec, chair]) await c.context.close();
});

test("a reorder reaches the member's open page live, marked as updated", async ({ browser }) => {
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { viewport: { width: 1024, height: 1366 } });
  const chair = await signIn(browser, "chair@demo.gov.vn");
  const meetingId = await draftMeeting(sec.context, `Phiên họp sắp xếp ${Date.now()}`);
  // Published through the API (the test above does it by hand).
  const step = async (context: BrowserContext, path: string, data: object = {}) =>
    expect((await context.request.post(`/api/v1/meetings/${meetingId}/${path}`, { data, headers: fromApp() })).ok()).toBe(true);
  await step(sec.context, "submit");
  await step(chair.context, "review", { decision: "APPROVE" });
  await step(sec.context, "publish");
  await chair.context.close();
  const member = await signIn(browser, "member1@demo.gov.vn");
  for (const p of [sec.page, member.page]) {
    await p.goto(`/meetings/${meetingId}`);
    await expect(p.getByTestId("live-status")).toHaveText("Đang cập nhật trực tiếp");
  }
  const page = sec.page;
  // The officer reorders: "Bế mạc" dragged above "Khai mạc"; the member sees the new order without reloading.
  await drag(page, "Bế mạc", "Khai mạc");
  await expect.poll(() => titles(page)).toEqual(["Bế mạc", "Khai mạc", "Chuyển đổi số quốc gia", "Hạ tầng dữ liệu", "Báo cáo tiến độ"]);
  await expect.poll(() => titles(member.page)).toEqual(["Bế mạc", "Khai mạc", "Chuyển đổi số quốc gia", "Hạ tầng dữ liệu", "Báo cáo tiến độ"]);
  await expect(member.page.locator('[data-testid="agenda-item"]').first().getByText("Mới cập nhật")).toBeVisible();
  await shot(member.page, "member-live-reorder-vi-1024x768");

  for (const c of [member, sec]) await c.context.close();
});

test("keyboard reordering and indent/outdent work without a pointer", async ({ browser }) => {
  const { page, context } = await signIn(browser, "secretariat@demo.gov.vn");
  // Its own meeting, so the test can run again on the same database.
  const created = await context.request.post("/api/v1/meetings", {
    data: { title: `Phiên họp bàn phím ${Date.now()}`, kind: "REGULAR", startsAt: "2027-03-01T01:00:00Z", endsAt: "2027-03-01T04:00:00Z" },
    headers: fromApp(),
  });
  const { meeting } = await created.json();
  for (const title of ["Dự án Luật Giao dịch điện tử (sửa đổi)", "Đề nghị xây dựng Luật Dữ liệu"]) {
    expect((await context.request.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { data: { title, plannedMinutes: 45 }, headers: fromApp() })).status()).toBe(201);
  }
  await page.goto(`/meetings/${meeting.id}`);
  await expect.poll(() => titles(page)).toEqual(["Dự án Luật Giao dịch điện tử (sửa đổi)", "Đề nghị xây dựng Luật Dữ liệu"]);
  // dnd-kit keyboard sensor: Space picks up, ArrowUp moves, Space drops.
  await expect(page.getByTestId("live-status")).toHaveText("Đang cập nhật trực tiếp"); // hydrated and joined
  const handle = page.getByRole("button", { name: "Kéo để sắp xếp: Đề nghị xây dựng Luật Dữ liệu" });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true"); // picked up
  await page.keyboard.press("ArrowUp");
  // The keyboard sensor moves over the next row on an animation frame; drop after it has: the picked-up row has
  // moved up (every row gets a zero translate3d at pick-up, so "has a transform" is not enough).
  await expect(page.locator('[data-testid="agenda-item"]').nth(1)).toHaveAttribute("style", /translate3d\(0px, -[1-9]/);
  // … and the row it passed has made room (moved down): only then is that row the drop target (dropping on the frame
  // before left the order as it was, now and then).
  await expect(page.locator('[data-testid="agenda-item"]').nth(0)).toHaveAttribute("style", /translate3d\(0px, [1-9]/);
  await page.keyboard.press("Space");
  await expect.poll(() => titles(page)).toEqual(["Đề nghị xây dựng Luật Dữ liệu", "Dự án Luật Giao dịch điện tử (sửa đổi)"]);
  await page.getByRole("button", { name: "Đưa vào làm nội dung con: Dự án Luật Giao dịch điện tử (sửa đổi)" }).click();
  await expect(page.locator('[data-testid="agenda-item"][data-depth="1"]')).toHaveCount(1);
  await page.getByRole("button", { name: "Đưa ra một cấp: Dự án Luật Giao dịch điện tử (sửa đổi)" }).click();
  await expect(page.locator('[data-testid="agenda-item"][data-depth="1"]')).toHaveCount(0);
  await context.close();
});

test("a member sees none of the preparation tools and the server refuses them", async ({ browser }) => {
  const { page, context } = await signIn(browser, "member2@demo.gov.vn");
  await expect(page.getByRole("link", { name: "+ Tạo cuộc họp" })).toHaveCount(0);
  await page.goto("/meetings/demo-cabinet-meeting");
  await expect(page.getByRole("heading", { name: "Chương trình họp" })).toBeVisible();
  await expect(page.getByTestId("drag-handle")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Thêm người tham dự" })).toHaveCount(0);
  await page.goto("/meetings/new");
  await expect(page.getByText("Không tìm thấy trang")).toBeVisible();
  const res = await context.request.post("/api/v1/meetings", { data: { title: "x", kind: "REGULAR", startsAt: "2027-01-01T08:00:00Z", endsAt: "2027-01-01T10:00:00Z" }, headers: fromApp() });
  expect(res.status()).toBe(403);
  await context.close();
});

for (const viewport of [{ width: 1024, height: 768 }, { width: 768, height: 1024 }]) {
  for (const locale of ["vi", "en"] as const) {
    test(`secretariat screenshots ${locale} ${viewport.width}x${viewport.height}`, async ({ browser }) => {
      const { context, page } = await signIn(browser, "secretariat@demo.gov.vn", { locale, viewport });
      await page.goto("/meetings/demo-draft-meeting");
      await expect(page.getByTestId("drag-handle").first()).toBeVisible();
      await shot(page, `prep-secretariat-${locale}-${viewport.width}x${viewport.height}`);
      await page.getByTestId("participants").scrollIntoViewIfNeeded();
      await shot(page, `prep-participants-${locale}-${viewport.width}x${viewport.height}`);
      await context.close();
    });
  }
}

test("a member prints the agenda: a print page and a PDF, in their language", async ({ browser }) => {
  const { page, context } = await signIn(browser, "member4@demo.gov.vn", { viewport: { width: 768, height: 1024 } });
  await page.goto("/meetings/demo-cabinet-meeting");
  await page.getByRole("link", { name: "In chương trình" }).click();
  await page.waitForURL("**/meetings/demo-cabinet-meeting/print");
  await expect(page.getByText("Khai mạc, thông qua chương trình phiên họp")).toBeVisible();
  await shot(page, "print-agenda-vi-768x1024");
  const pdf = await context.request.get("/api/v1/meetings/demo-cabinet-meeting/agenda.pdf");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  expect((await context.request.get("/api/v1/meetings/demo-draft-meeting/agenda.pdf")).status()).toBe(404);
  await context.close();
});

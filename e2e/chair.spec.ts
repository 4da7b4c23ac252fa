// The chair runs a meeting live, with three members on touch tablets and the room display: check-in and the quorum,
// moving through the items with followers' screens following, a request to speak and the floor, the presenter's
// pages on a follower's screen, the display link. Its own meeting (a copy of the demo's agenda), so other journeys
// keep the demo meeting as it was. Screenshots of the console, a member's view and the display, in vi and en.
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { DEMO_MEETING_ID, fromApp, pickPerson, setLocale, shot, signIn } from "./helpers";

const TABLET = { width: 1024, height: 768 };

async function ok(res: Promise<import("@playwright/test").APIResponse>) {
  const r = await res;
  expect(r.ok(), `${r.url()}: ${r.status()} ${await r.text()}`).toBe(true);
  return r.json();
}

async function paper(pages: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) pdf.addPage([595, 842]).drawText(`Trang ${i}`, { x: 60, y: 700, size: 96, font });
  return Buffer.from(await pdf.save());
}

/** A published copy of the demo meeting (agenda and participants), with a three-page paper on its first item. */
async function liveMeeting(sec: APIRequestContext, chair: APIRequestContext) {
  const start = new Date(Date.now() + 3_600_000);
  const { meeting } = await ok(sec.post(`/api/v1/meetings/${DEMO_MEETING_ID}/duplicate`, {
    data: { title: `Phiên họp trực tiếp ${Date.now()}`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3 * 3_600_000).toISOString() },
    headers: fromApp(),
  }));
  const snapshot = await ok(sec.get(`/api/v1/meetings/${meeting.id}`));
  await ok(sec.post(`/api/v1/meetings/${meeting.id}/documents`, {
    multipart: { title: "Tờ trình trình chiếu", agendaItemId: snapshot.agenda[0].id, file: { name: "to-trinh.pdf", mimeType: "application/pdf", buffer: await paper(3) } },
    headers: fromApp(),
  }));
  await ok(sec.post(`/api/v1/meetings/${meeting.id}/documents`, {
    multipart: { title: "Phụ lục trình chiếu", agendaItemId: snapshot.agenda[0].id, file: { name: "phu-luc.pdf", mimeType: "application/pdf", buffer: await paper(2) } },
    headers: fromApp(),
  }));
  await ok(sec.post(`/api/v1/meetings/${meeting.id}/submit`, { data: {}, headers: fromApp() }));
  await ok(chair.post(`/api/v1/meetings/${meeting.id}/review`, { data: { decision: "APPROVE" }, headers: fromApp() }));
  await ok(sec.post(`/api/v1/meetings/${meeting.id}/publish`, { data: {}, headers: fromApp() }));
  return { id: meeting.id as string, items: snapshot.agenda as { id: string; title: string; children: { id: string }[] }[] };
}

/** Visible controls smaller than 44×44 px (a checkbox counts by its label, which is what a finger taps). */
function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, summary")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden" && !el.closest(".sr-only, dialog:not([open])");
      })
      .map((el) => {
        const r = (el.matches("input[type=checkbox], input[type=radio]") ? (el.closest("label") ?? el) : el).getBoundingClientRect();
        return { control: el.outerHTML.slice(0, 100), width: Math.round(r.width), height: Math.round(r.height) };
      })
      .filter((c) => c.width < 44 || c.height < 44),
  );
}

const currentOn = (page: Page) => page.locator('[data-testid="agenda-item"][data-current="true"]');
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));

test("the chair runs the meeting: check-in and quorum, items followed, the floor, the presenter's pages, the room display", async ({ browser }) => {
  test.setTimeout(420_000);
  const sec = await signIn(browser, "secretariat@demo.gov.vn");
  const chair = await signIn(browser, "chair@demo.gov.vn", { touch: true, viewport: TABLET });
  const m = await liveMeeting(sec.context.request, chair.context.request);
  await sec.context.close();

  const members: { context: BrowserContext; page: Page; name: string }[] = [];
  for (const [email, name] of [["member1@demo.gov.vn", "Lê Văn Hùng"], ["member2@demo.gov.vn", "Hoàng Thị Mai Anh"], ["member3@demo.gov.vn", "Vũ Đức Thắng"]]) {
    const tablet = await signIn(browser, email, { touch: true, viewport: TABLET });
    members.push({ ...tablet, name });
  }
  const [m1, m2, m3] = members;
  // A blank page picture says nothing by itself: its browser errors go to the test's log.
  for (const { page } of members) page.on("pageerror", (e) => console.log(`[member tablet] ${e.message}`));

  // A member who cannot come sends a deputy with an account: picked in their answer, he then sees the meeting.
  const absent = await signIn(browser, "member4@demo.gov.vn", { touch: true, viewport: TABLET });
  await absent.page.goto(`/meetings/${m.id}`);
  await absent.page.getByRole("radio", { name: "Cử người dự thay" }).check();
  await absent.page.getByTestId("deputy-user").selectOption({ label: "Nguyễn Thanh Bình — Thứ trưởng Bộ Tư pháp" });
  await expect(absent.page.getByLabel("Họ tên, chức vụ người dự thay")).toHaveCount(0);
  await absent.page.getByLabel("Lý do").fill("Đi công tác nước ngoài");
  await absent.page.getByRole("button", { name: "Gửi trả lời" }).tap();
  await expect(absent.page.getByTestId("my-rsvp")).toContainText("Cử người dự thay");
  await absent.context.close();
  const deputy = await signIn(browser, "deputy@demo.gov.vn", { touch: true, viewport: TABLET });
  await deputy.page.goto(`/meetings/${m.id}`);
  await expect(deputy.page.getByTestId("deputy-seats")).toContainText("Đồng chí dự họp thay Đặng Thu Hương");
  await expect(deputy.page.getByTestId("live-status")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });

  // The chair opens the console from the meeting page and starts: every tablet shows the meeting in session.
  const console_ = chair.page;
  await console_.goto(`/meetings/${m.id}`);
  await console_.getByTestId("open-console").tap();
  await expect(console_.getByTestId("chair-console")).toBeVisible();
  await expect(console_.getByTestId("live-status")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });
  for (const { page } of members) {
    await page.goto(`/meetings/${m.id}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });
  }
  await console_.getByTestId("start-meeting").tap();
  await expect(console_.getByTestId("live-state")).toHaveAttribute("data-state", "RUNNING");
  for (const { page } of members) {
    await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "RUNNING");
    await expect(currentOn(page)).toHaveAttribute("data-item-id", m.items[0].id);
  }

  // Check-in: three members on their tablets, one marked present by the chair, the deputy on his own tablet (counted
  // once the chair says deputies count), the chair; 6 of 9 voting members meet 2/3.
  await expect(m1.page.getByTestId("quorum")).toHaveAttribute("data-met", "false");
  for (const { page } of members) {
    await page.getByTestId("check-in").tap();
    await expect(page.getByTestId("checked-in")).toBeVisible();
  }
  await expect(console_.getByTestId("quorum")).toContainText("3/9");
  await console_.getByRole("button", { name: "Ghi nhận Bùi Quang Huy có mặt" }).tap();
  await expect(m1.page.getByTestId("quorum")).toContainText("4/9");
  await expect(deputy.page.getByTestId("quorum")).toContainText("4/9");
  await deputy.page.getByTestId("deputy-check-in").tap();
  await expect(deputy.page.getByTestId("deputy-checked-in")).toContainText("Đã điểm danh dự thay Đặng Thu Hương");
  const represented = console_.getByTestId("attendee").filter({ hasText: "Đặng Thu Hương" });
  await expect(represented).toHaveAttribute("data-attendance", "DEPUTY");
  await expect(represented).toContainText("Nguyễn Thanh Bình");
  // This meeting does not count deputies yet: still 4; the chair changes the rule and the seat counts, once.
  await expect(m1.page.getByTestId("quorum")).toContainText("4/9");
  // The console says why: one member by deputy, not in the count (the Government preset's default).
  await expect(console_.getByTestId("deputies-summary")).toHaveText("1 thành viên có người dự thay: không tính vào số lượng");
  await console_.getByText("Tính người dự họp thay vào số lượng").tap();
  await expect(console_.getByTestId("deputies-summary")).toHaveAttribute("data-counted", "true");
  await expect(m1.page.getByTestId("quorum")).toContainText("5/9");
  await expect(deputy.page.getByTestId("quorum")).toContainText("5/9");
  await expect(m1.page.getByTestId("quorum")).toHaveAttribute("data-met", "false");
  await top(deputy.page);
  await shot(deputy.page, "deputy-checked-in-vi");
  // The deputy is no participant himself: no check-in of his own, the chair's console refused; checked in for the
  // seat, he may ask to speak in the member's place, and the queue everywhere says for whom.
  await expect(deputy.page.getByTestId("check-in")).toHaveCount(0);
  await deputy.page.getByTestId("ask-to-speak").tap();
  await expect(deputy.page.getByTestId("my-place")).toContainText("1");
  const deputyQueued = console_.getByTestId("queued").filter({ hasText: "Nguyễn Thanh Bình" });
  await expect(deputyQueued.getByTestId("speaks-for")).toHaveText("thay Đặng Thu Hương");
  await expect(m1.page.getByTestId("queued").filter({ hasText: "Nguyễn Thanh Bình" })).toContainText("Nguyễn Thanh Bình thay Đặng Thu Hương");
  await deputyQueued.evaluate((e) => e.scrollIntoView({ block: "center" }));
  await shot(console_, "chair-deputy-asks-vi");
  await deputy.page.getByTestId("withdraw").tap();
  await expect(console_.getByTestId("queued")).toHaveCount(0);
  expect((await deputy.context.request.post(`/api/v1/meetings/${m.id}/live`, { data: { command: "pause" }, headers: fromApp() })).status()).toBe(403);
  // A vote: deputies do not vote at this meeting (the preset's default), so the deputy's card has no choices and says
  // why, and the member's seat is not among those who may vote; the chair turns the setting on, and the ballot card
  // reaches the deputy's tablet, where he casts the member's ballot.
  const planned = await ok(chair.context.request.post(`/api/v1/meetings/${m.id}/votes`, { data: { question: "Thông qua chương trình phiên họp?" }, headers: fromApp() }));
  await ok(chair.context.request.post(`/api/v1/votes/${planned.vote.id}/open`, { data: {}, headers: fromApp() }));
  await expect(deputy.page.getByTestId("deputy-no-vote")).toHaveText("Bạn dự họp thay thành viên: người dự họp thay không biểu quyết tại cuộc họp này.");
  await expect(deputy.page.getByTestId("vote-option")).toHaveCount(0);
  await console_.getByText("Người dự họp thay biểu quyết thay thành viên").tap();
  await expect(console_.getByTestId("deputies-vote")).toBeChecked();
  await expect(deputy.page.getByTestId("deputy-no-vote")).toHaveCount(0);
  await deputy.page.getByTestId("vote-option").first().tap();
  await expect(deputy.page.getByTestId("ballot-recorded")).toBeVisible();
  await ok(chair.context.request.post(`/api/v1/votes/${planned.vote.id}/close`, { data: {}, headers: fromApp() }));
  await deputy.context.close();
  await console_.getByRole("button", { name: "Ghi nhận Phạm Minh Đức có mặt" }).tap();
  for (const page of [console_, m1.page, m2.page, m3.page]) await expect(page.getByTestId("quorum")).toHaveAttribute("data-met", "true");
  await expect(m1.page.getByTestId("quorum")).toContainText("6/9");

  // The chair moves on: followers' screens move with the current item; one who browses freely taps back.
  await m2.page.getByTestId("browse").tap();
  await console_.getByTestId("next-item").tap();
  const second = m.items[0].children[0]?.id ?? m.items[1].id;
  await expect(console_.getByTestId("console-item").and(console_.locator('[data-current="true"]'))).toHaveAttribute("data-item-id", second);
  await expect(currentOn(m1.page)).toHaveAttribute("data-item-id", second);
  await expect(currentOn(m1.page)).toBeInViewport();
  await expect(m2.page.getByTestId("jump-back")).toBeVisible();
  await m2.page.getByTestId("jump-back").tap();
  await expect(currentOn(m2.page)).toBeInViewport();
  await console_.getByTestId("previous-item").tap();
  await expect(currentOn(m3.page)).toHaveAttribute("data-item-id", m.items[0].id);

  // A member asks to speak; the queue shows it everywhere; the chair gives the floor.
  await m1.page.getByTestId("ask-to-speak").tap();
  await expect(m1.page.getByTestId("my-place")).toContainText("1");
  await m3.page.getByTestId("point-of-order").tap();
  await expect(console_.getByTestId("queued")).toHaveCount(2);
  // The point of order goes first.
  await expect(console_.getByTestId("queued").first()).toContainText(m3.name);
  await expect(m2.page.getByTestId("queued")).toHaveCount(2);
  await console_.getByTestId("queued").filter({ hasText: m1.name }).getByTestId("give-floor").tap();
  await expect(m1.page.getByTestId("you-speak")).toBeVisible();
  await expect(m2.page.getByTestId("speaker-name")).toHaveText(m1.name);

  // The chair shows the paper; a follower's screen shows its page and turns with the presenter.
  await console_.getByTestId("shown-document").selectOption({ label: "Tờ trình trình chiếu" });
  await expect(console_.getByTestId("presenter-page")).toContainText("1");
  await expect(m2.page.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "1", { timeout: 20_000 });
  await console_.getByTestId("page-forward").tap();
  await expect(m2.page.getByTestId("shown-page")).toContainText("2");
  await expect(m2.page.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "2", { timeout: 20_000 });

  // The room display: a link made on the console, opened on the room's screen without signing in.
  await console_.getByTestId("issue-display").tap();
  const link = await console_.getByTestId("display-link").locator("a").getAttribute("href");
  const room = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const display = await room.newPage();
  await display.goto(link!);
  await expect(display.getByTestId("room-display")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });
  await expect(display.getByTestId("display-current")).toContainText(m.items[0].title);
  await expect(display.getByTestId("speaker-name")).toHaveText(m1.name);
  await expect(display.getByTestId("quorum")).toHaveAttribute("data-met", "true");
  await expect(display.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "2", { timeout: 20_000 });
  // It follows on its own.
  await console_.getByTestId("page-forward").tap();
  await expect(display.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "3", { timeout: 20_000 });

  // A member follows the presenter in the real reader (pdf.js): the same paper and page, turning with the presenter.
  const reader = m3.page;
  await reader.getByTestId("follow-in-reader").tap();
  await expect(reader).toHaveURL(/\/papers\/.+follow=1/);
  const bar = reader.getByTestId("reader-follow");
  await expect(bar).toHaveAttribute("data-following", "true", { timeout: 20_000 });
  await expect(reader.getByTestId("page-input")).toHaveValue("3", { timeout: 20_000 });
  await console_.getByTestId("page-back").tap();
  await expect(reader.getByTestId("page-input")).toHaveValue("2");
  await expect(bar).toHaveAttribute("data-following", "true");
  await expect(reader.locator('.page[data-page-number="2"] canvas')).toBeVisible({ timeout: 20_000 });
  await shot(reader, "reader-follow-vi");
  // Browsing freely: the presenter turns on, the reader stays; one tap follows again.
  await bar.getByTestId("reader-browse").tap();
  await expect(bar).toHaveAttribute("data-following", "false");
  await console_.getByTestId("page-forward").tap();
  await expect(bar).toHaveAttribute("data-presenter-page", "3");
  await expect(reader.getByTestId("page-input")).toHaveValue("2");
  await bar.getByTestId("reader-follow-presenter").tap();
  await expect(reader.getByTestId("page-input")).toHaveValue("3");
  // Turning a page oneself is browsing freely too.
  await reader.getByRole("button", { name: "Trang trước" }).tap();
  await expect(reader.getByTestId("page-input")).toHaveValue("2");
  await expect(bar).toHaveAttribute("data-following", "false");
  await bar.getByTestId("reader-follow-presenter").tap();
  await expect(reader.getByTestId("page-input")).toHaveValue("3");
  // The presenter shows another paper: the follower's reader opens it at the presenter's page.
  const firstPaper = reader.url();
  await console_.getByTestId("shown-document").selectOption({ label: "Phụ lục trình chiếu" });
  await expect(reader).not.toHaveURL(firstPaper);
  await expect(reader.getByRole("heading", { name: "Phụ lục trình chiếu" })).toBeVisible({ timeout: 20_000 });
  await expect(reader.getByTestId("page-input")).toHaveValue("1");
  await console_.getByTestId("page-forward").tap();
  await expect(reader.getByTestId("page-input")).toHaveValue("2");
  expect(await smallTargets(reader)).toEqual([]);
  await reader.setViewportSize({ width: 768, height: 1024 });
  await shot(reader, "reader-follow-portrait-vi");
  await reader.setViewportSize(TABLET);
  // Back to the first paper on the screens, at its last page, for the room display and the screenshots below.
  await console_.getByTestId("shown-document").selectOption({ label: "Tờ trình trình chiếu" });
  await expect(reader.getByRole("heading", { name: "Tờ trình trình chiếu" })).toBeVisible({ timeout: 20_000 });
  await console_.getByTestId("page-forward").tap();
  await console_.getByTestId("page-forward").tap();
  await expect(console_.getByTestId("presenter-page")).toContainText("3");
  await expect(reader.getByTestId("page-input")).toHaveValue("3");

  // Every control a finger taps is at least 44 px.
  expect(await smallTargets(console_)).toEqual([]);
  expect(await smallTargets(m1.page)).toEqual([]);

  // Screenshots (vi), then the same screens in English.
  await top(console_);
  await shot(console_, "chair-console-vi");
  await top(m2.page);
  await shot(m2.page, "member-live-vi");
  await shot(display, "room-display-vi");
  // Landscape: both columns, no tabs. Portrait: one column of tabs (agenda, speakers, attendance), each full width.
  await expect(console_.getByTestId("console-tabs")).toBeHidden();
  for (const pane of ["agenda", "speakers", "attendance"]) await expect(console_.getByTestId(`console-pane-${pane}`)).toBeVisible();
  const portrait = async (lang: string) => {
    for (const [page, name] of [[console_, "chair-console"], [m2.page, "member-live"]] as const) {
      await page.setViewportSize({ width: 768, height: 1024 });
      await top(page);
      expect(await smallTargets(page)).toEqual([]);
      await shot(page, `${name}-portrait-${lang}`);
      if (page === console_) {
        await expect(page.getByTestId("console-tabs")).toBeVisible();
        await expect(page.getByTestId("console-pane-speakers")).toBeHidden();
        const agendaWidth = (await page.getByTestId("console-pane-agenda").boundingBox())!.width;
        expect(agendaWidth).toBeGreaterThan(700); // the full width, not a narrow column
        for (const pane of ["speakers", "attendance"] as const) {
          await page.getByTestId(`console-tab-${pane}`).tap();
          await expect(page.getByTestId(`console-tab-${pane}`)).toHaveAttribute("aria-selected", "true");
          await expect(page.getByTestId(`console-pane-${pane}`)).toBeVisible();
          await expect(page.getByTestId("console-pane-agenda")).toBeHidden();
          expect(await smallTargets(page)).toEqual([]);
          await shot(page, `${name}-portrait-${pane}-${lang}`);
        }
        await page.getByTestId("console-tab-agenda").tap();
        // Without a finger: arrow keys move between the tabs (and wrap).
        await page.getByTestId("console-tab-agenda").press("ArrowLeft");
        await expect(page.getByTestId("console-tab-attendance")).toBeFocused();
        await expect(page.getByTestId("console-pane-attendance")).toBeVisible();
        await page.getByTestId("console-tab-attendance").press("ArrowRight");
        await expect(page.getByTestId("console-tab-agenda")).toHaveAttribute("aria-selected", "true");
      }
      await page.setViewportSize(TABLET);
    }
  };
  await portrait("vi");
  await setLocale(chair.context, "en");
  await setLocale(m2.context, "en");
  await room.addCookies([{ name: "locale", value: "en", url: link! }]);
  for (const page of [console_, m2.page, display]) await page.reload();
  await expect(console_.getByTestId("live-state")).toHaveText("In session");
  await expect(m2.page.getByText("Meeting in session")).toBeVisible();
  await expect(display.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "3", { timeout: 20_000 });
  await expect(m2.page.getByTestId("shown-canvas")).toHaveAttribute("data-drawn-page", "3", { timeout: 20_000 });
  await top(console_);
  await shot(console_, "chair-console-en");
  await top(m2.page);
  await shot(m2.page, "member-live-en");
  await shot(display, "room-display-en");
  await portrait("en");
  await setLocale(m3.context, "en");
  await reader.reload();
  await expect(reader.getByTestId("reader-follow")).toHaveAttribute("data-following", "true", { timeout: 20_000 });
  await expect(reader.getByTestId("page-input")).toHaveValue("3", { timeout: 20_000 });
  await expect(reader.locator('.page[data-page-number="3"] canvas')).toBeVisible({ timeout: 20_000 });
  await shot(reader, "reader-follow-en");
  await setLocale(m3.context, "vi");

  // Revoking the link blanks the display at once.
  await console_.getByRole("button", { name: "Revoke the display link" }).tap();
  await console_.getByRole("dialog").getByRole("button", { name: "OK" }).tap();
  await expect(display.getByTestId("display-invalid")).toBeVisible();

  // The speaking limit: a speech that has run past it ends by itself on every screen, and the record keeps it.
  await console_.getByTestId("next-speaker").tap();
  await expect(m1.page.getByTestId("speaker-name")).toHaveText(m3.name);
  await ok(chair.context.request.post(`/api/v1/meetings/${m.id}/live`, { data: { command: "settings", speakingLimitSeconds: 10 }, headers: fromApp() }));
  await expect(console_.getByTestId("limit-ends")).toBeVisible();
  await expect(m1.page.getByTestId("speaker-name")).toHaveCount(0, { timeout: 30_000 });
  await expect(console_.getByTestId("speaker-name")).toHaveCount(0);
  await expect(console_.getByTestId("speech-record")).toContainText(m3.name);

  await setLocale(chair.context, "vi");
  await setLocale(m2.context, "vi");
  for (const c of [room, chair.context, ...members.map((x) => x.context)]) await c.close();
});

test("a display-only account signs in and sees only the room display of the meetings it is assigned to", async ({ browser }) => {
  test.setTimeout(180_000);
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { touch: true, viewport: TABLET });
  const chair = await signIn(browser, "chair@demo.gov.vn");
  const m = await liveMeeting(sec.context.request, chair.context.request);
  await ok(chair.context.request.post(`/api/v1/meetings/${m.id}/live`, { data: { command: "start" }, headers: fromApp() }));

  // The room's screen signs in with its display account (it has no bell, no meetings: only its rooms).
  const room = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const { csrfToken } = await (await room.request.get("/api/auth/csrf")).json();
  const res = await room.request.post("/api/auth/callback/credentials", { form: { csrfToken, email: "display@demo.gov.vn", password: "demo-password", json: "true" }, headers: fromApp() });
  expect(res.ok()).toBe(true);
  await setLocale(room, "vi");
  // Nothing else is open to it: not the meeting, its papers, or the list of people.
  expect((await room.request.get(`/api/v1/meetings/${m.id}`)).status()).toBe(404);
  expect((await room.request.get(`/api/v1/meetings/${m.id}/room`)).status()).toBe(404);
  expect((await room.request.get("/api/v1/users")).status()).toBe(403);
  expect((await ok(room.request.get("/api/v1/meetings"))).meetings ?? []).toEqual([]);

  // The secretariat assigns it to this meeting's room on the meeting page (the demo meeting's room is its own already).
  const prep = sec.page;
  await prep.goto(`/meetings/${m.id}`);
  const panel = prep.getByTestId("displays-panel");
  const account = panel.getByTestId("display-account").filter({ hasText: "Màn hình Phòng họp số 1" });
  await expect(account).toHaveAttribute("data-assigned", "false");
  await expect(panel.getByTestId("display-link-state")).toHaveAttribute("data-active", "false");
  await account.getByRole("button", { name: "Gán Màn hình Phòng họp số 1 cho phòng họp của cuộc họp này" }).tap();
  await expect(account).toHaveAttribute("data-assigned", "true");
  await expect(account).toContainText("Đang hiển thị cuộc họp này");
  // The display link too, for a screen without an account: made and shown here, its state on the panel.
  await panel.getByTestId("issue-display").tap();
  await expect(panel.getByTestId("display-link")).toBeVisible();
  await expect(panel.getByTestId("display-link-state")).toHaveAttribute("data-active", "true");
  expect(await smallTargets(prep)).toEqual([]);
  await panel.scrollIntoViewIfNeeded();
  await shot(prep, "displays-panel-vi");
  await prep.setViewportSize({ width: 768, height: 1024 });
  await panel.scrollIntoViewIfNeeded();
  await shot(prep, "displays-panel-portrait-vi");
  expect(await smallTargets(prep)).toEqual([]);
  await setLocale(sec.context, "en");
  await prep.reload();
  await expect(prep.getByTestId("displays-panel").getByTestId("display-account").filter({ hasText: "Màn hình Phòng họp số 1" })).toContainText("Shows this meeting");
  await prep.getByTestId("displays-panel").scrollIntoViewIfNeeded();
  await shot(prep, "displays-panel-portrait-en");
  await prep.setViewportSize(TABLET);
  await prep.getByTestId("displays-panel").scrollIntoViewIfNeeded();
  await shot(prep, "displays-panel-en");
  await setLocale(sec.context, "vi");
  await prep.reload();
  const display = await room.newPage();
  await display.goto("/meetings");
  await expect(display).toHaveURL(/\/room$/);
  await display.getByTestId("room-link").filter({ hasText: "Phiên họp trực tiếp" }).click();
  await expect(display.getByTestId("room-display")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });
  await expect(display.getByTestId("display-current")).toContainText(m.items[0].title);
  // It follows the meeting on its own.
  await ok(chair.context.request.post(`/api/v1/meetings/${m.id}/live`, { data: { command: "step", direction: 1, from: m.items[0].id }, headers: fromApp() }));
  await expect(display.getByTestId("display-current")).not.toContainText(m.items[0].title);
  await shot(display, "room-display-login-vi");
  await setLocale(room, "en");
  await display.reload();
  await expect(display.getByTestId("room-display")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });
  await expect(display.getByText("Now discussing")).toBeVisible();
  await shot(display, "room-display-login-en");
  await setLocale(room, "vi");
  // A member's account cannot open it.
  expect((await chair.context.request.get(`/api/v1/meetings/${m.id}/room`)).status()).toBe(403);
  const memberPage = await chair.context.newPage();
  await memberPage.goto(`/room/${m.id}`);
  await expect(memberPage.getByTestId("room-display")).toHaveCount(0);
  // Taken off on the panel: the screen is disconnected from the meeting at once.
  await prep.getByTestId("displays-panel").getByRole("button", { name: "Gỡ Màn hình Phòng họp số 1 khỏi phòng họp của cuộc họp này" }).tap();
  await expect(prep.getByTestId("displays-panel").getByTestId("display-account").filter({ hasText: "Màn hình Phòng họp số 1" })).toHaveAttribute("data-assigned", "false");
  await expect(display.getByTestId("display-invalid")).toBeVisible({ timeout: 20_000 });
  for (const c of [room, sec.context, chair.context]) await c.close();
});

test("the secretariat names the deputy's account: the deputy is told, reads in the member's place, and the reading progress says so", async ({ browser }) => {
  test.setTimeout(240_000);
  const sec = await signIn(browser, "secretariat@demo.gov.vn", { touch: true, viewport: TABLET });
  const chair = await signIn(browser, "chair@demo.gov.vn");
  const m = await liveMeeting(sec.context.request, chair.context.request);
  await chair.context.close();
  const member = "Đỗ Thị Thanh Tâm";
  // Her answer sends a deputy, by name only (she did not pick his account).
  const absent = await signIn(browser, "member6@demo.gov.vn", { touch: true, viewport: TABLET });
  await ok(absent.context.request.post(`/api/v1/meetings/${m.id}/rsvp`, { data: { answer: "DELEGATE", deputyName: "Thứ trưởng (chưa rõ)", reason: "Đi công tác" }, headers: fromApp() }));
  await absent.page.goto(`/meetings/${m.id}`);
  await expect(absent.page.getByTestId("my-deputy")).toContainText("Thứ trưởng (chưa rõ)");
  await expect(absent.page.getByTestId("live-status")).toHaveAttribute("data-connected", "true", { timeout: 20_000 });

  // The secretariat names his account under Participants.
  const prep = sec.page;
  await prep.goto(`/meetings/${m.id}`);
  const row = prep.getByTestId("participant").filter({ hasText: member });
  await expect(row.getByTestId("rsvp")).toHaveText("Cử người dự thay");
  await pickPerson(row, `Tài khoản của người dự họp thay cho ${member}`, "Nguyễn Thanh Bình", "thanh binh");
  await expect(row.getByTestId("deputy-name")).toContainText("Nguyễn Thanh Bình");
  // Her open tablet hears it at once.
  await expect(absent.page.getByTestId("my-deputy")).toContainText("Nguyễn Thanh Bình");
  await absent.context.close();
  // Members' rows that send no deputy offer nothing to pick.
  await expect(prep.getByTestId("participant").filter({ hasText: "Lê Văn Hùng" }).getByTestId("deputy-account")).toHaveCount(0);
  expect(await smallTargets(prep)).toEqual([]);
  await row.scrollIntoViewIfNeeded();
  await shot(prep, "deputy-account-vi");

  // The deputy is told on his tablet: the bell, and the notice opens the meeting where he checks in for her.
  const deputy = await signIn(browser, "deputy@demo.gov.vn", { touch: true, viewport: TABLET });
  await expect(deputy.page.getByTestId("notification-badge")).toBeVisible();
  await deputy.page.getByTestId("notification-bell").tap();
  const notice = deputy.page.getByTestId("notification-list").getByRole("link").filter({ hasText: `Bạn dự họp thay ${member}` }).first();
  await expect(notice).toContainText("Phiên họp trực tiếp");
  await shot(deputy.page, "deputy-notice-vi");
  await notice.tap();
  await expect(deputy.page).toHaveURL(new RegExp(`/meetings/${m.id}$`));
  await expect(deputy.page.getByTestId("deputy-seats")).toContainText(member);

  // He reads the paper: the receipt is his, on her behalf; the secretariat's reading progress shows it on her row.
  const snapshot = await ok(sec.context.request.get(`/api/v1/meetings/${m.id}`));
  const paperId = snapshot.agenda[0].documents[0].id as string;
  await deputy.page.goto(`/meetings/${m.id}/papers/${paperId}`);
  await expect(deputy.page.locator('.page[data-page-number="1"] canvas').first()).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => {
    const { receipts } = await (await sec.context.request.get(`/api/v1/meetings/${m.id}/reading`)).json();
    return receipts.some((r: { documentId: string; onBehalfOf: string | null }) => r.documentId === paperId && r.onBehalfOf !== null);
  }, { timeout: 20_000 }).toBe(true);
  // His meeting page says what he has read, as a member's does.
  await deputy.page.goto(`/meetings/${m.id}`);
  await expect(deputy.page.getByTestId("document").filter({ hasText: "Tờ trình trình chiếu" }).getByTestId("my-reading")).toHaveAttribute("data-state", "read");
  await expect(deputy.page.getByTestId("document").filter({ hasText: "Phụ lục trình chiếu" }).getByTestId("my-reading")).toHaveAttribute("data-state", "unread");
  await prep.goto(`/meetings/${m.id}/reading`);
  const progressRow = prep.getByTestId("reader-row").filter({ hasText: member });
  await expect(progressRow.getByTestId("read-by-deputy").first()).toContainText("Người dự thay Nguyễn Thanh Bình đã mở lúc");
  await progressRow.scrollIntoViewIfNeeded();
  await shot(prep, "reading-progress-deputy-vi");
  await setLocale(sec.context, "en");
  await prep.reload();
  await expect(prep.getByTestId("reader-row").filter({ hasText: member }).getByTestId("read-by-deputy").first()).toContainText("Their deputy Nguyễn Thanh Bình opened it");
  await shot(prep, "reading-progress-deputy-en");
  await prep.goto(`/meetings/${m.id}`);
  const rowEn = prep.getByTestId("participant").filter({ hasText: member });
  await expect(rowEn.getByRole("combobox", { name: `Deputy's account for ${member}` })).toHaveValue("Nguyễn Thanh Bình");
  await rowEn.scrollIntoViewIfNeeded();
  await shot(prep, "deputy-account-en");
  await setLocale(sec.context, "vi");
  for (const c of [sec.context, deputy.context]) await c.close();
});

// The printable agenda: the real PDF route (policy, headers), the PDF opened by pdf.js, its text and time plan.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import { updateDocument, uploadDocument } from "@/lib/documents/commands";
import { inspectPdf } from "@/lib/documents/pdf";
import { briefingPdf } from "@/lib/pdf/briefing";
import { agendaSlug } from "@/lib/agenda/print";
import { openApiDocument } from "@/lib/http/openapi";
import * as pdfRoute from "@/app/api/v1/meetings/[meetingId]/agenda.pdf/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

let sec: Actor, member: Actor, outsider: Actor;
let meetingId: string, draftId: string;
let paperPages: number;

const TITLES = {
  open: "Khai mạc, thông qua chương trình phiên họp",
  egov: "Dự thảo Nghị quyết về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2018 – 2020",
  report: "Báo cáo tình hình triển khai Chính phủ điện tử năm 2026",
  infra: "Phát triển hạ tầng công nghệ thông tin và truyền thông",
  close: "Kết luận của Chủ tọa phiên họp",
};
const PAPER = "Tờ trình dự thảo Nghị quyết về phát triển Chính phủ điện tử";
const SECRET_PAPER = "Phụ lục chỉ dành cho Thường trực Chính phủ";

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT", "Chuyên viên");
  member = await makeUser("MEMBER", "Lê Văn Hùng");
  outsider = await makeUser("MEMBER");
  const m = await makeMeeting(sec, { members: [member] });
  meetingId = m.id;
  // 08:00–11:00 in Hanoi (UTC+7).
  await db.meeting.update({ where: { id: meetingId }, data: { startsAt: new Date("2026-11-10T01:00:00Z"), endsAt: new Date("2026-11-10T04:00:00Z") } });
  const add = async (title: string, plannedMinutes: number, parentId: string | null = null) =>
    (await createAgendaItem(sec, meetingId, { title, plannedMinutes, parentId, presenterId: member.id })).result.id;
  await add(TITLES.open, 10);
  const egov = await add(TITLES.egov, 15);
  await add(TITLES.report, 20, egov);
  await add(TITLES.infra, 15, egov);
  await add(TITLES.close, 15);

  const bytes = await briefingPdf({ title: PAPER, sections: [{ heading: "I. Sự cần thiết", body: "Nội dung tờ trình." }], minPages: 2 });
  const uploaded = await uploadDocument(sec, meetingId, { title: PAPER, agendaItemId: egov, confidentiality: "CONFIDENTIAL", fileName: "to-trinh.pdf", bytes });
  paperPages = uploaded.result.pageCount;
  const secret = await uploadDocument(sec, meetingId, { title: SECRET_PAPER, fileName: "phu-luc.pdf", bytes });
  await updateDocument(sec, secret.result.document.id, { restricted: true, allowedUserIds: [] });

  draftId = (await makeMeeting(sec, { members: [member], status: "DRAFT" })).id;
});

async function getPdf(actor: Actor | null, id: string, query = "") {
  return pdfRoute.GET(await apiRequest(actor, "GET", `/api/v1/meetings/${id}/agenda.pdf${query}`), params({ meetingId: id }));
}

async function pdfText(res: Response) {
  expect(res.status).toBe(200);
  const info = await inspectPdf(new Uint8Array(await res.arrayBuffer()));
  return { pageCount: info.pageCount, text: info.text.normalize("NFC").replace(/\s+/g, " ") };
}

describe("GET /meetings/{id}/agenda.pdf", () => {
  it("is a PDF attachment that pdf.js opens, with the Vietnamese titles intact and the time plan", async () => {
    const res = await getPdf(member, meetingId, "?locale=vi");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="${agendaSlug(m.title)}.pdf"; filename*=UTF-8''${agendaSlug(m.title)}.pdf`,
    );
    expect(res.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''phien-hop-[0-9a-f]{8}\.pdf$/);
    const { pageCount, text } = await pdfText(res);
    expect(pageCount).toBe(1);

    expect(text).toContain("CHƯƠNG TRÌNH PHIÊN HỌP");
    expect(text).toContain(m.title);
    expect(text).toContain("Khai mạc");
    expect(text).toContain("Chính phủ điện tử");
    for (const title of Object.values(TITLES)) expect(text).toContain(title);
    // Heading: kind, Hanoi time, location, presenter.
    expect(text).toContain("Phiên họp thường kỳ");
    expect(text).toContain("Từ 08 giờ 00 đến 11 giờ 00, Thứ Ba, ngày 10/11/2026");
    expect(text).toContain("Hà Nội");
    expect(text).toContain(`Trình bày: ${member.name}`);

    // Numbered rows in reading order, each with its planned start (08:00 + running minutes).
    const rows = [
      ["08:00", "1.", TITLES.open, "10 phút"],
      ["08:10", "2.", TITLES.egov, "15 phút"],
      ["08:25", "2.1.", TITLES.report, "20 phút"],
      ["08:45", "2.2.", TITLES.infra, "15 phút"],
      ["09:00", "3.", TITLES.close, "15 phút"],
    ];
    let from = 0;
    for (const [time, number, title, minutes] of rows) {
      const at = text.indexOf(`${time} ${number} ${title} ${minutes}`, from);
      expect(at, `${number} ${title}`).toBeGreaterThan(from);
      from = at;
    }
    expect(text).toContain("Tổng thời gian dự kiến: 75 phút, dự kiến kết thúc lúc 09:15");

    // Papers under their item, with pages and the confidentiality mark; restricted papers stay hidden from members.
    expect(text).toContain(`MẬT ${PAPER} · ${paperPages} trang`);
    expect(text.indexOf(PAPER)).toBeGreaterThan(text.indexOf(TITLES.egov));
    expect(text.indexOf(PAPER)).toBeLessThan(text.indexOf(TITLES.report));
    expect(text).not.toContain(SECRET_PAPER);
    expect(text).toContain("Trang 1/1");
  });

  it("the secretariat's copy lists the restricted paper among the meeting's general papers", async () => {
    const { text } = await pdfText(await getPdf(sec, meetingId));
    expect(text).toContain("Tài liệu chung của phiên họp");
    expect(text).toContain(`${SECRET_PAPER} · `);
  });

  it("speaks English on request, and the user's own language by default", async () => {
    const en = await pdfText(await getPdf(member, meetingId, "?locale=en"));
    expect(en.text).toContain("MEETING AGENDA");
    expect(en.text).toContain("Tuesday, 10/11/2026, 08:00 – 11:00");
    expect(en.text).toContain(`08:25 2.1. ${TITLES.report} 20 min`);
    expect(en.text).toContain("Total planned time: 75 min, expected to end at 09:15");
    expect(en.text).toContain(`CONFIDENTIAL ${PAPER} · ${paperPages} pages`);
    expect(en.text).toContain("Page 1 of 1");

    await db.user.update({ where: { id: member.id }, data: { locale: "en" } });
    try {
      const res = await getPdf({ ...member, locale: "en" }, meetingId);
      expect(res.headers.get("content-language")).toBe("en");
      expect((await pdfText(res)).text).toContain("MEETING AGENDA");
    } finally {
      await db.user.update({ where: { id: member.id }, data: { locale: "vi" } });
    }
    const res = await getPdf(member, meetingId, "?locale=fr");
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION", fields: { locale: expect.any(Array) } });
  });

  it("a long agenda flows over several pages, numbered in the footer, nothing lost", async () => {
    const m = await makeMeeting(sec, { status: "DRAFT" });
    await db.meeting.update({ where: { id: m.id }, data: { startsAt: new Date("2026-11-10T01:00:00Z") } });
    for (let i = 1; i <= 45; i++) {
      await createAgendaItem(sec, m.id, {
        title: `Nội dung số ${i}: xem xét đề nghị xây dựng nghị định về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước`,
        plannedMinutes: 5,
        description: "Các Bộ, cơ quan ngang Bộ cho ý kiến về phạm vi điều chỉnh, đối tượng áp dụng và các chính sách lớn.",
      });
    }
    const { pageCount, text } = await pdfText(await getPdf(sec, m.id));
    expect(pageCount).toBeGreaterThan(2);
    for (let p = 1; p <= pageCount; p++) expect(text).toContain(`Trang ${p}/${pageCount}`);
    for (let i = 1; i <= 45; i++) expect(text).toContain(`${i}. Nội dung số ${i}: xem xét đề nghị xây dựng nghị định về quản lý, kết nối và chia sẻ dữ liệu số`);
    // 45 × 5 minutes from 08:00: the last item starts at 11:40 and the plan ends at 11:45.
    expect(text).toContain("11:40 45. Nội dung số 45");
    expect(text).toContain("Tổng thời gian dự kiến: 225 phút, dự kiến kết thúc lúc 11:45");
    // The draft is marked as not final.
    expect(text).toContain("DỰ THẢO");
  });

  it("401 without a session", async () => {
    const res = await getPdf(null, meetingId);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  it("404 for a member outside the meeting, and for a member before publication", async () => {
    for (const [who, id] of [[outsider, meetingId], [member, draftId], [member, "no-such-meeting"]] as const) {
      const res = await getPdf(who, id);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect((await res.json()).error.code).toBe("NOT_FOUND");
    }
  });

  it("is described in the OpenAPI document", () => {
    const op = (openApiDocument().paths["/meetings/{meetingId}/agenda.pdf"] as Record<string, { responses: Record<string, unknown> }>).get;
    expect(Object.keys(op.responses).sort()).toEqual(["200", "401", "404", "422"]);
  });
});

describe("agendaSlug", () => {
  it("makes an ASCII file name from a Vietnamese title", () => {
    expect(agendaSlug("Phiên họp Chính phủ thường kỳ tháng 11 năm 2026")).toBe("phien-hop-chinh-phu-thuong-ky-thang-11-nam-2026");
    expect(agendaSlug("Đề nghị xây dựng Luật Dữ liệu (sửa đổi)")).toBe("de-nghi-xay-dung-luat-du-lieu-sua-doi");
    expect(agendaSlug("///")).toBe("agenda");
    expect(agendaSlug("a".repeat(200))).toHaveLength(80);
  });
});

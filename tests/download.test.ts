// A paper downloaded to keep, through the real route: every page stamped (the reader's name, the time, the mark),
// the text of the paper unchanged, the download in the audit trail; a top-secret paper only for the secretariat.
import { beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { uploadDocument, updateDocument } from "@/lib/documents/commands";
import { inspectPdf } from "@/lib/documents/pdf";
import { verifyAuditChain } from "@/lib/audit";
import * as downloadRoute from "@/app/api/v1/documents/[documentId]/download/route";
import * as opinionPaperRoute from "@/app/api/v1/opinions/[opinionId]/papers/[documentId]/route";
import { createOpinion, reviewOpinion, submitOpinion } from "@/lib/opinions/commands";
import { createOpinionSchema } from "@/lib/opinions/schema";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";
import { goodPdf } from "./files/bad-pdfs";

let sec: Actor, member: Actor, other: Actor, outsider: Actor, meetingId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT", "Văn Thư");
  member = await makeUser("MEMBER", "Nguyễn Thị Hồng Nhung");
  other = await makeUser("MEMBER", "Trần Văn Bình");
  outsider = await makeUser();
  meetingId = (await makeMeeting(sec, { members: [member, other] })).id;
});

async function paper(confidentiality: "NORMAL" | "CONFIDENTIAL" | "SECRET", title = "Tờ trình về Chính phủ số") {
  const bytes = await goodPdf(title, 3);
  const { result } = await uploadDocument(sec, meetingId, { title, confidentiality, fileName: "tờ-trình.pdf", bytes });
  return { id: result.document.id, bytes };
}

const download = async (who: Actor, documentId: string, query = "") =>
  downloadRoute.GET(await apiRequest(who, "GET", `/api/v1/documents/${documentId}/download${query}`), params({ documentId }));

describe("download a paper to keep", () => {
  it("every page carries the reader's name, the time and the mark; the paper's own text is kept; the download is audited", async () => {
    const { id, bytes } = await paper("CONFIDENTIAL");
    const res = await download(member, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="to-trinh\.pdf"; filename\*=UTF-8''/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const copy = new Uint8Array(await res.arrayBuffer());
    const original = await inspectPdf(bytes);
    const stamped = await inspectPdf(copy);
    expect(stamped.pageCount).toBe(original.pageCount);
    // Per page: the paper's words, the reader's name (diacritics intact), a dd/mm/yyyy HH:mm time, and "Mật".
    const doc = await PDFDocument.load(copy);
    expect(doc.getPageCount()).toBe(original.pageCount);
    const pages = stamped.text.split("\n");
    expect(pages).toHaveLength(original.pageCount);
    for (const text of pages) {
      expect(text).toContain("Nguyễn Thị Hồng Nhung");
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/); // the time, in the official style (dates.json)
      expect(text).toContain("Mật");
    }
    expect(stamped.text).toContain("Chính phủ số");
    const audit = await db.auditEntry.findMany({ where: { action: "document.download", subjectId: id } });
    expect(audit.map((a) => [a.actorId, (a.data as { version: number }).version])).toEqual([[member.id, 1]]);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("an ordinary paper has no mark; the copy is in the reader's language", async () => {
    const { id } = await paper("NORMAL", "Báo cáo tình hình kinh tế");
    await db.user.update({ where: { id: other.id }, data: { locale: "en" } });
    const res = await download({ ...other, locale: "en" }, id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("en");
    const { text } = await inspectPdf(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("Trần Văn Bình");
    expect(text).not.toContain("Mật");
    expect(text).not.toContain("Confidential");
  });

  it("a top-secret paper: a member is refused (403, in their language), the secretariat gets a stamped copy", async () => {
    const { id } = await paper("SECRET", "Phương án nhân sự");
    const refused = await download(member, id);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Giấy tờ “Tối mật” chỉ được đọc trong ứng dụng, không được tải về.");
    const ok = await download(sec, id);
    expect(ok.status).toBe(200);
    expect((await inspectPdf(new Uint8Array(await ok.arrayBuffer()))).text).toContain("Tối mật");
    expect(await db.auditEntry.count({ where: { action: "document.download", subjectId: id } })).toBe(1);
  });

  it("a paper one may not see is a 404 (restricted to others, another meeting's); a version that does not exist too", async () => {
    const { id } = await paper("NORMAL");
    await updateDocument(sec, id, { restricted: true, allowedUserIds: [other.id] });
    expect((await download(member, id)).status).toBe(404);
    expect((await download(outsider, id)).status).toBe(404);
    expect((await download(other, id)).status).toBe(200);
    expect((await download(other, id, "?version=7")).status).toBe(404);
    expect((await download(other, id, "?version=abc")).status).toBe(422);
  });

  it("a paper sent with a request for written opinions reaches the members asked as a stamped copy too, and no one else", async () => {
    const { id: documentId } = await paper("CONFIDENTIAL", "Dự thảo Nghị định");
    const asked = await makeUser("MEMBER", "Lê Thị Thu Hà"); // not in the paper's meeting
    const { id: opinionId } = await createOpinion(sec, createOpinionSchema.parse({
      title: "Xin ý kiến về dự thảo Nghị định", summary: "", deadline: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      questions: ["Thông qua dự thảo?"], recipientIds: [asked.id], approverId: other.id, documentIds: [documentId],
    }));
    await submitOpinion(sec, opinionId);
    await reviewOpinion(other, opinionId, { decision: "APPROVE" });
    const get = async (who: Actor) =>
      opinionPaperRoute.GET(await apiRequest(who, "GET", `/api/v1/opinions/${opinionId}/papers/${documentId}`), params({ opinionId, documentId }));
    const res = await get(asked);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const { text } = await inspectPdf(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("Lê Thị Thu Hà");
    expect(text).toContain("Mật");
    expect(text).toContain("Dự thảo Nghị định");
    expect((await get(outsider)).status).toBe(404);
  });
});


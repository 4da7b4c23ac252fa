// Briefing papers through the real route handlers, real PDFs and real bad files; nothing may be stored on refusal.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { storageDir } from "@/lib/documents/storage";
import * as upload from "@/app/api/v1/meetings/[meetingId]/documents/route";
import * as versions from "@/app/api/v1/documents/[documentId]/versions/route";
import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import * as fileRoute from "@/app/api/v1/documents/[documentId]/file/route";
import { apiRequest, makeMeeting, makeUser, params, sessionCookie } from "./fixtures";
import { encryptedPdf, goodPdf, png, truncatedPdf } from "./files/bad-pdfs";

let sec: Actor, member: Actor, other: Actor, outsider: Actor, meetingId: string, itemId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser();
  other = await makeUser();
  outsider = await makeUser();
  meetingId = (await makeMeeting(sec, { members: [member, other] })).id;
  itemId = (await createAgendaItem(sec, meetingId, { title: "Chính phủ điện tử" })).result.id;
});

const originalLimit = process.env.MAX_UPLOAD_MB;
afterEach(() => {
  if (originalLimit === undefined) delete process.env.MAX_UPLOAD_MB;
  else process.env.MAX_UPLOAD_MB = originalLimit;
});

async function multipart(actor: Actor | null, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/pdf" }), file.name);
  const headers: Record<string, string> = { host: "localhost:3000", "sec-fetch-site": "same-origin" };
  if (actor) headers.cookie = await sessionCookie(actor);
  return new Request("http://localhost:3000/api/v1/x", { method: "POST", headers, body: form });
}

function storedFiles(): string[] {
  const dir = storageDir();
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".pdf"));
}

const json = (r: Response) => r.json() as Promise<any>;

describe("upload validation: refused with a clear message, nothing stored", () => {
  it.each([
    ["a truncated PDF", truncatedPdf, "damaged.pdf", 422, /bị hỏng/],
    ["an encrypted PDF", encryptedPdf, "secret.pdf", 422, /mã hóa hoặc đặt mật khẩu/],
    ["a PNG renamed .pdf", async () => png(), "photo.pdf", 422, /không phải là PDF/],
    ["zero bytes", async () => new Uint8Array(), "empty.pdf", 422, /Tệp rỗng/],
  ])("%s", async (_name, make, fileName, status, message) => {
    const [docs, versionsBefore, files] = [await db.document.count(), await db.documentVersion.count(), storedFiles()];
    const res = await upload.POST(await multipart(sec, { title: "Tài liệu" }, { bytes: await make(), name: fileName }), params({ meetingId }));
    expect(res.status).toBe(status);
    const err = (await json(res)).error;
    expect(err.message).toMatch(message);
    expect(err.fields.file).toBeDefined();
    expect(await db.document.count()).toBe(docs);
    expect(await db.documentVersion.count()).toBe(versionsBefore);
    expect(storedFiles()).toEqual(files);
  });

  it("over the size limit: 413, nothing stored", async () => {
    process.env.MAX_UPLOAD_MB = "0.01"; // ~10 KB
    const bytes = await goodPdf("Lớn", 6);
    expect(bytes.length).toBeGreaterThan(10 * 1024);
    const files = storedFiles();
    const res = await upload.POST(await multipart(sec, { title: "Quá lớn" }, { bytes, name: "big.pdf" }), params({ meetingId }));
    expect(res.status).toBe(413);
    expect((await json(res)).error).toMatchObject({ code: "TOO_LARGE", message: expect.stringMatching(/vượt quá giới hạn/) });
    expect(storedFiles()).toEqual(files);
  });

  it("missing file or title: 422 naming the field", async () => {
    const noFile = await upload.POST(await multipart(sec, { title: "x" }), params({ meetingId }));
    expect(noFile.status).toBe(422);
    expect((await json(noFile)).error.fields.file).toBeDefined();
    const noTitle = await upload.POST(await multipart(sec, { title: " " }, { bytes: await goodPdf(), name: "a.pdf" }), params({ meetingId }));
    expect(noTitle.status).toBe(422);
    expect((await json(noTitle)).error.fields.title).toBeDefined();
  });
});

describe("a good upload", () => {
  it("answers 201 with document, version and pageCount; extracts Vietnamese text; stores one file per content", async () => {
    const bytes = await goodPdf("Báo cáo hạ tầng số", 3);
    const files = storedFiles().length;
    const res = await upload.POST(await multipart(sec, { title: "Báo cáo hạ tầng số", agendaItemId: itemId, confidentiality: "CONFIDENTIAL" }, { bytes, name: "bao-cao.pdf" }), params({ meetingId }));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.pageCount).toBe(3);
    expect(body.document).toMatchObject({ title: "Báo cáo hạ tầng số", agendaItemId: itemId, confidentiality: "CONFIDENTIAL" });
    expect(body.version).toMatchObject({ number: 1, pageCount: 3, size: bytes.length, fileName: "bao-cao.pdf" });
    const stored = await db.documentVersion.findUniqueOrThrow({ where: { id: body.version.id } });
    expect(stored.text).toContain("Phát triển Chính phủ điện tử, hạ tầng số và kinh tế số");
    expect(storedFiles().length).toBe(files + 1);
    // The same bytes again: a second document, the same single file on disk.
    const again = await upload.POST(await multipart(sec, { title: "Bản sao" }, { bytes, name: "copy.pdf" }), params({ meetingId }));
    expect(again.status).toBe(201);
    expect(storedFiles().length).toBe(files + 1);
    // The file route serves exactly those bytes to a participant.
    const file = await fileRoute.GET(await apiRequest(member, "GET", `/api/v1/documents/${body.document.id}/file`), params({ documentId: body.document.id }));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("a new version increments the number and marks the document changed", async () => {
    const first = await json(await upload.POST(await multipart(sec, { title: "Tờ trình" }, { bytes: await goodPdf("v1", 1), name: "v1.pdf" }), params({ meetingId })));
    const res = await versions.POST(await multipart(sec, {}, { bytes: await goodPdf("v2", 2), name: "v2.pdf" }), params({ documentId: first.document.id }));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ version: { number: 2 }, pageCount: 2 });
    const doc = await db.document.findUniqueOrThrow({ where: { id: first.document.id } });
    expect(doc.changedAtVersion).toBe(body.meetingVersion);
    const v1 = await fileRoute.GET(await apiRequest(member, "GET", `/x?version=1`), params({ documentId: first.document.id }));
    expect(v1.status).toBe(200);
  });
});

describe("access to papers", () => {
  it("a document restricted to named participants is invisible (snapshot and file) to the others", async () => {
    const up = await json(await upload.POST(await multipart(sec, { title: "Tài liệu mật" }, { bytes: await goodPdf("Mật", 1), name: "mat.pdf" }), params({ meetingId })));
    const id = up.document.id;
    const res = await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { restricted: true, allowedUserIds: [member.id], confidentiality: "SECRET" }), params({ documentId: id }));
    expect(res.status).toBe(200);
    const seen = (a: Actor) => getMeetingSnapshot(a, meetingId).then((s) => [...s.meetingDocuments, ...s.agenda.flatMap((n) => n.documents)].some((d) => d.id === id));
    expect(await seen(member)).toBe(true);
    expect(await seen(other)).toBe(false);
    expect(await seen(sec)).toBe(true);
    expect((await fileRoute.GET(await apiRequest(other, "GET", "/x"), params({ documentId: id }))).status).toBe(404);
    expect((await fileRoute.GET(await apiRequest(member, "GET", "/x"), params({ documentId: id }))).status).toBe(200);
    const notParticipant = await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { allowedUserIds: [outsider.id] }), params({ documentId: id }));
    expect(notParticipant.status).toBe(422);
  });

  it("delete removes the document, and its file once nothing else uses it", async () => {
    const bytes = await goodPdf("Xóa", 1);
    const up = await json(await upload.POST(await multipart(sec, { title: "Sẽ xóa" }, { bytes, name: "x.pdf" }), params({ meetingId })));
    const before = storedFiles().length;
    const res = await documentRoute.DELETE(await apiRequest(sec, "DELETE", "/x", {}), params({ documentId: up.document.id }));
    expect(res.status).toBe(200);
    expect(await db.document.findUnique({ where: { id: up.document.id } })).toBeNull();
    expect(storedFiles().length).toBe(before - 1);
  });

  it("authorization per endpoint: 401 anonymous, 403 member, 404 outsider", async () => {
    const up = await json(await upload.POST(await multipart(sec, { title: "Quyền" }, { bytes: await goodPdf("Quyền", 1), name: "q.pdf" }), params({ meetingId })));
    const documentId = up.document.id;
    const pdf = await goodPdf("x", 1);
    const entries: [string, (w: Actor | null) => Promise<Response>, number, number][] = [
      ["upload", async (w) => upload.POST(await multipart(w, { title: "x" }, { bytes: pdf, name: "x.pdf" }), params({ meetingId })), 403, 404],
      ["new version", async (w) => versions.POST(await multipart(w, {}, { bytes: pdf, name: "x.pdf" }), params({ documentId })), 403, 404],
      ["update", async (w) => documentRoute.PATCH(await apiRequest(w, "PATCH", "/x", { title: "y" }), params({ documentId })), 403, 404],
      ["delete", async (w) => documentRoute.DELETE(await apiRequest(w, "DELETE", "/x", {}), params({ documentId })), 403, 404],
      ["file", async (w) => fileRoute.GET(await apiRequest(w, "GET", "/x"), params({ documentId })), 200, 404],
    ];
    for (const [name, run, memberStatus, outsiderStatus] of entries) {
      expect((await run(null)).status, `${name} anonymous`).toBe(401);
      expect((await run(member)).status, `${name} member`).toBe(memberStatus);
      expect((await run(outsider)).status, `${name} outsider`).toBe(outsiderStatus);
    }
    expect(await db.document.findUnique({ where: { id: documentId } })).not.toBeNull();
  });
});

// Briefing papers, the edges: policy before the body is read, the size limit from the header and from a body sent
// without one, the download headers and version choice, restricted papers staying invisible to writes too, shared
// files surviving the deletion of one of their documents, and the events members' tablets follow.
import fs from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import { blobPath, sha256, storageDir } from "@/lib/documents/storage";
import { briefingPdf } from "@/lib/pdf/briefing";
import * as upload from "@/app/api/v1/meetings/[meetingId]/documents/route";
import * as versions from "@/app/api/v1/documents/[documentId]/versions/route";
import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import * as fileRoute from "@/app/api/v1/documents/[documentId]/file/route";
import { apiRequest, makeMeeting, makeUser, params, sessionCookie } from "./fixtures";

let sec: Actor, member: Actor, listed: Actor, outsider: Actor, meetingId: string, otherMeetingItem: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser();
  listed = await makeUser();
  outsider = await makeUser();
  meetingId = (await makeMeeting(sec, { members: [member, listed] })).id;
  const other = await makeMeeting(sec, { members: [outsider] });
  otherMeetingItem = (await createAgendaItem(sec, other.id, { title: "Nội dung cuộc họp khác" })).result.id;
});

const originalLimit = process.env.MAX_UPLOAD_MB;
afterEach(() => {
  if (originalLimit === undefined) delete process.env.MAX_UPLOAD_MB;
  else process.env.MAX_UPLOAD_MB = originalLimit;
});

let n = 0;
/** A distinct real PDF each call (distinct content → distinct file on disk). */
const pdf = (pages = 1) =>
  briefingPdf({ title: `Tài liệu số ${++n} – ${Date.now()}`, minPages: pages, sections: [{ heading: "Nội dung", body: "Đề án chuyển đổi số quốc gia. ".repeat(10) }] });

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (file) f.set("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), file.name);
  return f;
}

async function multipart(actor: Actor | null, fields: Record<string, string>, file?: { bytes: Uint8Array; name: string }, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { host: "localhost:3000", "sec-fetch-site": "same-origin", ...headers };
  if (actor) h.cookie = await sessionCookie(actor);
  return new Request("http://localhost:3000/api/v1/x", { method: "POST", headers: h, body: form(fields, file) });
}

/** The same multipart body sent in chunks without a Content-Length (chunked transfer), as a streaming client would. */
async function chunkedMultipart(actor: Actor, fields: Record<string, string>, file: { bytes: Uint8Array; name: string }) {
  const encoded = new Response(form(fields, file));
  const contentType = encoded.headers.get("content-type")!;
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += 64 * 1024)));
    },
  });
  return new Request("http://localhost:3000/api/v1/x", {
    method: "POST",
    headers: { host: "localhost:3000", "sec-fetch-site": "same-origin", cookie: await sessionCookie(actor), "content-type": contentType },
    body,
    duplex: "half",
  } as RequestInit);
}

const storedFiles = () => (fs.existsSync(storageDir()) ? fs.readdirSync(storageDir(), { recursive: true }).map(String).filter((f) => f.endsWith(".pdf")) : []);
const json = (r: Response) => r.json() as Promise<any>;
const uploadAs = async (actor: Actor, title: string, bytes: Uint8Array, name = "tai-lieu.pdf", extra: Record<string, string> = {}) =>
  upload.POST(await multipart(actor, { title, ...extra }, { bytes, name }), params({ meetingId }));

/** A real PDF followed by padding after %%EOF (readers ignore it): valid, and as big as we like. */
async function paddedPdf(totalBytes: number) {
  const bytes = await pdf();
  const pad = Buffer.alloc(totalBytes - bytes.length, "% padding\n");
  return new Uint8Array(Buffer.concat([bytes, pad]));
}

describe("policy before the body", () => {
  it("a member sending a damaged or oversized file gets 403 and an outsider 404, not a verdict on the file; nothing stored", async () => {
    process.env.MAX_UPLOAD_MB = "1";
    const bad = (await pdf(2)).slice(0, 4000);
    const big = await paddedPdf(1.5 * 1024 * 1024);
    const [docs, files] = [await db.document.count(), storedFiles()];
    for (const bytes of [bad, big]) {
      expect((await uploadAs(member, "Không được phép", bytes)).status).toBe(403);
      expect((await uploadAs(outsider, "Không được phép", bytes)).status).toBe(404);
    }
    const doc = await json(await uploadAs(sec, "Có sẵn", await pdf()));
    for (const [who, status] of [[member, 403], [outsider, 404]] as const) {
      const res = await versions.POST(await multipart(who, {}, { bytes: bad, name: "v2.pdf" }), params({ documentId: doc.document.id }));
      expect(res.status).toBe(status);
    }
    expect(await db.document.count()).toBe(docs + 1);
    expect(await db.documentVersion.count({ where: { documentId: doc.document.id } })).toBe(1);
    expect(storedFiles().length).toBe(files.length + 1);
  });
});

describe("the size limit", () => {
  it("the same valid file is accepted under a larger limit and refused (413) over a smaller one", async () => {
    const bytes = await paddedPdf(1.3 * 1024 * 1024);
    process.env.MAX_UPLOAD_MB = "1";
    const files = storedFiles();
    const refused = await uploadAs(sec, "Quá lớn", bytes);
    expect(refused.status).toBe(413);
    expect((await json(refused)).error).toMatchObject({ code: "TOO_LARGE", message: "Tệp vượt quá giới hạn 1 MB.", fields: { file: expect.any(Array) } });
    expect(storedFiles()).toEqual(files);
    process.env.MAX_UPLOAD_MB = "2";
    const accepted = await uploadAs(sec, "Vừa đủ", bytes);
    expect(accepted.status).toBe(201);
    expect((await json(accepted)).version.size).toBe(bytes.length);
  });

  it("a Content-Length over the limit is refused before the body is read", async () => {
    process.env.MAX_UPLOAD_MB = "1";
    // The body itself is small and valid: only the announced length can cause the refusal.
    const req = await multipart(sec, { title: "Khai báo quá lớn" }, { bytes: await pdf(), name: "a.pdf" }, { "content-length": String(5 * 1024 * 1024) });
    const res = await upload.POST(req, params({ meetingId }));
    expect(res.status).toBe(413);
    expect(req.bodyUsed).toBe(false);
  });

  it("a body sent without a Content-Length is counted and cut off at the limit, not read to its end", async () => {
    process.env.MAX_UPLOAD_MB = "1";
    const files = storedFiles();
    // 20 MB streamed with no announced length: the server must stop reading shortly after the 1 MB limit.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= 20 * 1024 * 1024) return c.close();
        pulled += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024).fill(37));
      },
    });
    const req = new Request("http://localhost:3000/api/v1/x", {
      method: "POST",
      headers: { host: "localhost:3000", "sec-fetch-site": "same-origin", cookie: await sessionCookie(sec), "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect((await upload.POST(req, params({ meetingId }))).status).toBe(413);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
    expect(storedFiles()).toEqual(files);
    const fine = await upload.POST(await chunkedMultipart(sec, { title: "Gửi từng phần" }, { bytes: await pdf(2), name: "ok.pdf" }), params({ meetingId }));
    expect(fine.status).toBe(201);
    expect((await json(fine)).pageCount).toBe(2);
  });
});

describe("answers and downloads", () => {
  it("answers carry no extracted text; the file route streams the chosen version with safe headers", async () => {
    const v1 = await pdf(1);
    const v2 = await pdf(2);
    const name = "Tờ trình it's (bản 1)*.pdf";
    const created = await json(await uploadAs(sec, "Tờ trình", v1, name));
    expect(created.version).not.toHaveProperty("text");
    const documentId = created.document.id;
    const next = await json(await versions.POST(await multipart(sec, {}, { bytes: v2, name: "C:\\fakepath\\ban-2.pdf" }), params({ documentId })));
    expect(next.version).not.toHaveProperty("text");
    expect(next.version).toMatchObject({ number: 2, fileName: "ban-2.pdf", pageCount: 2 });

    const get = async (query = "") => fileRoute.GET(await apiRequest(member, "GET", `/api/v1/documents/${documentId}/file${query}`), params({ documentId }));
    const latest = await get();
    expect(latest.status).toBe(200);
    expect(Buffer.from(await latest.arrayBuffer()).equals(Buffer.from(v2))).toBe(true);
    const first = await get("?version=1");
    expect(first.headers.get("content-type")).toBe("application/pdf");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    expect(first.headers.get("content-length")).toBe(String(v1.length));
    const disposition = first.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(name);
    expect(disposition).toContain(`filename="To trinh it's (ban 1)*.pdf"`);
    expect(Buffer.from(await first.arrayBuffer()).equals(Buffer.from(v1))).toBe(true);
    expect((await get("?version=9")).status).toBe(404);
    expect((await get("?version=abc")).status).toBe(422);
  });
});

describe("names from tablets", () => {
  it("decomposed (NFD) titles and file names, as iPadOS pickers send them, are stored composed (NFC)", async () => {
    const title = "Tờ trình Đề án chuyển đổi số";
    const nfd = title.normalize("NFD");
    expect(nfd).not.toBe(title);
    const res = await uploadAs(sec, nfd, await pdf(), `${nfd}.pdf`);
    expect(res.status).toBe(201);
    const { document, version } = await json(res);
    expect(document.title).toBe(title);
    expect(version.fileName).toBe(`${title}.pdf`);
  });

  it("names lose bidirectional overrides and invisible characters, and always end in .pdf (a PDF/HTML polyglot never downloads as .html)", async () => {
    const cases: [string, string][] = [
      ["báo cáo\u202Elmth.pdf", "báo cáolmth.pdf"],
      ["polyglot.html", "polyglot.html.pdf"],
      ["Tờ trình\u200B\u2066.PDF", "Tờ trình.pdf"],
      ["dòng\u2028mới\u0007.pdf.exe", "dòngmới.pdf.exe.pdf"],
      ["\u202E\u0000", "document.pdf"],
    ];
    for (const [sent, stored] of cases) {
      const res = await uploadAs(sec, "Tài liệu", await pdf(), sent);
      expect(res.status).toBe(201);
      const { document, version } = await json(res);
      expect(version.fileName).toBe(stored);
      const file = await fileRoute.GET(await apiRequest(member, "GET", "/x"), params({ documentId: document.id }));
      const disposition = file.headers.get("content-disposition")!;
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(stored);
      expect(disposition).toMatch(/filename="[\x20-\x7e]*\.pdf"; /);
    }
  });

  it("a name stored before the rule (e.g. .html) is still offered as .pdf", async () => {
    const { document } = await json(await uploadAs(sec, "Cũ", await pdf()));
    await db.documentVersion.updateMany({ where: { documentId: document.id }, data: { fileName: "cu\u202Eftp.html" } });
    const file = await fileRoute.GET(await apiRequest(member, "GET", "/x"), params({ documentId: document.id }));
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain(`filename="cuftp.html.pdf"`);
  });
});

describe("restricted papers and changes", () => {
  it("a paper restricted to others is a 404 for every write and read by an unlisted member; a listed member reads it but may not change it", async () => {
    const { document } = await json(await uploadAs(sec, "Hồ sơ nhân sự", await pdf()));
    const documentId = document.id;
    const patch = await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { restricted: true, allowedUserIds: [listed.id, listed.id] }), params({ documentId }));
    expect(patch.status).toBe(200);
    expect(await db.documentAccess.findMany({ where: { documentId }, select: { userId: true } })).toEqual([{ userId: listed.id }]);
    const calls = (who: Actor) => [
      async () => documentRoute.PATCH(await apiRequest(who, "PATCH", "/x", { title: "Đổi tên" }), params({ documentId })),
      async () => documentRoute.DELETE(await apiRequest(who, "DELETE", "/x", {}), params({ documentId })),
      async () => versions.POST(await multipart(who, {}, { bytes: await pdf(), name: "v.pdf" }), params({ documentId })),
      async () => fileRoute.GET(await apiRequest(who, "GET", "/x"), params({ documentId })),
    ];
    const statuses = async (who: Actor) => {
      const out: number[] = [];
      for (const call of calls(who)) out.push((await call()).status);
      return out;
    };
    expect(await statuses(member)).toEqual([404, 404, 404, 404]);
    expect(await statuses(listed)).toEqual([403, 403, 403, 200]);
    expect((await db.document.findUniqueOrThrow({ where: { id: documentId } })).title).toBe("Hồ sơ nhân sự");
    // Lifting the restriction makes it visible again.
    await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { restricted: false }), params({ documentId }));
    expect((await fileRoute.GET(await apiRequest(member, "GET", "/x"), params({ documentId }))).status).toBe(200);
  });

  it("moving a paper: to an item of another meeting is 422, to meeting level (null) works; each change is a stored event and an audit entry", async () => {
    const item = (await createAgendaItem(sec, meetingId, { title: "Nội dung có tài liệu" })).result.id;
    const { document } = await json(await uploadAs(sec, "Báo cáo", await pdf(), "bao-cao.pdf", { agendaItemId: item }));
    const documentId = document.id;
    const wrong = await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { agendaItemId: otherMeetingItem }), params({ documentId }));
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).error.fields.agendaItemId).toBeDefined();
    const stale = await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { title: "Cũ", baseVersion: 1 }), params({ documentId }));
    expect(stale.status).toBe(409);
    const moved = await json(await documentRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { agendaItemId: null, confidentiality: "CONFIDENTIAL" }), params({ documentId })));
    expect(moved.document).toMatchObject({ agendaItemId: null, confidentiality: "CONFIDENTIAL", changedAtVersion: moved.meetingVersion });
    const deleted = await json(await documentRoute.DELETE(await apiRequest(sec, "DELETE", "/x", {}), params({ documentId })));
    const events = await db.meetingEvent.findMany({ where: { meetingId, name: "documents.changed" }, orderBy: { version: "asc" } });
    type Stored = { change: string; documents?: { id: string }[]; removedDocuments?: string[] };
    const mine = events.map((e) => ({ ...(e.payload as Stored), version: e.version })).filter((p) => p.documents?.some((d) => d.id === documentId) || p.removedDocuments?.includes(documentId));
    expect(mine.map((p) => p.change)).toEqual(["created", "updated", "deleted"]);
    expect(mine.at(-1)!.version).toBe(deleted.meetingVersion);
    const audit = await db.auditEntry.findMany({ where: { subjectId: documentId }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["document.upload", "document.update", "document.delete"]);
  });

  it("deleting one of two documents with the same content keeps the shared file; deleting the last removes it", async () => {
    const bytes = await pdf();
    const file = blobPath(sha256(bytes));
    const a = await json(await uploadAs(sec, "Bản A", bytes));
    const b = await json(await uploadAs(sec, "Bản B", bytes));
    expect(fs.existsSync(file)).toBe(true);
    expect((await documentRoute.DELETE(await apiRequest(sec, "DELETE", "/x"), params({ documentId: a.document.id }))).status).toBe(200);
    expect(fs.existsSync(file)).toBe(true);
    const still = await fileRoute.GET(await apiRequest(member, "GET", "/x"), params({ documentId: b.document.id }));
    expect(Buffer.from(await still.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect((await documentRoute.DELETE(await apiRequest(sec, "DELETE", "/x"), params({ documentId: b.document.id }))).status).toBe(200);
    expect(fs.existsSync(file)).toBe(false);
  });
});

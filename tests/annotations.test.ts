// Annotations: validation (422, nothing written), idempotency by client id, edit and delete, privacy — a private
// note is its author's alone over HTTP and over sockets (only the author's own user room hears of it, by ids);
// a shared one reaches the paper's readers live, and for a restricted paper only its listed readers and staff.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { annotationOps } from "@/lib/annotations/operations";
import { attachRealtime } from "@/lib/realtime/server";
import { setRealtimeServer } from "@/lib/realtime/publish";
import { updateDocument, uploadDocument } from "@/lib/documents/commands";
import { extractPageText, pageString } from "@/lib/documents/pagetext";
import { briefingPdf } from "@/lib/pdf/briefing";
import { sessionCookie } from "./fixtures";
import { validAnnotation, World, type Fixture } from "./operation-cases";

let world: World;
let f: Fixture;
let httpServer: http.Server;
let io: Server;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  world = await World.create();
  f = await world.meetingWith();
  await db.participant.create({ data: { meetingId: f.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io.close();
});

const save = (who: Actor, clientId: string, body: unknown, documentId = f.documentId) =>
  world.send(annotationOps.save, who, { params: { documentId, clientId }, body });
const remove = (who: Actor, clientId: string, documentId = f.documentId) => world.send(annotationOps.remove, who, { params: { documentId, clientId } });
const list = async (who: Actor, documentId = f.documentId) => {
  const res = await world.send(annotationOps.list, who, { params: { documentId }, query: { version: "1" } });
  return { status: res.status, body: res.status === 200 ? await res.json() : null };
};
const id = () => `c-${crypto.randomUUID()}`;

/** A signed-in tablet in the meeting's rooms, recording every event it gets (name and payload). */
async function tablet(who: Actor, meetingId = f.meetingId) {
  const s = connect(url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(who) }, reconnection: false, forceNew: true });
  sockets.push(s);
  const got: { name: string; payload: unknown }[] = [];
  s.onAny((name, payload) => got.push({ name, payload }));
  await new Promise<void>((ok, fail) => { s.once("connect", () => ok()); s.once("connect_error", fail); });
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const ack = await new Promise<{ ok: boolean }>((r) => s.emit("meeting:join", { meetingId, version: m.version }, r));
  expect(ack.ok).toBe(true);
  return got;
}
const until = async (cond: () => boolean, ms = 3000) => {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
};
const settle = () => new Promise((r) => setTimeout(r, 300));

describe("annotations over HTTP", () => {
  it("refuses invalid notes with 422 and writes nothing", async () => {
    const before = await db.annotation.count();
    const bad = [
      validAnnotation({ page: 99 }), validAnnotation({ bounds: [0.5, 0, 0.2, 1] }), validAnnotation({ bounds: [0, 0, 1.5, 1] }),
      validAnnotation({ kind: "STAMP" }), validAnnotation({ visibility: "PUBLIC" }), validAnnotation({ editor: { big: "x".repeat(100_001) } }),
      validAnnotation({ text: "x".repeat(10_001) }), { ...validAnnotation(), version: undefined },
    ];
    for (const body of bad) expect((await save(world.people.member, id(), body)).status, JSON.stringify(body).slice(0, 80)).toBe(422);
    expect((await save(world.people.member, "short", validAnnotation())).status).toBe(422);
    expect((await save(world.people.member, "a".repeat(65), validAnnotation())).status).toBe(422);
    expect((await save(world.people.member, id(), validAnnotation({ version: 7 }))).status).toBe(404);
    expect(await db.annotation.count()).toBe(before);
  });

  it("is idempotent by client id: the same save twice is one note; a later save replaces it", async () => {
    const c = id();
    const a = await (await save(world.people.member, c, validAnnotation())).json();
    const b = await (await save(world.people.member, c, validAnnotation())).json();
    expect(b.annotation.id).toBe(a.annotation.id);
    expect(await db.annotation.count({ where: { clientId: c } })).toBe(1);
    const edited = await (await save(world.people.member, c, validAnnotation({ kind: "NOTE", text: "Đề nghị bổ sung số liệu", page: 1 }))).json();
    expect(edited.annotation).toMatchObject({ id: a.annotation.id, kind: "NOTE", text: "Đề nghị bổ sung số liệu", visibility: "PRIVATE", version: 1 });
    // The stored JSON is our own, versioned format.
    const row = await db.annotation.findFirstOrThrow({ where: { clientId: c } });
    expect(row.geometry).toMatchObject({ v: 1, bounds: [0.1, 0.1, 0.5, 0.15], editor: { annotationType: 9 }, anchor: { quote: "Chính phủ điện tử" } });
  });

  it("deletes idempotently, and a late retry of the save does not bring the note back", async () => {
    const c = id();
    await save(world.people.member, c, validAnnotation());
    expect((await remove(world.people.member, c)).status).toBe(200);
    expect((await remove(world.people.member, c)).status).toBe(200);
    expect((await remove(world.people.member, id())).status).toBe(200);
    expect((await save(world.people.member, c, validAnnotation())).status).toBe(409);
    expect((await list(world.people.member)).body.annotations.some((n: { clientId: string }) => n.clientId === c)).toBe(false);
  });

  it("another member's client id is their own: the same id makes two notes, and no one deletes another's", async () => {
    const c = id();
    await save(world.people.member, c, validAnnotation());
    await save(world.people.spare, c, validAnnotation());
    await remove(world.people.spare, c);
    expect(await db.annotation.count({ where: { clientId: c, deletedAt: null } })).toBe(1);
    expect((await db.annotation.findFirstOrThrow({ where: { clientId: c, deletedAt: null } })).authorId).toBe(world.people.member.id);
  });

  it("a private note is seen by its author only; a shared one by the paper's readers (secretariat included)", async () => {
    const mine = id();
    const shared = id();
    await save(world.people.member, mine, validAnnotation({ text: "Ghi chú riêng tư" }));
    await save(world.people.member, shared, validAnnotation({ text: "Ý kiến chung", visibility: "MEETING" }));
    const ids = async (who: Actor) => (await list(who)).body.annotations.map((n: { clientId: string }) => n.clientId);
    expect(await ids(world.people.member)).toEqual(expect.arrayContaining([mine, shared]));
    for (const other of [world.people.spare, world.people.secretariat, world.people.admin]) {
      const seen = await ids(other);
      expect(seen).toContain(shared);
      expect(seen).not.toContain(mine);
    }
    expect((await list(world.people.otherMember)).status).toBe(404);
    // The secretariat reads but does not write on papers (not a participant).
    expect((await save(world.people.secretariat, id(), validAnnotation())).status).toBe(403);
    const notes = await (await world.send(annotationOps.mine, world.people.member, { params: { meetingId: f.meetingId } })).json();
    expect(notes.notes.map((n: { clientId: string }) => n.clientId)).toEqual(expect.arrayContaining([mine, shared]));
    const theirs = await (await world.send(annotationOps.mine, world.people.spare, { params: { meetingId: f.meetingId } })).json();
    expect(theirs.notes.map((n: { clientId: string }) => n.clientId)).not.toContain(mine);
  });
});

describe("export my notes", () => {
  const exported = async (who: Actor, meetingId: string, headers: Record<string, string> = {}) => {
    const res = await world.send(annotationOps.export, who, { params: { meetingId } }, headers);
    return { status: res.status, type: res.headers.get("content-type"), body: await res.text() };
  };

  it("gives one's own notes as text, in one's language, and never another member's, shared or private", async () => {
    const g = await world.meetingWith();
    await db.participant.create({ data: { meetingId: g.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
    const at = (who: Actor, body: unknown) => save(who, id(), body, g.documentId);
    await at(world.people.member, validAnnotation({ kind: "NOTE", text: "Cần làm rõ nguồn vốn\nvà tiến độ", page: 1 }));
    await at(world.people.member, validAnnotation({ visibility: "MEETING", text: "Chính phủ điện tử" }));
    await at(world.people.spare, validAnnotation({ kind: "NOTE", text: "Bí mật của người khác" }));
    await at(world.people.spare, validAnnotation({ kind: "NOTE", text: "Ý kiến chung của người khác", visibility: "MEETING" }));

    const mine = await exported(world.people.member, g.meetingId);
    expect(mine.status).toBe(200);
    expect(mine.type).toBe("text/plain; charset=utf-8");
    expect(mine.body).toContain("Ghi chú của tôi — Phiên họp thường kỳ");
    expect(mine.body).toContain("Tài liệu (phiên bản 1)");
    expect(mine.body).toMatch(/Trang 1 · Ghi chú · riêng tư · \d{2} giờ \d{2}, .+\r\n    Cần làm rõ nguồn vốn\r\n    và tiến độ/);
    expect(mine.body).toContain("Trang 1 · Tô sáng · chia sẻ với phiên họp");
    expect(mine.body).not.toContain("người khác");
    const theirs = await exported(world.people.spare, g.meetingId);
    expect(theirs.body).toContain("Bí mật của người khác");
    expect(theirs.body).not.toContain("Cần làm rõ");
    expect(theirs.body).not.toContain("Chính phủ điện tử");
    // The secretariat has no notes of its own: nobody's notes come out for them.
    const sec = await exported(world.people.secretariat, g.meetingId);
    expect(sec.body).toContain("Bạn chưa có ghi chú nào");
    expect(sec.body).not.toMatch(/người khác|Cần làm rõ|Chính phủ điện tử/);
    // A deleted note is gone from the export; a member of another meeting gets a 404.
    const gone = id();
    await at(world.people.member, validAnnotation({ kind: "NOTE", text: "Ghi chú sẽ xóa" }));
    await save(world.people.member, gone, validAnnotation({ kind: "NOTE", text: "Ghi chú đã xóa" }), g.documentId);
    await remove(world.people.member, gone, g.documentId);
    expect((await exported(world.people.member, g.meetingId)).body).not.toContain("Ghi chú đã xóa");
    expect((await exported(world.people.otherMember, g.meetingId)).status).toBe(404);
    // On a top-secret paper one's own note's words come, the paper's highlighted words do not.
    const secret = (await uploadDocument(world.people.secretariat, g.meetingId, { title: "Phương án tối mật", fileName: "toi-mat.pdf", bytes: await briefingPdf({ title: "Phương án tối mật", sections: [{ heading: "I", body: "Nội dung tối mật." }] }), confidentiality: "SECRET" })).result.document.id;
    await save(world.people.member, id(), validAnnotation({ text: "Câu chữ tối mật được tô sáng" }), secret);
    await save(world.people.member, id(), validAnnotation({ kind: "NOTE", text: "Ý kiến riêng về phương án" }), secret);
    const withSecret = (await exported(world.people.member, g.meetingId)).body;
    expect(withSecret).toContain("Phương án tối mật (phiên bản 1)");
    expect(withSecret).toContain("Ý kiến riêng về phương án");
    expect(withSecret).not.toContain("Câu chữ tối mật được tô sáng");
  });

  it("as a PDF: only the pages one wrote on, one's own notes drawn on them, stamped with one's name and the mark", async () => {
    const g = await world.meetingWith();
    await db.participant.create({ data: { meetingId: g.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
    const bytes = await briefingPdf({ title: "Báo cáo kinh tế số", minPages: 3, sections: [{ heading: "I. Tình hình", body: "Kinh tế số tăng trưởng nhanh. ".repeat(40) }] });
    const paper = (await uploadDocument(world.people.secretariat, g.meetingId, { title: "Báo cáo kinh tế số", fileName: "bao-cao.pdf", bytes, confidentiality: "CONFIDENTIAL" })).result.document.id;
    const note = (page: number, text: string) => validAnnotation({ kind: "NOTE", page, text, anchor: null, editor: { annotationType: 3, pageIndex: page - 1, rect: [300, 600, 500, 640], value: text } });
    expect((await save(world.people.member, id(), note(1, "Ghi chú trang một"), paper)).status).toBe(200);
    expect((await save(world.people.member, id(), validAnnotation({ page: 3, editor: { annotationType: 9, pageIndex: 2, color: [255, 235, 59], rect: [60, 700, 300, 720], quadPoints: [60, 720, 300, 720, 60, 700, 300, 700] } }), paper)).status).toBe(200);
    expect((await save(world.people.spare, id(), note(2, "Bí mật người khác"), paper)).status).toBe(200);
    // A top-secret paper's pages never leave as a copy (policy document.download): it is named, not included.
    const secret = (await uploadDocument(world.people.secretariat, g.meetingId, { title: "Phương án tối mật", fileName: "toi-mat.pdf", bytes, confidentiality: "SECRET" })).result.document.id;
    expect((await save(world.people.member, id(), note(1, "Ghi chú trên tài liệu tối mật"), secret)).status).toBe(200);

    const res = await world.send(annotationOps.exportPdf, world.people.member, { params: { meetingId: g.meetingId } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const exportedPdf = new Uint8Array(await res.arrayBuffer());
    const pages = await extractPageText(exportedPdf);
    // The paper's pages 1 and 3 (the fixture paper has no notes of this member's: none of its pages).
    expect(pages).toHaveLength(3);
    const text = pages.map(pageString);
    expect(text[2]).toContain("Không kèm các trang của những tài liệu sau");
    expect(text[2]).toContain("Phương án tối mật");
    expect(text.join(" ")).not.toContain("Ghi chú trên tài liệu tối mật");
    expect(text[0]).toContain("Ghi chú trang một");
    expect(text[0]).toContain(world.people.member.name);
    expect(text[0]).toContain("Mật"); // the mark as the reader and a downloaded copy show it
    expect(text[0]).toContain("Báo cáo kinh tế số · phiên bản 1 · trang 1");
    expect(text[1]).toContain("Báo cáo kinh tế số · phiên bản 1 · trang 3");
    expect(text.join(" ")).not.toContain("Bí mật người khác");
    expect(await db.auditEntry.count({ where: { action: "annotations.exportPdf", actorId: world.people.member.id } })).toBeGreaterThan(0);
    const theirs = await extractPageText(new Uint8Array(await (await world.send(annotationOps.exportPdf, world.people.spare, { params: { meetingId: g.meetingId } })).arrayBuffer()));
    expect(theirs).toHaveLength(1);
    expect(pageString(theirs[0])).toContain("Bí mật người khác");
    expect(pageString(theirs[0])).not.toContain("Ghi chú trang một");
    expect((await world.send(annotationOps.exportPdf, world.people.otherMember, { params: { meetingId: g.meetingId } })).status).toBe(404);
  });

  it("is written in the reader's language", async () => {
    const g = await world.meetingWith();
    await save(world.people.member, id(), validAnnotation({ kind: "NOTE", text: "Note in English" }), g.documentId);
    await db.user.update({ where: { id: world.people.member.id }, data: { locale: "en" } });
    try {
      const en = await exported({ ...world.people.member, locale: "en" }, g.meetingId);
      expect(en.body).toContain("My notes — Phiên họp thường kỳ");
      expect(en.body).toContain("Page 1 · Note · private ·");
    } finally {
      await db.user.update({ where: { id: world.people.member.id }, data: { locale: "vi" } });
    }
  });
});

describe("annotations live", () => {
  it("a private note reaches only its author's devices, by ids; a shared one every reader; unsharing takes it away", async () => {
    const [phone, tablet2, other, sec] = [await tablet(world.people.member), await tablet(world.people.member), await tablet(world.people.spare), await tablet(world.people.secretariat)];
    const c = id();
    const saved = await (await save(world.people.member, c, validAnnotation({ text: "Ghi chú riêng tư tuyệt mật" }))).json();
    await until(() => phone.some((e) => e.name === "annotation.changed") && tablet2.some((e) => e.name === "annotation.changed"));
    await settle();
    // With the saved note's updatedAt: the device that saved it knows its own echo by it.
    expect(phone.find((e) => e.name === "annotation.changed")!.payload).toEqual({ documentId: f.documentId, version: 1, clientId: c, deleted: false, updatedAt: saved.annotation.updatedAt });
    // Nobody else heard anything, and no event anywhere carries the note's words.
    expect(other).toEqual([]);
    expect(sec).toEqual([]);
    expect(JSON.stringify([phone, tablet2])).not.toContain("tuyệt mật");

    await save(world.people.member, c, validAnnotation({ text: "Ý kiến chung", visibility: "MEETING" }));
    await until(() => other.some((e) => e.name === "annotation.shared") && sec.some((e) => e.name === "annotation.shared"));
    const got = other.find((e) => e.name === "annotation.shared")!.payload as { annotation: { clientId: string; text: string; author: { id: string } } };
    expect(got.annotation).toMatchObject({ clientId: c, text: "Ý kiến chung", author: { id: world.people.member.id } });

    await save(world.people.member, c, validAnnotation({ text: "Riêng tư trở lại", visibility: "PRIVATE" }));
    await until(() => other.some((e) => e.name === "annotation.removed"));
    await settle();
    expect(JSON.stringify([other, sec])).not.toContain("Riêng tư trở lại");
  });

  it("a shared note on a restricted paper reaches its listed readers and staff, never the rest of the meeting", async () => {
    const g = await world.meetingWith();
    await db.participant.create({ data: { meetingId: g.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
    await updateDocument(world.people.secretariat, g.documentId, { restricted: true, allowedUserIds: [world.people.member.id] });
    const [listed, unlisted, sec] = [await tablet(world.people.member, g.meetingId), await tablet(world.people.spare, g.meetingId), await tablet(world.people.secretariat, g.meetingId)];
    // The restriction's own meeting event may still be arriving: start from silence.
    await settle();
    unlisted.length = 0;
    const c = id();
    expect((await save(world.people.member, c, validAnnotation({ visibility: "MEETING", text: "Chỉ người được chỉ định" }), g.documentId)).status).toBe(200);
    await until(() => sec.some((e) => e.name === "annotation.shared") && listed.some((e) => e.name === "annotation.shared"));
    await settle();
    expect(unlisted).toEqual([]);
    expect((await list(world.people.spare, g.documentId)).status).toBe(404);
    expect((await save(world.people.spare, id(), validAnnotation(), g.documentId)).status).toBe(404);
  });
});

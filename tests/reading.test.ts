// Read receipts (a legal record) and reading positions: batched reports keep the union of pages seen per version;
// the last page follows the reader to every device; progress is everyone's for the secretariat and the chair,
// one's own for a member; a restricted paper or another meeting's paper is a 404 on every route, ranges included.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { documentOps } from "@/lib/documents/operations";
import { readingOps } from "@/lib/reading/operations";
import { readerView } from "@/lib/reading/queries";
import { updateDocument } from "@/lib/documents/commands";
import { World, type Fixture } from "./operation-cases";

let world: World;
let f: Fixture;
beforeAll(async () => {
  world = await World.create();
  f = await world.meetingWith();
  // A second member, and a 3-page paper so that pages can be counted.
  await db.participant.create({ data: { meetingId: f.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
  await db.documentVersion.updateMany({ where: { documentId: f.documentId }, data: { pageCount: 3 } });
});

const report = (who = world.people.member, body: unknown = { version: 1, pages: [1], lastPage: 1 }, documentId = f.documentId) =>
  world.send(readingOps.report, who, { params: { documentId }, body });
const progress = async (who: typeof world.people.member) => {
  const res = await world.send(readingOps.progress, who, { params: { meetingId: f.meetingId } });
  expect(res.status).toBe(200);
  return res.json();
};

describe("read receipts", () => {
  it("the first report opens the receipt; later ones keep the union of pages and move the last page", async () => {
    const first = await report(world.people.member, { version: 1, pages: [1, 2, 2], lastPage: 2 });
    expect(first.status).toBe(200);
    const a = (await first.json()).receipt;
    expect(a).toMatchObject({ version: 1, pageCount: 3, pagesSeen: 2, lastPage: 2 });
    const b = (await (await report(world.people.member, { version: 1, pages: [2, 3], lastPage: 3 })).json()).receipt;
    expect(b).toMatchObject({ pagesSeen: 3, lastPage: 3, firstOpenedAt: a.firstOpenedAt });
    expect(Date.parse(b.lastOpenedAt)).toBeGreaterThanOrEqual(Date.parse(a.lastOpenedAt));
    const rows = await db.readReceipt.findMany({ where: { userId: world.people.member.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].pagesSeen).toEqual([1, 2, 3]);
  });

  it("the last page is where the reader opens next, on any device", async () => {
    await report(world.people.member, { version: 1, pages: [], lastPage: 2 });
    const view = await readerView(world.people.member, f.meetingId, f.documentId);
    expect(view.lastRead).toEqual({ page: 2, version: 1 });
    expect(view.participant).toBe(true);
    expect((await readerView(world.people.spare, f.meetingId, f.documentId)).lastRead).toBeNull();
  });

  it("refuses pages beyond the paper (422) and an unknown version (404); nothing is written", async () => {
    const before = await db.readReceipt.count();
    const res = await report(world.people.spare, { version: 1, pages: [4], lastPage: 1 });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.pages).toBeDefined();
    expect((await report(world.people.spare, { version: 9, pages: [1], lastPage: 1 })).status).toBe(404);
    expect((await report(world.people.spare, { version: 1, pages: [0], lastPage: 1 })).status).toBe(422);
    expect(await db.readReceipt.count()).toBe(before);
  });

  it("the secretariat and the chair see every participant's progress; a member sees only their own", async () => {
    await report(world.people.spare, { version: 1, pages: [1], lastPage: 1 });
    for (const staff of [world.people.secretariat, world.people.chair]) {
      const p = await progress(staff);
      // Every participant (the chair takes part too; so does a member who sends a deputy), whether or not they have
      // opened anything.
      const participants = await db.participant.findMany({ where: { meetingId: f.meetingId }, select: { userId: true } });
      expect(participants.map((x) => x.userId)).toEqual(expect.arrayContaining([world.people.member.id, world.people.spare.id, world.people.chair.id]));
      expect(p.readers.map((r: { userId: string }) => r.userId).sort()).toEqual(participants.map((x) => x.userId).sort());
      expect(p.receipts).toHaveLength(2);
      expect(p.papers).toEqual([{ id: f.documentId, title: "Tài liệu", version: 1, pageCount: 3 }]);
    }
    const mine = await progress(world.people.member);
    expect(mine.readers.map((r: { userId: string }) => r.userId)).toEqual([world.people.member.id]);
    expect(mine.receipts.map((r: { userId: string }) => r.userId)).toEqual([world.people.member.id]);
  });

  it("a deputy reading the member's papers is recorded as who read, on whose behalf; progress shows it on the member's row", async () => {
    const { deputy, secretariat, otherMember } = world.people;
    const seat = await db.participant.findUniqueOrThrow({ where: { id: f.representedParticipantId } });
    expect((await readerView(deputy, f.meetingId, f.documentId)).recordsReading).toBe(true);
    const res = await report(deputy, { version: 1, pages: [1, 2], lastPage: 2 });
    expect(res.status).toBe(200);
    expect((await res.json()).receipt).toMatchObject({ userId: deputy.id, onBehalfOf: seat.userId, pagesSeen: 2 });
    const row = await db.readReceipt.findFirstOrThrow({ where: { userId: deputy.id } });
    expect(row.onBehalfOfId).toBe(seat.userId);
    const p = await progress(secretariat);
    // The deputy is no reader of their own (no seat); their receipt counts for the member's seat, with their name.
    expect(p.readers.map((r: { userId: string }) => r.userId)).not.toContain(deputy.id);
    expect(p.receipts).toContainEqual(expect.objectContaining({ userId: deputy.id, onBehalfOf: seat.userId, pagesSeen: 2 }));
    expect(p.deputies).toEqual([{ userId: deputy.id, name: deputy.name }]);
    // The member sees their deputy's reading among their own; the deputy sees their own (the badges on the meeting page).
    const theirs = await progress({ ...world.people.member, id: seat.userId, role: "MEMBER" });
    expect(theirs.receipts.map((r: { userId: string }) => r.userId)).toEqual([deputy.id]);
    const own = await progress(deputy);
    expect(own.viewer).toMatchObject({ participant: false, records: true, everyone: false });
    expect(own.readers).toEqual([]);
    expect(own.receipts).toEqual([expect.objectContaining({ userId: deputy.id, onBehalfOf: seat.userId })]);
    expect((await progress(secretariat)).viewer.records).toBe(false);
    // Not named any more: no receipt is kept (403), nothing written.
    await db.participant.update({ where: { id: seat.id }, data: { deputyUserId: null } });
    expect((await report(deputy, { version: 1, pages: [3], lastPage: 3 })).status).toBe(404);
    expect((await db.readReceipt.findFirstOrThrow({ where: { userId: deputy.id } })).pagesSeen).toEqual([1, 2]);
    expect((await report(otherMember, { version: 1, pages: [1], lastPage: 1 })).status).toBe(404);
    await db.participant.update({ where: { id: seat.id }, data: { deputyUserId: deputy.id } });
  });
});

describe("a paper restricted to others, on every route", () => {
  it("is a 404 for the file, every range of it, the receipt and the reader; listed readers and the secretariat keep it", async () => {
    const g = await world.meetingWith();
    await db.participant.create({ data: { meetingId: g.meetingId, userId: world.people.spare.id, role: "MEMBER" } });
    await updateDocument(world.people.secretariat, g.documentId, { restricted: true, allowedUserIds: [world.people.spare.id] });
    const file = (who: typeof world.people.member, range?: string) =>
      world.send(documentOps.file, who, { params: { documentId: g.documentId } }, range ? { range } : {});
    for (const range of [undefined, "bytes=0-99", "bytes=100-", "bytes=-10", "bytes=999999999-"]) {
      expect((await file(world.people.member, range)).status, `member, ${range}`).toBe(404);
      expect((await file(world.people.otherMember, range)).status, `outsider, ${range}`).toBe(404);
    }
    expect((await file(world.people.spare, "bytes=0-99")).status).toBe(206);
    expect((await file(world.people.secretariat, "bytes=0-99")).status).toBe(206);
    expect((await report(world.people.member, { version: 1, pages: [1], lastPage: 1 }, g.documentId)).status).toBe(404);
    expect((await report(world.people.otherMember, { version: 1, pages: [1], lastPage: 1 }, g.documentId)).status).toBe(404);
    expect((await report(world.people.spare, { version: 1, pages: [1], lastPage: 1 }, g.documentId)).status).toBe(200);
    await expect(readerView(world.people.member, g.meetingId, g.documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Progress never names a paper the viewer may not see.
    const res = await world.send(readingOps.progress, world.people.member, { params: { meetingId: g.meetingId } });
    expect((await res.json()).papers).toEqual([]);
  });

  it("the reader of another meeting's paper through this meeting's address is a 404", async () => {
    const g = await world.meetingWith();
    await expect(readerView(world.people.member, g.meetingId, f.documentId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

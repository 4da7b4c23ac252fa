import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Actor } from "../policy";
import { AppError } from "../errors";
import { verifyAuditChain } from "../audit";
import { makeMeeting, makeUser } from "../../tests/fixtures";
import { createAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "./commands";
import { treeViolation } from "./tree";

let sec: Actor;
let member: Actor;
beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser("MEMBER");
});

async function rows(meetingId: string) {
  return db.agendaItem.findMany({ where: { meetingId }, select: { id: true, parentId: true, position: true, title: true } });
}

describe("agenda commands against SQLite", () => {
  it("creates nested items, bumps the version once per change, stores the event and the audit entry", async () => {
    const m = await makeMeeting(sec, { members: [member] });
    const a = await createAgendaItem(sec, m.id, { title: "Mục 1" });
    const b = await createAgendaItem(sec, m.id, { title: "Mục 1.1", parentId: a.result.id });
    expect(b.version).toBe(a.version + 1);
    const events = await db.meetingEvent.findMany({ where: { meetingId: m.id }, orderBy: { version: "asc" } });
    expect(events.map((e) => [e.version, e.name])).toEqual([[a.version, "agenda.changed"], [b.version, "agenda.changed"]]);
    const audit = await db.auditEntry.findMany({ where: { meetingId: m.id, action: "agenda.create" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((e) => e.actorId === sec.id)).toBe(true);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("a member cannot create, rename, move or delete items (403) and nothing changes", async () => {
    const m = await makeMeeting(sec, { members: [member] });
    const { result: item } = await createAgendaItem(sec, m.id, { title: "Gốc" });
    const before = await db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    for (const attempt of [
      () => createAgendaItem(member, m.id, { title: "x" }),
      () => updateAgendaItem(member, item.id, { title: "x" }),
      () => moveAgendaItem(member, item.id, { parentId: null, position: 0 }),
      () => deleteAgendaItem(member, item.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).version).toBe(before.version);
    expect((await rows(m.id)).map((r) => r.title)).toEqual(["Gốc"]);
  });

  it("a stale base version is a 409 carrying the fresh state; the other writer's change is kept", async () => {
    const m = await makeMeeting(sec);
    const { result: item, version } = await createAgendaItem(sec, m.id, { title: "Ban đầu" });
    await updateAgendaItem(sec, item.id, { title: "Người thứ nhất", baseVersion: version });
    const err = await updateAgendaItem(sec, item.id, { title: "Người thứ hai", baseVersion: version }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.details.currentVersion).toBe(version + 1);
    expect(err.details.meeting.agenda[0].title).toBe("Người thứ nhất");
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: item.id } })).title).toBe("Người thứ nhất");
  });

  it("concurrent moves keep positions dense and the tree valid", async () => {
    const m = await makeMeeting(sec);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await createAgendaItem(sec, m.id, { title: `Mục ${i}` })).result.id);
    const child = (await createAgendaItem(sec, m.id, { title: "Con", parentId: ids[0] })).result.id;
    await Promise.all([
      moveAgendaItem(sec, ids[7], { parentId: null, position: 0 }),
      moveAgendaItem(sec, ids[1], { parentId: ids[2], position: 0 }),
      moveAgendaItem(sec, child, { parentId: null, position: 3 }),
      moveAgendaItem(sec, ids[4], { parentId: null, position: 99 }),
      deleteAgendaItem(sec, ids[5]),
    ]);
    const after = await rows(m.id);
    expect(treeViolation(after)).toBeNull();
    expect(after).toHaveLength(8);
    const m2 = await db.meeting.findUniqueOrThrow({ where: { id: m.id } });
    expect(await db.meetingEvent.count({ where: { meetingId: m.id } })).toBe(m2.version - 1);
  });

  it("refuses a move under the item's own child with 422 and leaves the tree as it was", async () => {
    const m = await makeMeeting(sec);
    const parent = (await createAgendaItem(sec, m.id, { title: "Cha" })).result.id;
    const kid = (await createAgendaItem(sec, m.id, { title: "Con", parentId: parent })).result.id;
    await expect(moveAgendaItem(sec, parent, { parentId: kid, position: 0 })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: parent } })).parentId).toBeNull();
  });

  it("deleting an item removes its sub-items, closes the gap, and keeps its papers with the meeting", async () => {
    const m = await makeMeeting(sec);
    const a = (await createAgendaItem(sec, m.id, { title: "A" })).result.id;
    const b = (await createAgendaItem(sec, m.id, { title: "B" })).result.id;
    await createAgendaItem(sec, m.id, { title: "B.1", parentId: b });
    const c = (await createAgendaItem(sec, m.id, { title: "C" })).result.id;
    await deleteAgendaItem(sec, b);
    const after = await rows(m.id);
    expect(after.map((r) => [r.id, r.position]).sort()).toEqual([[a, 0], [c, 1]].sort());
  });
});

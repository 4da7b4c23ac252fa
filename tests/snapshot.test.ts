// The meeting snapshot read (lib/meetings/snapshot.ts, prepared SQL) and its ETag.
// 1. It returns exactly what the former Prisma read returned (kept below as the oracle), for every kind of actor.
// 2. A 304 is never stale: after any change, an actor whose ETag is unchanged has an unchanged snapshot; and the
//    content the read keeps per meeting and version is never served after a change (it equals the oracle).
import { readVoteRows } from "../lib/votes/queries";
import crypto from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/policy";
import { loadMeetingResource } from "@/lib/meetings/access";
import { readDocumentRows, readItemRows, readMeetingRow, readParticipantRows } from "@/lib/meetings/rows";
import { viewDelta } from "@/lib/meetings/delta";
import { readLiveRow, readSpeakerRows } from "@/lib/live/rows";
import { checkIn, checkInAsDeputy, manageSpeakers, presentPaper, requestToSpeak, runMeeting } from "@/lib/live/commands";
import { assembleSnapshot } from "@/lib/meetings/view";
import { readMeetingEntry, readMeetingSnapshot } from "@/lib/meetings/snapshot";
import { createAgendaItem, moveAgendaItem, updateAgendaItem } from "@/lib/agenda/commands";
import { updateDocument } from "@/lib/documents/commands";
import { answerInvitation, markSeen, removeParticipant, updateParticipant } from "@/lib/meetings/participants";
import { updateMeeting } from "@/lib/meetings/commands";
import * as meetingRoute from "@/app/api/v1/meetings/[meetingId]/route";
import { openApiDocument } from "@/lib/http/openapi";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

/** The snapshot as lib/meetings/queries.ts composed it through Prisma before the prepared statements (the oracle). */
async function prismaSnapshot(actor: Actor, meetingId: string) {
  const resource = await loadMeetingResource(db, actor, meetingId);
  if (!can(actor, "meeting.view", resource)) throw new Error("not visible");
  const [meeting, items, documents, participants, live, speakers] = await Promise.all([
    readMeetingRow(db, meetingId),
    readItemRows(db, { meetingId }),
    readDocumentRows(db, { meetingId }),
    readParticipantRows(db, { meetingId }),
    readLiveRow(db, meetingId),
    readSpeakerRows(db, { meetingId }),
  ]);
  const votes = await readVoteRows(db, { meetingId });
  const viewer = { id: actor.id, role: actor.role };
  const visible = viewDelta({ meeting, documents }, viewer);
  return assembleSnapshot({ viewer, meeting: visible.meeting!, items, documents: visible.documents ?? [], participants, live, speakers, votes });
}

const read = async (actor: Actor, meetingId: string) => (await readMeetingSnapshot(actor, meetingId)).snapshot!;

let sec: Actor, admin: Actor, chair: Actor, granted: Actor, plain: Actor, approver: Actor, outsider: Actor;
let meetingId: string;
let itemIds: string[];
let docIds: string[];

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT", "Thư ký");
  admin = await makeUser("ADMIN", "Quản trị");
  chair = await makeUser("MEMBER", "Chủ tọa");
  granted = await makeUser("MEMBER", "Thành viên được xem tài liệu mật");
  plain = await makeUser("MEMBER", "Thành viên");
  approver = await makeUser("MEMBER", "Người duyệt");
  outsider = await makeUser("MEMBER", "Người ngoài");
  await db.user.update({ where: { id: plain.id }, data: { title: "Bộ trưởng Bộ Tư pháp" } });
  const m = await makeMeeting(sec, { members: [granted, plain], chair, approver });
  meetingId = m.id;
  // Three levels, presenters on some items, papers on items and on the meeting, restricted ones, several versions.
  itemIds = [];
  for (let a = 0; a < 3; a++) {
    const top = (await createAgendaItem(sec, meetingId, { title: `Nội dung ${a + 1}`, plannedMinutes: 15, presenterId: a === 1 ? chair.id : null, description: "Tờ trình của Bộ" })).result.id;
    itemIds.push(top);
    for (let b = 0; b < 2; b++) {
      const mid = (await createAgendaItem(sec, meetingId, { title: `Nội dung ${a + 1}.${b + 1}`, plannedMinutes: 5, parentId: top, presenterId: b === 1 ? plain.id : null })).result.id;
      itemIds.push(mid, (await createAgendaItem(sec, meetingId, { title: `Nội dung ${a + 1}.${b + 1}.1`, parentId: mid })).result.id);
    }
  }
  docIds = [];
  for (let d = 0; d < 8; d++) {
    const restricted = d % 3 === 2;
    const doc = await db.document.create({
      data: {
        meetingId,
        agendaItemId: d % 4 === 3 ? null : itemIds[(d * 5) % itemIds.length],
        title: `Tài liệu ${d + 1}`,
        confidentiality: d % 2 ? "CONFIDENTIAL" : "NORMAL",
        restricted,
        changedAtVersion: d,
        versions: { create: Array.from({ length: 1 + (d % 3) }, (_, k) => ({ number: k + 1, fileHash: crypto.randomBytes(32).toString("hex"), fileName: `tai-lieu-${d}-${k}.pdf`, size: 1000 + d, pageCount: 2 + k, uploadedById: sec.id })) },
        ...(restricted ? { access: { create: [{ userId: granted.id }, ...(d === 5 ? [{ userId: chair.id }] : [])] } } : {}),
      },
    });
    docIds.push(doc.id);
  }
  await db.document.create({ data: { meetingId, title: "Chưa có tệp" } }); // a paper without a version
  await answerInvitation(plain, meetingId, { answer: "ABSENT", reason: "Đi công tác" });
  await markSeen(granted, meetingId, 3);
});

describe("the prepared snapshot read", () => {
  it("equals the Prisma read for the secretariat, an admin, the chair, members with and without grants, the approver", async () => {
    await db.meeting.update({ where: { id: meetingId }, data: { status: "PUBLISHED", reviewComment: "Đã duyệt", currentAgendaItemId: itemIds[0] } });
    for (const actor of [sec, admin, chair, granted, plain, approver]) {
      const expected = await prismaSnapshot(actor, meetingId);
      expect(await read(actor, meetingId)).toStrictEqual(expected);
    }
    // The restricted papers really are filtered (the comparison above is not between two empty lists).
    const count = (s: Awaited<ReturnType<typeof read>>) => s.meetingDocuments.length + s.agenda.flatMap(function all(n): typeof s.agenda { return [n, ...n.children.flatMap(all)]; }).reduce((k, n) => k + n.documents.length, 0);
    expect(count(await read(sec, meetingId))).toBe(9);
    expect(count(await read(plain, meetingId))).toBe(7);
    expect(count(await read(granted, meetingId))).toBe(9);
  });

  it("equals the Prisma read after moves, in a draft with no chair, and refuses who may not see the meeting", async () => {
    await moveAgendaItem(sec, itemIds[3], { parentId: null, position: 0 });
    await moveAgendaItem(sec, itemIds[2], { parentId: itemIds[5], position: 0 });
    for (const actor of [sec, granted]) expect(await read(actor, meetingId)).toStrictEqual(await prismaSnapshot(actor, meetingId));
    const draft = await makeMeeting(sec, { status: "DRAFT", members: [plain] });
    expect(await read(sec, draft.id)).toStrictEqual(await prismaSnapshot(sec, draft.id));
    await expect(readMeetingSnapshot(plain, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readMeetingSnapshot(outsider, meetingId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readMeetingSnapshot(outsider, meetingId, 'W/"1-x"')).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readMeetingSnapshot(sec, "no-such-meeting")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the meeting page's own read (title, last seen version) asks the policy as the snapshot does", async () => {
    await markSeen(plain, meetingId, 3);
    const seen = (await db.participant.findFirstOrThrow({ where: { meetingId, userId: plain.id } })).lastSeenVersion;
    expect(seen).toBeGreaterThanOrEqual(3);
    const snapshot = await read(plain, meetingId);
    expect(await readMeetingEntry(plain, meetingId)).toEqual({ title: snapshot.meeting.title, lastSeenVersion: seen });
    expect(await readMeetingEntry(sec, meetingId)).toEqual({ title: snapshot.meeting.title, lastSeenVersion: 0 });
    const draft = await makeMeeting(sec, { status: "DRAFT", members: [plain] });
    for (const [actor, id] of [[plain, draft.id], [outsider, meetingId], [sec, "no-such-meeting"]] as const) {
      await expect(readMeetingEntry(actor, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("equals the Prisma read while the meeting runs: live state, presenter, shown paper, attendance, speakers", async () => {
    await runMeeting(chair, meetingId, { command: "start" });
    await runMeeting(chair, meetingId, { command: "settings", presenterUserId: plain.id, quorumRule: "MAJORITY", speakingLimitSeconds: 120 });
    await presentPaper(chair, meetingId, { documentId: docIds[0], page: 2 });
    await checkIn(granted, meetingId, true);
    await requestToSpeak(granted, meetingId, "SPEAK");
    await requestToSpeak(plain, meetingId, "POINT_OF_ORDER");
    // A member away sends a deputy, who checks in for the seat and asks to speak in their place.
    const away = await makeUser("MEMBER", "Bộ trưởng vắng");
    const deputy = await makeUser("MEMBER", "Thứ trưởng dự thay");
    const seat = await db.participant.create({ data: { meetingId, userId: away.id, role: "MEMBER", rsvp: "DELEGATE", deputyUserId: deputy.id, deputyName: deputy.name } });
    await checkInAsDeputy(deputy, meetingId, { participantId: seat.id, present: true });
    await requestToSpeak(deputy, meetingId, "SPEAK");
    await manageSpeakers(chair, meetingId, { command: "next", after: null });
    await runMeeting(chair, meetingId, { command: "pause" });
    for (const actor of [sec, chair, granted, plain, deputy]) expect(await read(actor, meetingId)).toStrictEqual(await prismaSnapshot(actor, meetingId));
    const s = await read(plain, meetingId);
    expect(s.live).toMatchObject({ state: "PAUSED", presenter: { id: plain.id }, shown: { documentId: docIds[0], page: 2 }, quorumRule: "MAJORITY", speakingLimitSeconds: 120 });
    expect(s.speakers.map((r) => [r.user.id, r.status, r.onBehalfOf?.id ?? null])).toEqual([[granted.id, "WAITING", null], [plain.id, "SPEAKING", null], [deputy.id, "WAITING", away.id]]);
    expect((await read(deputy, meetingId)).permissions).toMatchObject({ speak: true, checkIn: false, run: false });
    expect(s.participants.find((p) => p.user.id === granted.id)?.checkedInAt).not.toBeNull();
    expect(s.permissions).toMatchObject({ run: false, present: true, speak: true });
  });
});

describe("the snapshot ETag", () => {
  it("answers 304 through the route for an unchanged snapshot, 200 with a new ETag after a change", async () => {
    const get = async (actor: Actor, ifNoneMatch?: string) =>
      meetingRoute.GET(await apiRequest(actor, "GET", `/api/v1/meetings/${meetingId}`, undefined, ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}), params({ meetingId }));
    const first = await get(plain);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"\d+-[\w-]+"$/);
    expect(first.headers.get("cache-control")).toContain("no-cache");
    const again = await get(plain, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get(plain, `W/"0-nope", ${etag}`)).status).toBe(304);
    // Another actor's ETag is not this actor's.
    expect((await get(granted, etag)).status).toBe(200);
    await updateAgendaItem(sec, itemIds[1], { title: "Nội dung đã đổi tên" });
    const after = await get(plain, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    // Someone removed from the meeting gets a 404, not a 304 for what they had.
    const p = await db.participant.findFirstOrThrow({ where: { meetingId, userId: plain.id } });
    const tag = (await get(plain)).headers.get("etag")!;
    await removeParticipant(sec, p.id);
    expect((await get(plain, tag)).status).toBe(404);
    await db.participant.create({ data: { meetingId, userId: plain.id, role: "MEMBER" } });
  });

  it("is documented: If-None-Match, the ETag header, the 304", () => {
    const get = openApiDocument().paths["/meetings/{meetingId}"].get as { parameters: { name: string }[]; responses: Record<string, { headers?: object }> };
    expect(get.parameters.map((p) => p.name)).toContain("If-None-Match");
    expect(get.responses["200"].headers).toHaveProperty("ETag");
    expect(get.responses["304"]).toBeDefined();
  });

  it("is never stale: after any change that alters an actor's snapshot, that actor's ETag differs (fast-check)", async () => {
    const actors = [sec, chair, granted, plain, approver];
    const renameUser = async (u: Actor) => db.user.update({ where: { id: u.id }, data: { name: `Tên mới ${crypto.randomBytes(3).toString("hex")}` } });
    const changes: Record<string, () => Promise<unknown>> = {
      "rename an item": () => updateAgendaItem(sec, itemIds[2], { title: `Tiêu đề ${crypto.randomBytes(3).toString("hex")}` }),
      "grant a restricted paper": () => updateDocument(sec, docIds[2], { allowedUserIds: [plain.id] }),
      "grant it back": () => updateDocument(sec, docIds[2], { allowedUserIds: [granted.id] }),
      "restrict a paper": () => updateDocument(sec, docIds[0], { restricted: true }),
      "unrestrict a paper": () => updateDocument(sec, docIds[0], { restricted: false }),
      "rename a presenter (no meeting write)": () => renameUser(chair),
      "rename a participant (no meeting write)": () => renameUser(plain),
      "change a participant's title (no meeting write)": () => db.user.update({ where: { id: granted.id }, data: { title: `Thứ trưởng ${crypto.randomBytes(2).toString("hex")}` } }),
      "mark seen (not in the snapshot)": async () => markSeen(granted, meetingId, (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version),
      "answer the invitation": () => answerInvitation(plain, meetingId, { answer: "ATTEND" }),
      "make a member an observer": async () => updateParticipant(sec, (await db.participant.findFirstOrThrow({ where: { meetingId, userId: granted.id } })).id, { role: "OBSERVER" }),
      "make them a member again": async () => updateParticipant(sec, (await db.participant.findFirstOrThrow({ where: { meetingId, userId: granted.id } })).id, { role: "MEMBER" }),
      "promote the approver to secretariat (no meeting write)": () => db.user.update({ where: { id: approver.id }, data: { role: "SECRETARIAT" } }),
      "demote them again (no meeting write)": () => db.user.update({ where: { id: approver.id }, data: { role: "MEMBER" } }),
      "change the location": () => updateMeeting(sec, meetingId, { location: `Phòng ${crypto.randomBytes(2).toString("hex")}` }),
      "change another meeting": async () => updateMeeting(sec, (await makeMeeting(sec)).id, { location: "Đà Nẵng" }),
    };
    // The actor as getActor would load it now (the role may have changed).
    const fresh = async (a: Actor): Promise<Actor> => {
      const u = await db.user.findUniqueOrThrow({ where: { id: a.id } });
      return { id: u.id, role: u.role, name: u.name, email: u.email, locale: u.locale };
    };
    const observe = async () => Promise.all(actors.map(async (a) => readMeetingSnapshot(await fresh(a), meetingId)));
    let unchangedTags = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...Object.keys(changes)), { minLength: 1, maxLength: 6 }), async (sequence) => {
        let before = await observe();
        for (const name of sequence) {
          await changes[name]();
          const after = await observe();
          for (let i = 0; i < actors.length; i++) {
            // Fresh, never the content kept from an earlier version (snapshot.ts keeps the last one per meeting):
            // the staff's cut and a member's, against the oracle.
            if (actors[i] === sec || actors[i] === plain) {
              expect(after[i].snapshot, `${name}: ${actors[i].name}'s snapshot`).toEqual(await prismaSnapshot(await fresh(actors[i]), meetingId));
            }
            if (after[i].etag !== before[i].etag) continue;
            unchangedTags++;
            expect(after[i].snapshot, `${name}: same ETag for ${actors[i].name}, so the snapshot must be the same`).toStrictEqual(before[i].snapshot);
            // And the conditional read agrees: not modified.
            expect((await readMeetingSnapshot(await fresh(actors[i]), meetingId, before[i].etag)).snapshot).toBeNull();
          }
          before = after;
        }
      }),
      { numRuns: 25 },
    );
    // Changes elsewhere keep ETags (the 304 path was exercised, not only the 200 one).
    expect(unchangedTags).toBeGreaterThan(0);
  }, 120_000);
});

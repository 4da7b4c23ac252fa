// The realtime contract end to end: real commands, a real socket.io server, real socket.io clients running the
// shipped MeetingSync. After random changes (and random Wi-Fi drops) every client's state must equal a fresh
// snapshot for its viewer, and no socket may ever receive what its user may not see.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import type { Actor } from "../policy";
import { createAgendaItem, deleteAgendaItem, moveAgendaItem, updateAgendaItem } from "../agenda/commands";
import { deleteDocument, updateDocument, uploadDocument, addDocumentVersion } from "../documents/commands";
import { addParticipant, answerInvitation, removeParticipant, updateParticipant } from "../meetings/participants";
import { updateMeeting } from "../meetings/commands";
import { getMeetingSnapshot } from "../meetings/queries";
import { db } from "../db";
import { makeMeeting, makeUser, sessionCookie } from "../../tests/fixtures";
import { goodPdf } from "../../tests/files/bad-pdfs";
import { attachRealtime } from "./server";
import { setRealtimeServer } from "./publish";
import { MeetingSync } from "./sync";
import { MEETING_EVENT_NAMES, meetingRoom } from "./events";
import type { MeetingSnapshot } from "../meetings/view";

let httpServer: http.Server;
let io: Server;
let url: string;
const sockets: Socket[] = [];
let pdf: Uint8Array;

beforeAll(async () => {
  httpServer = http.createServer();
  io = attachRealtime(httpServer);
  await new Promise<void>((r) => httpServer.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  pdf = await goodPdf("Tờ trình", 1);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  setRealtimeServer(undefined);
  await io.close();
});

async function socketOf(actor: Actor): Promise<Socket> {
  const s = connect(url, { transports: ["websocket"], extraHeaders: { cookie: await sessionCookie(actor) }, forceNew: true, reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
  return s;
}

/**
 * Wi-Fi back: one reconnect, waited for. (Calling connect() again while one is still opening makes socket.io-client
 * open a second transport, and the server's closing of the first one then leaves this reconnection-less test socket
 * disconnected for good; the app's own sockets reconnect by themselves.)
 */
async function reconnect(socket: Socket) {
  const connected = new Promise<void>((resolve, reject) => (socket.once("connect", () => resolve()), socket.once("connect_error", reject)));
  socket.connect();
  await connected;
}

/** What a browser holds: JSON, not Dates. */
const asJson = <T,>(v: T): T => JSON.parse(JSON.stringify(v));
const snapshotFor = async (actor: Actor) => asJson(await getMeetingSnapshot(actor, meetingIdUnderTest)) as MeetingSnapshot;
let meetingIdUnderTest = "";

interface Tablet {
  actor: Actor;
  socket: Socket;
  sync: MeetingSync;
  /** Every raw meeting event this socket received (to check what reached it). */
  received: { name: string; payload: unknown }[];
  fetches: number;
}

async function tablet(actor: Actor, meetingId: string): Promise<Tablet> {
  const socket = await socketOf(actor);
  const t: Tablet = { actor, socket, received: [], fetches: 0, sync: null as unknown as MeetingSync };
  for (const name of MEETING_EVENT_NAMES) socket.on(name, (payload: unknown) => t.received.push({ name, payload }));
  t.sync = new MeetingSync({
    socket,
    initial: asJson(await getMeetingSnapshot(actor, meetingId)),
    fetchSnapshot: async () => {
      t.fetches++;
      return { status: 200, body: await snapshotFor(actor) };
    },
  });
  t.sync.start();
  return t;
}

// Generous: on a loaded 2-core machine (the whole suite in parallel) a reconnect and replay took over 30 s once;
// a real loss never arrives at all, so waiting longer only delays a failure.
const until = async (cond: () => boolean | Promise<boolean>, ms = 90_000) => {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 15));
  }
};

const currentVersion = async (meetingId: string) => (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;

type Op =
  | { kind: "createItem"; parent: number; title: string }
  | { kind: "renameItem"; item: number; title: string }
  | { kind: "moveItem"; item: number; parent: number; position: number }
  | { kind: "deleteItem"; item: number }
  | { kind: "upload"; item: number; title: string }
  | { kind: "newVersion"; doc: number }
  | { kind: "restrict"; doc: number; to: number[] }
  | { kind: "unrestrict"; doc: number }
  | { kind: "moveDoc"; doc: number; item: number }
  | { kind: "deleteDoc"; doc: number }
  | { kind: "rsvp"; who: number; absent: boolean }
  | { kind: "role"; who: number; secretary: boolean }
  | { kind: "addRemove"; add: boolean }
  | { kind: "renameMeeting"; title: string }
  | { kind: "drop"; tablet: number };

const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `Mục ${s.trim() || "x"}`);
const pick = fc.nat({ max: 50 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("createItem" as const), parent: pick, title: text }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("renameItem" as const), item: pick, title: text }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("moveItem" as const), item: pick, parent: pick, position: fc.nat({ max: 6 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteItem" as const), item: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("upload" as const), item: pick, title: text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("newVersion" as const), doc: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("restrict" as const), doc: pick, to: fc.uniqueArray(fc.nat({ max: 2 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("unrestrict" as const), doc: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("moveDoc" as const), doc: pick, item: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteDoc" as const), doc: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rsvp" as const), who: fc.nat({ max: 2 }), absent: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("role" as const), who: fc.nat({ max: 2 }), secretary: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("addRemove" as const), add: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renameMeeting" as const), title: text }) },
);

/** Runs one random operation through the real commands; refusals (e.g. a tree rule) are fine, they change nothing. */
async function run(o: Op, ctx: { sec: Actor; members: Actor[]; extra: Actor; meetingId: string }) {
  const { sec, members, meetingId } = ctx;
  const items = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const docs = await db.document.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const item = (n: number) => (items.length ? items[n % items.length].id : null);
  const doc = (n: number) => (docs.length ? docs[n % docs.length].id : null);
  const participant = async (u: Actor) => db.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: u.id } } });
  try {
    switch (o.kind) {
      case "createItem": return await createAgendaItem(sec, meetingId, { title: o.title, parentId: o.parent % 3 === 0 ? null : item(o.parent) });
      case "renameItem": return item(o.item) && (await updateAgendaItem(sec, item(o.item)!, { title: o.title, plannedMinutes: o.title.length }));
      case "moveItem": return item(o.item) && (await moveAgendaItem(sec, item(o.item)!, { parentId: o.parent % 2 ? item(o.parent) : null, position: o.position }));
      case "deleteItem": return item(o.item) && (await deleteAgendaItem(sec, item(o.item)!));
      case "upload": return await uploadDocument(sec, meetingId, { title: o.title, agendaItemId: item(o.item), fileName: "to-trinh.pdf", bytes: pdf });
      case "newVersion": return doc(o.doc) && (await addDocumentVersion(sec, doc(o.doc)!, { fileName: "to-trinh-v2.pdf", bytes: pdf }));
      case "restrict": return doc(o.doc) && (await updateDocument(sec, doc(o.doc)!, { restricted: true, allowedUserIds: o.to.map((i) => members[i].id) }));
      case "unrestrict": return doc(o.doc) && (await updateDocument(sec, doc(o.doc)!, { restricted: false, allowedUserIds: [] }));
      case "moveDoc": return doc(o.doc) && (await updateDocument(sec, doc(o.doc)!, { agendaItemId: item(o.item) }));
      case "deleteDoc": return doc(o.doc) && (await deleteDocument(sec, doc(o.doc)!));
      case "rsvp": return await answerInvitation(members[o.who], meetingId, o.absent ? { answer: "ABSENT", reason: "Công tác" } : { answer: "ATTEND" });
      case "role": {
        const p = await participant(members[o.who]);
        return p && (await updateParticipant(sec, p.id, { role: o.secretary ? "SECRETARY" : "MEMBER" }));
      }
      case "addRemove": {
        const p = await participant(ctx.extra);
        if (o.add && !p) return await addParticipant(sec, meetingId, { userId: ctx.extra.id, role: "OBSERVER", mayVote: false });
        if (!o.add && p) return await removeParticipant(sec, p.id);
        return null;
      }
      case "renameMeeting": return await updateMeeting(sec, meetingId, { title: o.title });
    }
  } catch (e) {
    if ((e as { status?: number }).status === 422) return null;
    throw e;
  }
}

describe("clients that apply events stay equal to a fresh snapshot", () => {
  it("after 200 random changes, for the secretariat, members with and without shared papers; no restricted paper leaks", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 200, maxLength: 200 }), async (ops) => {
        const sec = await makeUser("SECRETARIAT");
        const members = [await makeUser(), await makeUser(), await makeUser()];
        const extra = await makeUser();
        const m = await makeMeeting(sec, { members });
        meetingIdUnderTest = m.id;
        const tablets = [await tablet(sec, m.id), ...(await Promise.all(members.map((u) => tablet(u, m.id))))];
        for (const o of ops) await run(o, { sec, members, extra, meetingId: m.id });
        const final = await currentVersion(m.id);
        await until(() => tablets.every((t) => t.sync.version === final));
        for (const t of tablets) expect(t.sync.snapshot).toEqual(await snapshotFor(t.actor));
        // The events carried the changes: nobody had to fetch a snapshot.
        expect(tablets.map((t) => t.fetches)).toEqual([0, 0, 0, 0]);
        await expectNoLeaks(tablets, m.id);
        for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
      }),
      // One run of 200 changes; on a failure report the case at once instead of shrinking for minutes.
      { numRuns: 1, endOnFailure: true },
    );
  }, 180_000);

  it("with random Wi-Fi drops and reconnects in between, catching up from stored events", async () => {
    const withDrops = fc.array(fc.oneof({ weight: 8, arbitrary: op }, { weight: 1, arbitrary: fc.record({ kind: fc.constant("drop" as const), tablet: fc.nat({ max: 3 }) }) }), { minLength: 200, maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(withDrops, async (ops) => {
        const sec = await makeUser("SECRETARIAT");
        const members = [await makeUser(), await makeUser(), await makeUser()];
        const extra = await makeUser();
        const m = await makeMeeting(sec, { members });
        meetingIdUnderTest = m.id;
        const tablets = [await tablet(sec, m.id), ...(await Promise.all(members.map((u) => tablet(u, m.id))))];
        for (const o of ops) {
          if (o.kind !== "drop") {
            await run(o, { sec, members, extra, meetingId: m.id });
            continue;
          }
          const t = tablets[o.tablet];
          if (t.socket.connected) t.socket.disconnect(); // Wi-Fi lost; changes go on without this tablet
          else await reconnect(t.socket); // back: MeetingSync re-joins with its version and replays what it missed
        }
        for (const t of tablets) if (!t.socket.connected) await reconnect(t.socket);
        const final = await currentVersion(m.id);
        await until(() => tablets.every((t) => t.sync.version === final));
        for (const t of tablets) expect(t.sync.snapshot).toEqual(await snapshotFor(t.actor));
        // Catch-up replayed the stored events; no tablet needed a snapshot.
        expect(tablets.map((t) => t.fetches)).toEqual([0, 0, 0, 0]);
        await expectNoLeaks(tablets, m.id);
        for (const t of tablets) (t.sync.stop(), t.socket.disconnect());
      }),
      // One run of 200 changes; on a failure report the case at once instead of shrinking for minutes.
      { numRuns: 1, endOnFailure: true },
    );
  }, 180_000);
});

/** No socket ever got a paper (or its id) it may not see now and never could see, nor anyone's access list. */
async function expectNoLeaks(tablets: Tablet[], meetingId: string) {
  const docs = await db.document.findMany({ where: { meetingId }, include: { access: true } });
  const audits = await db.auditEntry.findMany({ where: { meetingId, action: { in: ["document.update", "document.upload"] } } });
  for (const t of tablets.slice(1)) {
    const raw = JSON.stringify(t.received);
    expect(raw).not.toContain("allowedUserIds");
    for (const d of docs) {
      // Papers restricted from their upload on, never shared with this member: not even their id arrived.
      const everOpen = audits.some((a) => a.subjectId === d.id && ((a.data as { restricted?: boolean }).restricted === false || a.action === "document.upload"));
      const everShared = audits.some((a) => a.subjectId === d.id && ((a.data as { allowedUserIds?: string[] }).allowedUserIds ?? []).includes(t.actor.id));
      if (d.restricted && !everShared && !everOpen) expect(raw).not.toContain(d.id);
    }
  }
}

describe("what a socket may receive", () => {
  it("a restricted paper's event reaches the secretariat and its readers only; the rest see a bare version step", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [reader, other] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [reader, other] });
    meetingIdUnderTest = m.id;
    const [ts, tr, to] = [await tablet(sec, m.id), await tablet(reader, m.id), await tablet(other, m.id)];
    const { result } = await uploadDocument(sec, m.id, { title: "Đề án mật", fileName: "de-an.pdf", bytes: pdf });
    const docId = result.document.id;
    await until(() => to.sync.version === ts.sync.version && ts.sync.version > 1);
    const restricted = await updateDocument(sec, docId, { restricted: true, allowedUserIds: [reader.id] });
    await updateDocument(sec, docId, { title: "Đề án mật (sửa)" });
    await until(() => [ts, tr, to].every((t) => t.sync.version === restricted.version + 1));
    const last = (t: Tablet) => t.received.slice(-2);
    expect(last(ts).map((e) => e.name)).toEqual(["documents.changed", "documents.changed"]);
    expect(last(tr).map((e) => e.name)).toEqual(["documents.changed", "documents.changed"]);
    // The other member was told the paper is gone once, then only that the meeting moved on.
    expect(last(to)).toEqual([
      { name: "documents.changed", payload: { meetingId: m.id, version: restricted.version, change: "updated", removedDocuments: [docId] } },
      { name: "meeting.version", payload: { meetingId: m.id, version: restricted.version + 1 } },
    ]);
    expect(JSON.stringify(to.received)).not.toContain("(sửa)");
    expect(JSON.stringify(tr.received)).not.toContain("allowedUserIds");
    expect(JSON.stringify(ts.received)).toContain("allowedUserIds");
    for (const t of [ts, tr, to]) expect(t.sync.snapshot).toEqual(await snapshotFor(t.actor));
  });

  it("a removed participant is told, leaves the rooms at once and gets nothing more", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [stays, leaves] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [stays, leaves] });
    meetingIdUnderTest = m.id;
    const refused: unknown[] = [];
    const [tl, tst] = [await tablet(leaves, m.id), await tablet(stays, m.id)];
    await until(() => tl.sync.version === m.version && tst.sync.version === m.version);
    const p = await db.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: m.id, userId: leaves.id } } });
    await removeParticipant(sec, p.id);
    await until(() => tl.received.length === 1);
    expect(tl.received[0]).toMatchObject({ name: "participants.changed", payload: { removedParticipants: [p.id] } });
    expect(tl.sync.snapshot.me).toBeNull();
    const before = tl.received.length;
    const { version } = await createAgendaItem(sec, m.id, { title: "Sau khi rời" });
    await until(() => tst.sync.version === version);
    await new Promise((r) => setTimeout(r, 100));
    expect(tl.received.length).toBe(before);
    // And a re-join is refused.
    const again = await new Promise<{ ok: boolean }>((r) => tl.socket.emit("meeting:join", { meetingId: m.id, version: 0 }, r));
    expect(again.ok).toBe(false);
    refused.push(again);
  });

  it("an event that is not what the contract says is not applied: the client takes the server's state instead", async () => {
    const sec = await makeUser("SECRETARIAT");
    const member = await makeUser();
    const m = await makeMeeting(sec, { members: [member] });
    meetingIdUnderTest = m.id;
    const t = await tablet(member, m.id);
    // The tablet is in the room once a real change reached it.
    const { result, version: created } = await createAgendaItem(sec, m.id, { title: "Khai mạc" });
    await until(() => t.sync.version === created);
    const titleOf = () => t.sync.snapshot.agenda.find((n) => n.id === result.id)?.title;
    const { documents: _docs, children: _kids, ...row } = t.sync.snapshot.agenda.find((n) => n.id === result.id)!;
    const version = t.sync.version;
    const head = { meetingId: m.id, version: version + 1, change: "updated" };
    const forged = [
      { ...head, items: [{ ...row, title: 42 }] },
      { ...head, items: [{ ...row, title: "Giả mạo", position: "1" }] },
      { ...head, items: [{ ...row, title: "Giả mạo", presenter: { id: "u" } }] },
      { ...head, items: [{ ...row, title: "Giả mạo", changedAtVersion: 1.5 }] },
      { ...head, items: { ...row, title: "Giả mạo" } },
      { ...head, change: "renamed", items: [{ ...row, title: "Giả mạo" }] },
      { ...head, version: String(version + 1), items: [{ ...row, title: "Giả mạo" }] },
      { ...head, meetingId: undefined, items: [{ ...row, title: "Giả mạo" }] },
      { ...head, participants: [{ id: "p" }] },
    ];
    for (const payload of forged) {
      const fetches = t.fetches;
      io.to(meetingRoom(m.id)).emit("agenda.changed", payload as never);
      await until(() => t.fetches > fetches, 10_000);
      expect(t.sync.version).toBe(version);
      expect(titleOf()).toBe("Khai mạc");
    }
    // The same event, well formed, is applied.
    io.to(meetingRoom(m.id)).emit("agenda.changed", { ...head, items: [{ ...row, title: "Đúng" }] } as never);
    await until(() => t.sync.version === version + 1);
    expect(titleOf()).toBe("Đúng");
  });

  it("the approver's comment reaches the secretariat and the approver, not the members", async () => {
    const sec = await makeUser("SECRETARIAT");
    const [approver, member] = [await makeUser(), await makeUser()];
    const m = await makeMeeting(sec, { members: [member], approver });
    meetingIdUnderTest = m.id;
    await db.meeting.update({ where: { id: m.id }, data: { reviewComment: "Bổ sung ý kiến Bộ Tư pháp" } });
    for (const a of [sec, approver, member]) {
      const s = await snapshotFor(a);
      expect(s.meeting.reviewComment).toBe(a === member ? null : "Bổ sung ý kiến Bộ Tư pháp");
    }
    const [ta, tm] = [await tablet(approver, m.id), await tablet(member, m.id)];
    const { version } = await updateMeeting(sec, m.id, { location: "Phòng họp 2" });
    await until(() => ta.sync.version === version && tm.sync.version === version);
    expect(JSON.stringify(tm.received)).not.toContain("Bộ Tư pháp");
    expect(JSON.stringify(ta.received)).toContain("Bộ Tư pháp");
    expect(tm.sync.snapshot.meeting.location).toBe("Phòng họp 2");
  });
});

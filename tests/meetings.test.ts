// Secretariat preparation through the real route handlers: lifecycle, participants, RSVP, approval, publish,
// notifications, and who may do what at every entry point.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import { getMeetingSnapshot, listMeetings } from "@/lib/meetings/queries";
import * as meetings from "@/app/api/v1/meetings/route";
import * as meeting from "@/app/api/v1/meetings/[meetingId]/route";
import * as duplicate from "@/app/api/v1/meetings/[meetingId]/duplicate/route";
import * as submit from "@/app/api/v1/meetings/[meetingId]/submit/route";
import * as review from "@/app/api/v1/meetings/[meetingId]/review/route";
import * as publish from "@/app/api/v1/meetings/[meetingId]/publish/route";
import * as cancel from "@/app/api/v1/meetings/[meetingId]/cancel/route";
import * as participants from "@/app/api/v1/meetings/[meetingId]/participants/route";
import * as participant from "@/app/api/v1/participants/[participantId]/route";
import * as rsvp from "@/app/api/v1/meetings/[meetingId]/rsvp/route";
import * as seen from "@/app/api/v1/meetings/[meetingId]/seen/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as notificationsRead from "@/app/api/v1/notifications/read/route";
import * as users from "@/app/api/v1/users/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const json = (r: Response) => r.json() as Promise<any>;
const call = async (handler: (req: Request, ctx: any) => Promise<Response>, who: Actor | null, method: string, body: unknown, p: Record<string, string> = {}) =>
  handler(await apiRequest(who, method, "/api/v1/x", body), params(p));

let sec: Actor, chair: Actor, m1: Actor, m2: Actor, outsider: Actor;
beforeAll(async () => {
  sec = await makeUser("SECRETARIAT", "Thư ký");
  chair = await makeUser("MEMBER", "Chủ tọa");
  m1 = await makeUser("MEMBER", "Thành viên");
  m2 = await makeUser("MEMBER", "Thành viên");
  outsider = await makeUser("MEMBER", "Người ngoài");
});

const tomorrow = () => ({ startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() });

async function draftWithAgenda() {
  const res = await call(meetings.POST, sec, "POST", { title: "Phiên họp chuyên đề", kind: "THEMATIC", location: "Hà Nội", chairId: chair.id, ...tomorrow() });
  expect(res.status).toBe(201);
  const { meeting: m } = await json(res);
  for (const u of [m1, m2]) expect((await call(participants.POST, sec, "POST", { userId: u.id, role: "MEMBER", mayVote: true }, { meetingId: m.id })).status).toBe(201);
  await createAgendaItem(sec, m.id, { title: "Nội dung chính" });
  return m.id as string;
}

describe("the preparation journey", () => {
  it("draft → submit → approve (chair) → publish: members see it only once published, and are notified", async () => {
    const id = await draftWithAgenda();
    expect((await listMeetings(m1)).some((m) => m.id === id)).toBe(false);
    expect((await call(submit.POST, sec, "POST", {}, { meetingId: id })).status).toBe(200);
    // The chair (reviewer by default) now sees it and is notified; members still do not.
    expect((await listMeetings(chair)).some((m) => m.id === id)).toBe(true);
    expect((await json(await call(notifications.GET, chair, "GET", undefined))).items[0]).toMatchObject({ kind: "MEETING_SUBMITTED", meetingId: id });
    expect((await call(meeting.GET, m1, "GET", undefined, { meetingId: id })).status).toBe(404);
    // Only an approved meeting can be published.
    expect((await call(publish.POST, sec, "POST", {}, { meetingId: id })).status).toBe(403);
    expect((await call(review.POST, m1, "POST", { decision: "APPROVE" }, { meetingId: id })).status).toBe(404);
    expect((await call(review.POST, chair, "POST", { decision: "APPROVE" }, { meetingId: id })).status).toBe(200);
    expect((await json(await call(notifications.GET, sec, "GET", undefined))).items[0]).toMatchObject({ kind: "MEETING_APPROVED" });
    expect((await call(publish.POST, sec, "POST", {}, { meetingId: id })).status).toBe(200);

    const inbox = await json(await call(notifications.GET, m1, "GET", undefined));
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ kind: "MEETING_PUBLISHED", meetingId: id });
    expect((await call(meeting.GET, m1, "GET", undefined, { meetingId: id })).status).toBe(200);
    expect((await db.participant.findFirstOrThrow({ where: { meetingId: id, userId: m1.id } })).invitedAt).not.toBeNull();
    const read = await call(notificationsRead.POST, m1, "POST", {});
    expect((await json(read)).marked).toBe(inbox.unread);
    expect((await json(await call(notifications.GET, m1, "GET", undefined))).unread).toBe(0);
  });

  it("the approver can return the meeting with comments (required), and edits after approval withdraw it", async () => {
    const id = await draftWithAgenda();
    await call(submit.POST, sec, "POST", { approverId: m2.id }, { meetingId: id });
    // Not the named approver: the chair does not even see a submitted meeting.
    expect((await call(review.POST, chair, "POST", { decision: "APPROVE" }, { meetingId: id })).status).toBe(404);
    const noComment = await call(review.POST, m2, "POST", { decision: "RETURN" }, { meetingId: id });
    expect(noComment.status).toBe(422);
    expect((await json(noComment)).error.fields.comment).toBeDefined();
    expect((await call(review.POST, m2, "POST", { decision: "RETURN", comment: "Bổ sung tờ trình" }, { meetingId: id })).status).toBe(200);
    const back = await db.meeting.findUniqueOrThrow({ where: { id } });
    expect(back).toMatchObject({ status: "DRAFT", reviewComment: "Bổ sung tờ trình" });
    expect((await json(await call(notifications.GET, sec, "GET", undefined))).items[0]).toMatchObject({ kind: "MEETING_RETURNED", data: { comment: "Bổ sung tờ trình" } });

    await call(submit.POST, sec, "POST", {}, { meetingId: id });
    await call(review.POST, m2, "POST", { decision: "APPROVE" }, { meetingId: id });
    await createAgendaItem(sec, id, { title: "Thêm sau khi duyệt" });
    expect((await db.meeting.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("refuses submitting an empty agenda, and bad meeting input, with 422 and nothing written", async () => {
    const before = await db.meeting.count();
    const bad = await call(meetings.POST, sec, "POST", { title: "", kind: "WEEKLY", startsAt: "tomorrow", endsAt: "2020-01-01" });
    expect(bad.status).toBe(422);
    expect(Object.keys((await json(bad)).error.fields)).toEqual(expect.arrayContaining(["title", "kind", "startsAt"]));
    const backwards = await call(meetings.POST, sec, "POST", { title: "x", kind: "REGULAR", startsAt: "2027-01-02T08:00:00Z", endsAt: "2027-01-01T08:00:00Z" });
    expect((await json(backwards)).error.fields.endsAt).toBeDefined();
    expect(await db.meeting.count()).toBe(before);
    const { meeting: empty } = await json(await call(meetings.POST, sec, "POST", { title: "Trống", kind: "REGULAR", chairId: chair.id, ...tomorrow() }));
    const res = await call(submit.POST, sec, "POST", {}, { meetingId: empty.id });
    expect(res.status).toBe(422);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: empty.id } })).status).toBe("DRAFT");
  });

  it("edits meeting details with a base version; a stale one is 409 with the fresh state", async () => {
    const id = await draftWithAgenda();
    const v = (await db.meeting.findUniqueOrThrow({ where: { id } })).version;
    expect((await call(meeting.PATCH, sec, "PATCH", { location: "Phòng họp 3", baseVersion: v }, { meetingId: id })).status).toBe(200);
    const stale = await call(meeting.PATCH, sec, "PATCH", { location: "Phòng họp 4", baseVersion: v }, { meetingId: id });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error.details.meeting.meeting.location).toBe("Phòng họp 3");
  });

  it("duplicates agenda structure and participants into a new draft, without papers or answers", async () => {
    const id = await draftWithAgenda();
    const parent = (await db.agendaItem.findFirstOrThrow({ where: { meetingId: id } })).id;
    await createAgendaItem(sec, id, { title: "Mục con", parentId: parent, plannedMinutes: 10 });
    const res = await call(duplicate.POST, sec, "POST", { title: "Bản sao", ...tomorrow() }, { meetingId: id });
    expect(res.status).toBe(201);
    const copy = (await json(res)).meeting;
    const snap = await getMeetingSnapshot(sec, copy.id);
    expect(snap.meeting).toMatchObject({ title: "Bản sao", status: "DRAFT" });
    expect(snap.agenda.map((n) => [n.title, n.children.map((c) => c.title)])).toEqual([["Nội dung chính", ["Mục con"]]]);
    expect(snap.participants.map((p) => p.user.id).sort()).toEqual([chair.id, m1.id, m2.id].sort());
    expect(snap.participants.every((p) => p.rsvp === "PENDING")).toBe(true);
  });

  it("cancelling a published meeting notifies its participants", async () => {
    const m = await makeMeeting(sec, { members: [m1] });
    expect((await call(cancel.POST, sec, "POST", { reason: "Hoãn" }, { meetingId: m.id })).status).toBe(200);
    expect((await json(await call(notifications.GET, m1, "GET", undefined))).items[0]).toMatchObject({ kind: "MEETING_CANCELLED", meetingId: m.id });
  });
});

describe("participants and invitations", () => {
  it("members answer: attend, absent with a reason, or delegate to a named deputy; the secretariat sees it", async () => {
    const m = await makeMeeting(sec, { members: [m1, m2] });
    const absentNoReason = await call(rsvp.POST, m1, "POST", { answer: "ABSENT" }, { meetingId: m.id });
    expect(absentNoReason.status).toBe(422);
    expect((await json(absentNoReason)).error.fields.reason).toBeDefined();
    expect((await call(rsvp.POST, m1, "POST", { answer: "ABSENT", reason: "Đi công tác" }, { meetingId: m.id })).status).toBe(200);
    expect((await call(rsvp.POST, m2, "POST", { answer: "DELEGATE" }, { meetingId: m.id })).status).toBe(422);
    expect((await call(rsvp.POST, m2, "POST", { answer: "DELEGATE", deputyName: "Thứ trưởng Nguyễn Văn B" }, { meetingId: m.id })).status).toBe(200);
    expect((await call(rsvp.POST, outsider, "POST", { answer: "ATTEND" }, { meetingId: m.id })).status).toBe(404);
    const snap = await getMeetingSnapshot(sec, m.id);
    const byUser = Object.fromEntries(snap.participants.map((p) => [p.user.id, p]));
    expect(byUser[m1.id]).toMatchObject({ rsvp: "ABSENT", rsvpReason: "Đi công tác" });
    expect(byUser[m2.id]).toMatchObject({ rsvp: "DELEGATE", deputyName: "Thứ trưởng Nguyễn Văn B" });
    expect(await db.meetingEvent.count({ where: { meetingId: m.id, name: "participants.changed" } })).toBe(2);
  });

  it("adding twice is 422; observers never vote; removing a participant takes their access away", async () => {
    const m = await makeMeeting(sec, { members: [m1] });
    expect((await call(participants.POST, sec, "POST", { userId: m1.id }, { meetingId: m.id })).status).toBe(422);
    const added = await json(await call(participants.POST, sec, "POST", { userId: m2.id, role: "OBSERVER", mayVote: true }, { meetingId: m.id }));
    expect(added.participant).toMatchObject({ role: "OBSERVER", mayVote: false });
    expect((await json(await call(notifications.GET, m2, "GET", undefined))).items[0]).toMatchObject({ kind: "MEETING_INVITED" });
    const promote = await call(participant.PATCH, sec, "PATCH", { role: "MEMBER", mayVote: true }, { participantId: added.participant.id });
    expect((await json(promote)).participant).toMatchObject({ role: "MEMBER", mayVote: true });
    expect((await call(meeting.GET, m2, "GET", undefined, { meetingId: m.id })).status).toBe(200);
    expect((await call(participant.DELETE, sec, "DELETE", {}, { participantId: added.participant.id })).status).toBe(200);
    expect((await call(meeting.GET, m2, "GET", undefined, { meetingId: m.id })).status).toBe(404);
  });

  it("records the version a participant has seen, never beyond the current one", async () => {
    const m = await makeMeeting(sec, { members: [m1] });
    const res = await call(seen.POST, m1, "POST", { version: 99999 }, { meetingId: m.id });
    expect((await json(res)).lastSeenVersion).toBe(m.version);
    expect((await call(seen.POST, outsider, "POST", { version: 1 }, { meetingId: m.id })).status).toBe(404);
  });
});

describe("authorization per entry point", () => {
  it("anonymous 401, member 403 on their own meeting, outsider 404", async () => {
    const m = await makeMeeting(sec, { members: [m1] });
    const p = await db.participant.findFirstOrThrow({ where: { meetingId: m.id, userId: m1.id } });
    // An outsider gets 404 everywhere, duplicate included: a meeting they may not see does not exist for them.
    const entries: [string, (who: Actor | null) => Promise<Response>][] = [
      ["PATCH meeting", (w) => call(meeting.PATCH, w, "PATCH", { location: "x" }, { meetingId: m.id })],
      ["duplicate", (w) => call(duplicate.POST, w, "POST", tomorrow(), { meetingId: m.id })],
      ["submit", (w) => call(submit.POST, w, "POST", {}, { meetingId: m.id })],
      ["publish", (w) => call(publish.POST, w, "POST", {}, { meetingId: m.id })],
      ["cancel", (w) => call(cancel.POST, w, "POST", {}, { meetingId: m.id })],
      ["add participant", (w) => call(participants.POST, w, "POST", { userId: outsider.id }, { meetingId: m.id })],
      ["update participant", (w) => call(participant.PATCH, w, "PATCH", { mayVote: false }, { participantId: p.id })],
      ["remove participant", (w) => call(participant.DELETE, w, "DELETE", {}, { participantId: p.id })],
    ];
    for (const [name, run] of entries) {
      expect((await run(null)).status, `${name} anonymous`).toBe(401);
      expect((await run(m1)).status, `${name} member`).toBe(403);
      expect((await run(outsider)).status, `${name} outsider`).toBe(404);
    }
    expect((await call(meetings.POST, m1, "POST", { title: "x", kind: "REGULAR", ...tomorrow() })).status).toBe(403);
    expect((await call(users.GET, m1, "GET", undefined)).status).toBe(403);
    expect((await call(users.GET, sec, "GET", undefined)).status).toBe(200);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("PUBLISHED");
  });
});

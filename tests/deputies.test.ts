// The deputy a member sends: the secretariat names the deputy's account (PUT /participants/{id}/deputy), the deputy
// is told (a notification and their own devices), a deputy no longer named loses the meeting; localized refusals.
// Checked in for the member's seat, the deputy may ask to speak in the member's place.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { listNotifications } from "@/lib/notifications/queries";
import * as deputyRoute from "@/app/api/v1/participants/[participantId]/deputy/route";
import * as rsvp from "@/app/api/v1/meetings/[meetingId]/rsvp/route";
import * as speakRoute from "@/app/api/v1/meetings/[meetingId]/speakers/route";
import { checkIn, checkInAsDeputy, runMeeting } from "@/lib/live/commands";
import { createAgendaItem } from "@/lib/agenda/commands";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

let sec: Actor, member: Actor, other: Actor, deputy: Actor, second: Actor, meetingId: string, seatId: string;
beforeEach(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser("MEMBER", "Bộ trưởng");
  other = await makeUser("MEMBER");
  deputy = await makeUser("MEMBER", "Thứ trưởng");
  second = await makeUser("MEMBER", "Thứ trưởng thứ hai");
  meetingId = (await makeMeeting(sec, { members: [member, other] })).id;
  seatId = (await db.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId, userId: member.id } } })).id;
});

const answer = async (who: Actor, body: object) => rsvp.POST(await apiRequest(who, "POST", "/x", body), params({ meetingId }));
/** As `who`, in their stored language (a signed-in user's language is theirs, on every device). */
const name = async (who: Actor, deputyUserId: string | null, locale = "vi") => {
  await db.user.update({ where: { id: who.id }, data: { locale } });
  return deputyRoute.PUT(await apiRequest(who, "PUT", "/x", { deputyUserId }), params({ participantId: seatId }));
};
const sendsDeputyByName = () => answer(member, { answer: "DELEGATE", deputyName: "Thứ trưởng (chưa rõ tài khoản)", reason: "Công tác" });

describe("the secretariat names the deputy's account", () => {
  it("names it on an answer that sends a deputy: the deputy sees the meeting, is notified with the member's name, the room hears it, it is audited", async () => {
    expect((await sendsDeputyByName()).status).toBe(200);
    await expect(getMeetingSnapshot(deputy, meetingId)).rejects.toMatchObject({ status: 404 });
    const before = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
    const res = await name(sec, deputy.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.participant).toMatchObject({ id: seatId, deputyUserId: deputy.id, deputyName: deputy.name, rsvp: "DELEGATE" });
    expect(body.version).toBe(before + 1);
    // The deputy now sees the meeting (as every participant does) and may check in for the seat.
    const seen = await getMeetingSnapshot(deputy, meetingId);
    expect(seen.me).toBeNull();
    expect(seen.permissions).toMatchObject({ checkInDeputy: true, nameDeputy: false, rsvp: false });
    // Notified: the meeting, the member they attend for.
    const { items, unread } = await listNotifications(deputy);
    expect(unread).toBe(1);
    expect(items[0]).toMatchObject({ kind: "DEPUTY_NAMED", meetingId, data: { memberId: member.id, memberName: member.name } });
    // The room's event carries the changed seat; the audit trail says who named whom.
    const event = await db.meetingEvent.findFirstOrThrow({ where: { meetingId, version: before + 1 } });
    expect(event.name).toBe("participants.changed");
    expect(JSON.stringify(event.payload)).toContain(deputy.id);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "participant.deputy", subjectId: seatId } });
    expect(audit).toMatchObject({ actorId: sec.id, meetingId, data: { userId: member.id, deputyUserId: deputy.id, formerDeputyUserId: null } });
    // The secretariat's snapshot offers it; a member's does not.
    expect((await getMeetingSnapshot(sec, meetingId)).permissions.nameDeputy).toBe(true);
    expect((await getMeetingSnapshot(other, meetingId)).permissions.nameDeputy).toBe(false);
  });

  it("another account replaces the first: the first loses the meeting and leaves the seat it had checked in for; null keeps the name only", async () => {
    await sendsDeputyByName();
    await name(sec, deputy.id);
    // The first deputy checks in for the seat (as their tablet does).
    await db.participant.update({ where: { id: seatId }, data: { checkedInAt: new Date(), checkedInDeputy: true, checkedInById: deputy.id } });
    expect((await name(sec, second.id)).status).toBe(200);
    await expect(getMeetingSnapshot(deputy, meetingId)).rejects.toMatchObject({ status: 404 });
    expect((await getMeetingSnapshot(second, meetingId)).permissions.checkInDeputy).toBe(true);
    expect(await db.participant.findUniqueOrThrow({ where: { id: seatId } })).toMatchObject({ deputyUserId: second.id, checkedInAt: null, checkedInDeputy: false });
    expect((await listNotifications(second)).items[0]).toMatchObject({ kind: "DEPUTY_NAMED" });
    // No account any more: the name the seat shows stays, the second deputy loses the meeting.
    expect((await name(sec, null)).status).toBe(200);
    expect(await db.participant.findUniqueOrThrow({ where: { id: seatId } })).toMatchObject({ deputyUserId: null, deputyName: second.name });
    await expect(getMeetingSnapshot(second, meetingId)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses with a message in the reader's language: no deputy sent, the member themself, the same account, an unknown account", async () => {
    expect((await answer(member, { answer: "ATTEND" })).status).toBe(200);
    let res = await name(sec, deputy.id);
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.deputyUserId).toEqual(["Thành viên này không cử người dự thay."]);
    res = await name(sec, deputy.id, "en");
    expect((await res.json()).error.fields.deputyUserId).toEqual(["This member's answer does not send a deputy."]);
    await sendsDeputyByName();
    res = await name(sec, member.id, "en");
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.deputyUserId).toEqual(["A member cannot be their own deputy."]);
    expect((await name(sec, "c" + "x".repeat(24))).status).toBe(422);
    expect((await name(sec, deputy.id)).status).toBe(200);
    res = await name(sec, deputy.id, "en");
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toBe("This deputy is already named.");
  });

  it("only the secretariat: a member (even the one represented) is refused, the deputy too", async () => {
    await sendsDeputyByName();
    expect((await name(member, deputy.id)).status).toBe(403);
    expect((await name(other, deputy.id)).status).toBe(403);
    await name(sec, deputy.id);
    expect((await name(deputy, second.id)).status).toBe(403);
  });
});

describe("the member names the deputy's account in their own answer", () => {
  it("notifies the deputy once per naming, not on an unchanged answer", async () => {
    expect((await answer(member, { answer: "DELEGATE", deputyUserId: deputy.id })).status).toBe(200);
    expect((await answer(member, { answer: "DELEGATE", deputyUserId: deputy.id, reason: "Họp Quốc hội" })).status).toBe(200);
    const { items } = await listNotifications(deputy);
    expect(items.map((n) => n.kind)).toEqual(["DEPUTY_NAMED"]);
    expect(items[0].data).toMatchObject({ memberName: member.name });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "participant.answer", subjectId: seatId }, orderBy: { seq: "asc" } });
    expect(audit.data).toMatchObject({ answer: "DELEGATE", deputyUserId: deputy.id });
  });
});

describe("a deputy checked in for the member asks to speak in the member's place", () => {
  let chair: Actor;
  beforeEach(async () => {
    chair = await makeUser("MEMBER", "Thủ tướng");
    meetingId = (await makeMeeting(sec, { members: [member, other], chair })).id;
    seatId = (await db.participant.findUniqueOrThrow({ where: { meetingId_userId: { meetingId, userId: member.id } } })).id;
    expect((await answer(member, { answer: "DELEGATE", deputyUserId: deputy.id, reason: "Công tác" })).status).toBe(200);
    await createAgendaItem(sec, meetingId, { title: "Dự án Luật" });
    await runMeeting(chair, meetingId, { command: "start" });
  });
  /** As `who`, in their stored language, through the route a tablet calls. */
  const ask = async (who: Actor, locale = "vi") => {
    await db.user.update({ where: { id: who.id }, data: { locale } });
    return speakRoute.POST(await apiRequest(who, "POST", "/x", { kind: "SPEAK" }), params({ meetingId }));
  };

  it("not yet checked in: refused (403) and told why in their language; checked in: queued, the row naming the member", async () => {
    let res = await ask(deputy);
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("Đồng chí cần điểm danh dự họp thay thành viên trước khi đăng ký phát biểu.");
    res = await ask(deputy, "en");
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("Check in as the member's deputy before asking to speak.");
    expect((await getMeetingSnapshot(deputy, meetingId)).permissions.speak).toBe(false);
    expect(await db.speakerRequest.count({ where: { meetingId } })).toBe(0);

    await checkInAsDeputy(deputy, meetingId, { participantId: seatId, present: true });
    // Their tablet now offers the button.
    expect((await getMeetingSnapshot(deputy, meetingId)).permissions.speak).toBe(true);
    const before = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
    res = await ask(deputy);
    expect(res.status).toBe(200);
    const { id } = await res.json();
    // The record keeps who spoke (the deputy) and for whom (the member).
    expect(await db.speakerRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: deputy.id, onBehalfOfId: member.id, status: "WAITING" });
    const row = (await getMeetingSnapshot(chair, meetingId)).speakers.find((s) => s.id === id);
    expect(row).toMatchObject({ user: { id: deputy.id, name: deputy.name }, onBehalfOf: { id: member.id, name: member.name } });
    // Every tablet hears it with the same row; the audit trail names the member.
    const event = await db.meetingEvent.findFirstOrThrow({ where: { meetingId, version: before + 1 } });
    expect(event.name).toBe("speakers.changed");
    expect(JSON.stringify(event.payload)).toContain(`"onBehalfOf":{"id":"${member.id}","name":"${member.name}"}`);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "speaker.requested", subjectId: id } });
    expect(audit).toMatchObject({ actorId: deputy.id, data: { kind: "SPEAK", onBehalfOf: member.id } });
    // A double tap changes nothing.
    expect((await (await ask(deputy)).json()).id).toBe(id);
    expect(await db.speakerRequest.count({ where: { meetingId } })).toBe(1);

    // A member speaking for themself: no one on whose behalf.
    res = await ask(other);
    expect(res.status).toBe(200);
    const own = (await getMeetingSnapshot(chair, meetingId)).speakers.find((s) => s.id !== id)!;
    expect(own).toMatchObject({ user: { id: other.id }, onBehalfOf: null });
  });

  it("someone not named is refused as before; when the member arrives in person the deputy no longer may ask", async () => {
    expect((await ask(second)).status).toBe(404);
    await checkInAsDeputy(deputy, meetingId, { participantId: seatId, present: true });
    expect((await ask(deputy)).status).toBe(200);
    // The member arrives: the seat is theirs again.
    await checkIn(member, meetingId, true);
    expect((await getMeetingSnapshot(deputy, meetingId)).permissions.speak).toBe(false);
    const res = await ask(deputy, "en");
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("Check in as the member's deputy before asking to speak.");
    // The request already made stays on the record, naming the member.
    expect(await db.speakerRequest.findFirstOrThrow({ where: { meetingId, userId: deputy.id } })).toMatchObject({ onBehalfOfId: member.id });
  });
});

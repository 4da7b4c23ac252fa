// Opening a meeting reads its notifications: only that meeting's, only the reader's own.
import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { notify } from "@/lib/notifications/commands";
import * as read from "@/app/api/v1/notifications/read/route";
import * as list from "@/app/api/v1/notifications/route";
import * as meetings from "@/app/api/v1/meetings/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const json = (r: Response) => r.json() as Promise<any>;
let sec: Actor, member: Actor, other: Actor, a: string, b: string;
beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser("MEMBER");
  other = await makeUser("MEMBER");
  a = (await makeMeeting(sec, { members: [member, other] })).id;
  b = (await makeMeeting(sec, { members: [member] })).id;
  await db.$transaction(async (tx) => {
    await notify(tx, [member.id, other.id], { kind: "MEETING_PUBLISHED", meetingId: a, subject: "A" });
    await notify(tx, [member.id], { kind: "MEETING_PUBLISHED", meetingId: b, subject: "B" });
  });
});

it("POST /notifications/read { meetingId } reads that meeting's notifications for the caller only", async () => {
  const unread = async (who: Actor) => (await json(await list.GET(await apiRequest(who, "GET", "/x"), params({})))).unread;
  expect(await unread(member)).toBe(2);
  const res = await read.POST(await apiRequest(member, "POST", "/x", { meetingId: a }), params({}));
  expect(await json(res)).toEqual({ marked: 1 });
  expect(await unread(member)).toBe(1);
  expect(await unread(other)).toBe(1);
  const left = await db.notification.findMany({ where: { userId: member.id, readAt: null } });
  expect(left.map((n) => n.meetingId)).toEqual([b]);
});

it("my meetings: upcoming first, soonest first, then past ones", async () => {
  const soon = await makeMeeting(sec, { members: [other] });
  const later = await makeMeeting(sec, { members: [other] });
  const past = await makeMeeting(sec, { members: [other] });
  const day = 86_400_000;
  await db.meeting.update({ where: { id: later.id }, data: { startsAt: new Date(Date.now() + 30 * day), endsAt: new Date(Date.now() + 30 * day + 3_600_000) } });
  await db.meeting.update({ where: { id: past.id }, data: { startsAt: new Date(Date.now() - 30 * day), endsAt: new Date(Date.now() - 30 * day + 3_600_000) } });
  const ids: string[] = (await json(await meetings.GET(await apiRequest(other, "GET", "/x"), params({})))).meetings.map((m: { id: string }) => m.id);
  expect(ids.filter((id) => [soon.id, later.id, past.id].includes(id))).toEqual([soon.id, later.id, past.id]);
});

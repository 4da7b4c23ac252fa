// Who the pickers offer and who the server accepts on a meeting: active non-admin people, in Vietnamese name order.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import * as users from "@/app/api/v1/users/route";
import * as meetings from "@/app/api/v1/meetings/route";
import * as meeting from "@/app/api/v1/meetings/[meetingId]/route";
import * as participants from "@/app/api/v1/meetings/[meetingId]/participants/route";
import * as items from "@/app/api/v1/meetings/[meetingId]/agenda-items/route";
import * as submit from "@/app/api/v1/meetings/[meetingId]/submit/route";
import * as rsvp from "@/app/api/v1/meetings/[meetingId]/rsvp/route";
import { byName } from "@/lib/users/queries";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const json = (r: Response) => r.json() as Promise<any>;
let sec: Actor, admin: Actor, inactive: Actor, member: Actor, meetingId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  admin = await makeUser("ADMIN", "Quản trị");
  inactive = await makeUser("MEMBER", "Nghỉ hưu");
  await db.user.update({ where: { id: inactive.id }, data: { active: false } });
  member = await makeUser("MEMBER");
  meetingId = (await makeMeeting(sec, { status: "DRAFT" })).id;
});

describe("the people pickers", () => {
  it("offer neither the administrator nor inactive users, sorted as Vietnamese (Đ after D, before E)", async () => {
    const names = ["Đặng Văn Lâm", "Dương Thị Hoa", "Ế Văn Z", "Ánh Nguyệt", "Zung"];
    for (const name of names) await db.user.create({ data: { email: `${name.replace(/\W/g, "")}-${Date.now()}@t.vn`, name, passwordHash: "x" } });
    const list: { id: string; name: string }[] = (await json(await users.GET(await apiRequest(sec, "GET", "/x"), params({})))).users;
    const ids = list.map((u) => u.id);
    expect(ids).not.toContain(admin.id);
    expect(ids).not.toContain(inactive.id);
    expect(ids).toContain(member.id);
    const ours = list.map((u) => u.name).filter((n) => names.includes(n));
    expect(ours).toEqual(["Ánh Nguyệt", "Dương Thị Hoa", "Đặng Văn Lâm", "Ế Văn Z", "Zung"]);
    const all = list.map((u) => u.name);
    // Everyone else in the same order (numbers in names compared as numbers: "Tổ 2" before "Tổ 10").
    expect(all).toEqual([...all].sort(byName.compare));
  });
});

describe("the server refuses the same people the pickers leave out (422 naming the field, nothing written)", () => {
  const times = { startsAt: "2027-03-01T01:00:00Z", endsAt: "2027-03-01T04:00:00Z" };
  it.each([
    ["as chair of a new meeting", "chairId", async (who: Actor) => meetings.POST(await apiRequest(sec, "POST", "/x", { title: "Họp", kind: "REGULAR", ...times, chairId: who.id }), params({}))],
    ["as approver", "approverId", async (who: Actor) => meeting.PATCH(await apiRequest(sec, "PATCH", "/x", { approverId: who.id }), params({ meetingId }))],
    ["as participant", "userId", async (who: Actor) => participants.POST(await apiRequest(sec, "POST", "/x", { userId: who.id }), params({ meetingId }))],
    ["as presenter", "presenterId", async (who: Actor) => items.POST(await apiRequest(sec, "POST", "/x", { title: "Nội dung", presenterId: who.id }), params({ meetingId }))],
  ])("%s", async (_what, field, call) => {
    const before = (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version;
    for (const who of [admin, inactive]) {
      const res = await call(who);
      expect(res.status).toBe(422);
      expect((await json(res)).error.fields[field]).toEqual(["Người này không phải người dùng có thể tham dự cuộc họp."]);
    }
    expect((await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version).toBe(before);
    expect(await db.participant.count({ where: { meetingId, userId: { in: [admin.id, inactive.id] } } })).toBe(0);
  });

  it("as approver on submit, and as a member's deputy", async () => {
    expect((await items.POST(await apiRequest(sec, "POST", "/x", { title: "Khai mạc" }), params({ meetingId }))).status).toBe(201);
    const sub = await submit.POST(await apiRequest(sec, "POST", "/x", { approverId: admin.id }), params({ meetingId }));
    expect(sub.status).toBe(422);
    const published = (await makeMeeting(sec, { members: [member] })).id;
    const res = await rsvp.POST(await apiRequest(member, "POST", "/x", { answer: "DELEGATE", deputyUserId: admin.id }), params({ meetingId: published }));
    expect(res.status).toBe(422);
    expect((await json(res)).error.fields.deputyUserId).toBeDefined();
  });
});

// A member's invitation after a reload: their stored answer comes back in full, and sending it again works.
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/policy";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import * as rsvp from "@/app/api/v1/meetings/[meetingId]/rsvp/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

let sec: Actor, member: Actor, meetingId: string;
beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser("MEMBER");
  meetingId = (await makeMeeting(sec, { members: [member] })).id;
});

const send = async (body: object) => rsvp.POST(await apiRequest(member, "POST", "/x", body), params({ meetingId }));

it("an unanswered invitation has no answer; a stored absence comes back with its reason and can be sent again", async () => {
  expect((await getMeetingSnapshot(member, meetingId)).me).toMatchObject({ rsvp: "PENDING", rsvpReason: null, deputyName: null });
  expect((await send({ answer: "ABSENT", reason: "Đi công tác nước ngoài" })).status).toBe(200);
  const me = (await getMeetingSnapshot(member, meetingId)).me!;
  expect(me).toMatchObject({ rsvp: "ABSENT", rsvpReason: "Đi công tác nước ngoài", deputyName: null });
  // What the form re-sends after a reload: the stored answer as it came back.
  expect((await send({ answer: me.rsvp, reason: me.rsvpReason })).status).toBe(200);
  expect((await send({ answer: "DELEGATE", deputyName: "Thứ trưởng Nguyễn Văn Bình", reason: "Họp Quốc hội" })).status).toBe(200);
  expect((await getMeetingSnapshot(member, meetingId)).me).toMatchObject({ rsvp: "DELEGATE", rsvpReason: "Họp Quốc hội", deputyName: "Thứ trưởng Nguyễn Văn Bình" });
});

// Preparation guardrails: an empty agenda is not submitted; a submitted meeting offers no second submit.
import { beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/policy";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import * as items from "@/app/api/v1/meetings/[meetingId]/agenda-items/route";
import * as submit from "@/app/api/v1/meetings/[meetingId]/submit/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const json = (r: Response) => r.json() as Promise<any>;
let sec: Actor, chair: Actor, meetingId: string;
beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  chair = await makeUser("MEMBER");
  meetingId = (await makeMeeting(sec, { status: "DRAFT", chair })).id;
});

it("an empty agenda is refused with a reason; once submitted, the meeting cannot be submitted again and says so", async () => {
  const send = async () => submit.POST(await apiRequest(sec, "POST", "/x", {}), params({ meetingId }));
  const empty = await send();
  expect(empty.status).toBe(422);
  expect((await json(empty)).error.fields.agenda).toEqual(["Hãy thêm ít nhất một nội dung vào chương trình trước khi trình duyệt."]);
  expect((await items.POST(await apiRequest(sec, "POST", "/x", { title: "Khai mạc" }), params({ meetingId }))).status).toBe(201);
  expect((await send()).status).toBe(200);
  expect((await getMeetingSnapshot(sec, meetingId)).permissions.submit).toBe(false);
  expect((await send()).status).toBe(403);
});

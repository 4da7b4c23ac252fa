// The approver's comment is between the secretariat and the reviewer: after publishing, members get the meeting but
// not the comment (snapshot API, page payload: the same read), nor do live events or the reconnect catch-up carry it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import { publishMeeting, reviewMeeting, submitMeeting } from "@/lib/meetings/commands";
import { db } from "@/lib/db";
import * as meetingRoute from "@/app/api/v1/meetings/[meetingId]/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const COMMENT = "Ghi chú nội bộ: cân nhắc lại kinh phí mục 2";
let sec: Actor, approver: Actor, member: Actor, meetingId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  approver = await makeUser();
  member = await makeUser();
  meetingId = (await makeMeeting(sec, { status: "DRAFT", members: [member], approver })).id;
  await createAgendaItem(sec, meetingId, { title: "Khai mạc" });
  await submitMeeting(sec, meetingId, { approverId: approver.id });
  await reviewMeeting(approver, meetingId, { decision: "APPROVE", comment: COMMENT });
  await publishMeeting(sec, meetingId, {});
});

const snapshotAs = async (who: Actor) => {
  const res = await meetingRoute.GET(await apiRequest(who, "GET", `/api/v1/meetings/${meetingId}`), params({ meetingId }));
  expect(res.status).toBe(200);
  return res.text();
};

describe("the review comment", () => {
  it("reaches the secretariat and the approver, not a member", async () => {
    expect(await snapshotAs(sec)).toContain(COMMENT);
    expect(await snapshotAs(approver)).toContain(COMMENT);
    const asMember = await snapshotAs(member);
    expect(asMember).not.toContain(COMMENT);
    expect(JSON.parse(asMember).meeting.reviewComment).toBeNull();
  });

  it("is in no stored event a member's catch-up would replay as the room's cut", async () => {
    const { viewDelta } = await import("@/lib/meetings/delta");
    const events = await db.meetingEvent.findMany({ where: { meetingId } });
    // Stored in full (the secretariat's catch-up needs it): the cut below is what keeps it from members.
    expect(events.some((e) => JSON.stringify(e.payload).includes(COMMENT))).toBe(true);
    for (const e of events) {
      const { change: _change, ...full } = e.payload as Record<string, unknown>;
      expect(JSON.stringify(viewDelta(full as never, { id: member.id, role: "MEMBER" }))).not.toContain(COMMENT);
    }
  });
});

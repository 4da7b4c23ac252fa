import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { can, authorize, meetingScope, type Actor, type MeetingResource } from "./index";
import { AppError } from "../errors";
import { db } from "../db";
import { makeMeeting, makeUser } from "../../tests/fixtures";

const actor = (role: Actor["role"], id = "u1"): Actor => ({ id, role, name: "x", email: "x@x", locale: "vi" });
const meeting = (over: Partial<MeetingResource> = {}): MeetingResource => ({
  id: "m1", status: "PUBLISHED", chairId: null, approverId: null, publishedAt: new Date(), participant: null, ...over,
});

describe("policy decisions", () => {
  it("refuses a member of meeting A access to meeting B (404, not 403: existence is not disclosed)", () => {
    const member = actor("MEMBER");
    const a = meeting({ id: "A", participant: { role: "MEMBER", mayVote: true } });
    const b = meeting({ id: "B", participant: null });
    expect(can(member, "meeting.view", a)).toBe(true);
    expect(can(member, "meeting.view", b)).toBe(false);
    expect(() => authorize(member, "meeting.view", b)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("refuses a MEMBER (even the chair) editing the agenda with 403", () => {
    for (const role of ["MEMBER", "CHAIR"] as const) {
      const m = meeting({ participant: { role, mayVote: true } });
      expect(can(actor("MEMBER"), "meeting.edit", m)).toBe(false);
      const err = (() => { try { authorize(actor("MEMBER"), "meeting.edit", m); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
    }
  });

  it("lets the secretariat edit a meeting until it is closed or cancelled", () => {
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "DRAFT", publishedAt: null }))).toBe(true);
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "CLOSED" }))).toBe(false);
    expect(can(actor("SECRETARIAT"), "meeting.edit", meeting({ status: "CANCELLED" }))).toBe(false);
  });

  it("hides unpublished meetings from participants; shows a submitted one to its approver", () => {
    const p = { role: "MEMBER" as const, mayVote: true };
    expect(can(actor("MEMBER"), "meeting.view", meeting({ status: "DRAFT", publishedAt: null, participant: p }))).toBe(false);
    expect(can(actor("MEMBER", "boss"), "meeting.view", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(true);
    expect(can(actor("MEMBER", "boss"), "meeting.review", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(true);
    expect(can(actor("MEMBER", "other"), "meeting.review", meeting({ status: "SUBMITTED", publishedAt: null, approverId: "boss" }))).toBe(false);
  });

  it("only staff create meetings", () => {
    expect(can(actor("MEMBER"), "meeting.create")).toBe(false);
    expect(can(actor("SECRETARIAT"), "meeting.create")).toBe(true);
    expect(can(actor("ADMIN"), "meeting.create")).toBe(true);
  });
});

describe("meetingScope (the query filter) agrees with can(view)", () => {
  it("for every status × role × membership combination, against the real database", async () => {
    const sec = await makeUser("SECRETARIAT");
    const statuses = ["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS", "CLOSED", "CANCELLED"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...statuses),
        fc.constantFrom("MEMBER", "SECRETARIAT", "ADMIN" as const),
        fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(),
        async (status, role, participates, isChair, isApprover, wasPublished) => {
          const user = await makeUser(role);
          const m = await makeMeeting(sec, { members: participates ? [user] : [], status: "DRAFT" });
          await db.meeting.update({
            where: { id: m.id },
            data: { status, chairId: isChair ? user.id : null, approverId: isApprover ? user.id : null, publishedAt: wasPublished ? new Date() : null },
          });
          const row = await db.meeting.findUniqueOrThrow({ where: { id: m.id }, include: { participants: { where: { userId: user.id } } } });
          const resource: MeetingResource = { ...row, participant: row.participants[0] ?? null };
          const visible = (await db.meeting.count({ where: { AND: [{ id: m.id }, meetingScope(user)] } })) === 1;
          expect(visible).toBe(can(user, "meeting.view", resource));
        },
      ),
      { numRuns: 60 },
    );
  });
});

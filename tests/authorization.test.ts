// Generated from the declarations: EVERY operation, as EVERY role (none, member of the meeting, member of another
// meeting, the chair, secretariat, admin, a display-only account assigned to the meeting's room, the deputy a member named to attend in their place), through the real route handler on the real database, with a valid request.
// The status must be what the policy says: 401 without a session, 404 where the meeting is not visible, 403 where it
// is visible but the action is not allowed, the declared success otherwise (and then the answer matches its schema).
// A new operation without a valid request (tests/operation-cases.ts) fails this test.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { can, type Actor, type GlobalAction, type MeetingAction, type MeetingResource, type OpinionResource } from "@/lib/policy";
import { apiOperations } from "@/lib/http/api";
import { paramNames, type Operation } from "@/lib/http/operation";
import { validRequests, World, type Fixture, type People } from "./operation-cases";

const ROLES = ["none", "member", "otherMember", "chair", "secretariat", "admin", "display", "deputy"] as const satisfies readonly ("none" | keyof People)[];
const MEETING_PARAMS = new Set(["meetingId", "itemId", "participantId", "documentId", "voteId"]);

let world: World;
beforeAll(async () => {
  world = await World.create();
});

/** The policy's view of the meeting for this actor (built from the rows, independently of the route's own loading). */
async function resourceFor(actor: Actor, meetingId: string): Promise<MeetingResource> {
  const m = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const p = await db.participant.findUnique({ where: { meetingId_userId: { meetingId, userId: actor.id } } });
  const seats = await db.participant.findMany({ where: { meetingId, deputyUserId: actor.id, rsvp: "DELEGATE", NOT: { userId: actor.id } } });
  return {
    id: m.id, status: m.status, chairId: m.chairId, approverId: m.approverId, publishedAt: m.publishedAt, participant: p && { role: p.role, mayVote: p.mayVote },
    represents: seats.length > 0, deputySeatCheckedIn: seats.some((s) => s.checkedInAt !== null && s.checkedInDeputy),
  };
}

/** The policy's view of a request for opinions for this actor (from the rows). */
async function opinionFor(actor: Actor, opinionId: string): Promise<OpinionResource> {
  const o = await db.opinionRequest.findUniqueOrThrow({ where: { id: opinionId } });
  const asked = await db.opinionRecipient.count({ where: { requestId: opinionId, userId: actor.id } });
  return { opinion: { status: o.status, approverId: o.approverId, asked: asked > 0 } };
}

async function expectedStatus(op: Operation, actor: Actor | null, f: Fixture, params: Record<string, string>): Promise<number> {
  if (!actor) return 401;
  if (op.action === null) return op.status;
  // Operations on a request for opinions ask about that request (not a meeting).
  if (params.opinionId) {
    const resource = await opinionFor(actor, params.opinionId);
    if (!can(actor, "opinion.view", resource)) return 404;
    return can(actor, op.action as "opinion.view", resource) ? op.status : 403;
  }
  // Operations on a meeting (or on its items, participants, papers) ask about that meeting; the rest are global.
  if (!paramNames(op.path).some((p) => MEETING_PARAMS.has(p))) return can(actor, op.action as GlobalAction) ? op.status : 403;
  const resource = await resourceFor(actor, f.meetingId);
  // The room display (display-only accounts): its own rule; who may not open it gets 403 if they see the meeting.
  if (op.action === "meeting.display") {
    const displayAssigned = (await db.meetingDisplay.count({ where: { meetingId: f.meetingId, userId: actor.id } })) > 0;
    if (can(actor, "meeting.display", { ...resource, displayAssigned })) return op.status;
    return can(actor, "meeting.view", resource) ? 403 : 404;
  }
  if (!can(actor, "meeting.view", resource)) return 404;
  // Actions on a paper judge the fixture's paper (an ordinary one, not restricted) within the meeting.
  if (/^(document|annotation)\./.test(op.action)) return can(actor, op.action as "annotation.create", { meeting: resource, restricted: false, allowedUserIds: [] }) ? op.status : 403;
  return can(actor, op.action as MeetingAction, resource) ? op.status : 403;
}

describe("every operation as every role answers what the policy says", () => {
  it("has a valid request for every declared operation (a new operation needs one)", () => {
    expect(apiOperations.filter((op) => !validRequests[op.id]).map((op) => op.id)).toEqual([]);
  });

  for (const op of apiOperations) {
    describe(`${op.method} ${op.path} (${op.id})`, () => {
      it.each(ROLES)("as %s", async (role) => {
        const c = validRequests[op.id];
        expect(c, `no valid request for ${op.id}`).toBeDefined();
        const f = await world.meetingWith(c.status);
        const actor = role === "none" ? null : world.people[role];
        const request = c.request(f, world);
        const want = await expectedStatus(op, actor, f, request.params ?? {});
        const res = await world.send(op, actor, request);
        const text = await res.text();
        expect(res.status, `${op.id} as ${role}: ${text.slice(0, 300)}`).toBe(want);
        // Private either way; a conditional operation's answer may be kept but is revalidated every time.
        expect(res.headers.get("cache-control")).toMatch(op.conditional && want === op.status ? /^private, no-cache$/ : /private, no-store/);
        if (want !== op.status) {
          expect(JSON.parse(text).error.code).toBe({ 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[want]);
        } else if (op.response.kind === "json") {
          const parsed = op.response.schema.safeParse(JSON.parse(text));
          expect(parsed.success, `${op.id} answer does not match its declared schema: ${parsed.error?.message}`).toBe(true);
        } else {
          const type = op.response.kind === "file" ? op.response.mediaType : "application/pdf";
          expect(res.headers.get("content-type")?.split(";")[0]).toBe(type);
          if (type === "application/pdf") expect(text.startsWith("%PDF-")).toBe(true);
        }
      });
    });
  }
});

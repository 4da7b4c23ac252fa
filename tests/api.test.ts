// The HTTP API through its real route handlers: auth (401), authorization (403/404), validation (422), CSRF, OpenAPI.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createAgendaItem } from "@/lib/agenda/commands";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as meetingRoute from "@/app/api/v1/meetings/[meetingId]/route";
import * as itemsRoute from "@/app/api/v1/meetings/[meetingId]/agenda-items/route";
import * as itemRoute from "@/app/api/v1/agenda-items/[itemId]/route";
import * as moveRoute from "@/app/api/v1/agenda-items/[itemId]/move/route";
import * as meRoute from "@/app/api/v1/me/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import * as healthRoute from "@/app/api/health/route";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

let sec: Actor, member: Actor, outsider: Actor;
let meetingId: string, otherMeetingId: string, itemId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  member = await makeUser("MEMBER");
  outsider = await makeUser("MEMBER");
  meetingId = (await makeMeeting(sec, { members: [member] })).id;
  otherMeetingId = (await makeMeeting(sec, { members: [outsider] })).id;
  itemId = (await createAgendaItem(sec, meetingId, { title: "Nội dung 1" })).result.id;
});

const json = (r: Response) => r.json() as Promise<any>;

describe("authentication (401)", () => {
  it.each([
    ["GET /meetings", () => meetingsRoute.GET(new Request("http://localhost/api/v1/meetings"), params({}))],
    ["GET /meetings/:id", async () => meetingRoute.GET(await apiRequest(null, "GET", "/api/v1/meetings/x"), params({ meetingId }))],
    ["POST agenda-items", async () => itemsRoute.POST(await apiRequest(null, "POST", "/x", { title: "a" }), params({ meetingId }))],
    ["PATCH agenda-item", async () => itemRoute.PATCH(await apiRequest(null, "PATCH", "/x", { title: "a" }), params({ itemId }))],
    ["DELETE agenda-item", async () => itemRoute.DELETE(await apiRequest(null, "DELETE", "/x"), params({ itemId }))],
    ["POST move", async () => moveRoute.POST(await apiRequest(null, "POST", "/x", { parentId: null, position: 0 }), params({ itemId }))],
    ["PATCH /me", async () => meRoute.PATCH(await apiRequest(null, "PATCH", "/x", { locale: "en" }), params({}))],
  ])("%s without a session is 401 with the error JSON", async (_name, call) => {
    const res = await call();
    expect(res.status).toBe(401);
    expect((await json(res)).error).toMatchObject({ code: "UNAUTHENTICATED", message: expect.any(String) });
  });

  it("a forged cookie is 401", async () => {
    const req = new Request("http://localhost/api/v1/meetings", { headers: { cookie: "next-auth.session-token=forged" } });
    expect((await meetingsRoute.GET(req, params({}))).status).toBe(401);
  });
});

describe("authorization", () => {
  it("a member lists only their meetings; secretariat sees all", async () => {
    const mine = await json(await meetingsRoute.GET(await apiRequest(member, "GET", "/api/v1/meetings"), params({})));
    const ids = mine.meetings.map((m: { id: string }) => m.id);
    expect(ids).toContain(meetingId);
    expect(ids).not.toContain(otherMeetingId);
    const all = await json(await meetingsRoute.GET(await apiRequest(sec, "GET", "/api/v1/meetings"), params({})));
    expect(all.meetings.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining([meetingId, otherMeetingId]));
  });

  it("a member of meeting A gets 404 for meeting B", async () => {
    const res = await meetingRoute.GET(await apiRequest(member, "GET", "/x"), params({ meetingId: otherMeetingId }));
    expect(res.status).toBe(404);
  });

  it("a member cannot add, rename, move or delete agenda items (403); an outsider gets 404", async () => {
    const calls = (who: Actor) => [
      async () => itemsRoute.POST(await apiRequest(who, "POST", "/x", { title: "x" }), params({ meetingId })),
      async () => itemRoute.PATCH(await apiRequest(who, "PATCH", "/x", { title: "x" }), params({ itemId })),
      async () => moveRoute.POST(await apiRequest(who, "POST", "/x", { parentId: null, position: 0 }), params({ itemId })),
      async () => itemRoute.DELETE(await apiRequest(who, "DELETE", "/x"), params({ itemId })),
    ];
    for (const call of calls(member)) expect((await call()).status).toBe(403);
    for (const call of calls(outsider)) expect((await call()).status).toBe(404);
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).title).toBe("Nội dung 1");
  });

  it("refuses a cross-site write made with the browser's cookie (403)", async () => {
    const req = await apiRequest(sec, "PATCH", "/x", { title: "CSRF" }, { origin: "https://evil.example" });
    expect((await itemRoute.PATCH(req, params({ itemId }))).status).toBe(403);
    const same = await apiRequest(sec, "PATCH", "/x", { title: "Nội dung 1" }, { origin: "http://localhost:3000" });
    expect((await itemRoute.PATCH(same, params({ itemId }))).status).toBe(200);
  });
});

describe("validation (422, nothing written)", () => {
  it.each([
    ["empty title", { title: "  " }, "title"],
    ["title too long", { title: "x".repeat(301) }, "title"],
    ["negative minutes", { title: "ok", plannedMinutes: -5 }, "plannedMinutes"],
    ["minutes not a number", { title: "ok", plannedMinutes: "ten" }, "plannedMinutes"],
    ["unknown parent", { title: "ok", parentId: "nope" }, "parentId"],
    ["unknown presenter", { title: "ok", presenterId: "nope" }, "presenterId"],
  ])("create with %s", async (_n, body, field) => {
    const before = await db.agendaItem.count({ where: { meetingId } });
    const res = await itemsRoute.POST(await apiRequest(sec, "POST", "/x", body), params({ meetingId }));
    expect(res.status).toBe(422);
    const err = (await json(res)).error;
    expect(err.code).toBe("VALIDATION");
    expect(err.fields[field]?.length).toBeGreaterThan(0);
    expect(await db.agendaItem.count({ where: { meetingId } })).toBe(before);
  });

  it("malformed JSON is 422", async () => {
    const res = await itemRoute.PATCH(await apiRequest(sec, "PATCH", "/x", "{not json"), params({ itemId }));
    expect(res.status).toBe(422);
  });

  it("an empty update is 422", async () => {
    const res = await itemRoute.PATCH(await apiRequest(sec, "PATCH", "/x", {}), params({ itemId }));
    expect(res.status).toBe(422);
  });

  it("an unsupported locale is 422", async () => {
    const res = await meRoute.PATCH(await apiRequest(member, "PATCH", "/x", { locale: "fr" }), params({}));
    expect(res.status).toBe(422);
    expect((await json(res)).error.fields.locale).toBeDefined();
  });
});

describe("happy paths", () => {
  it("rename through the API writes, bumps the version and audits", async () => {
    const before = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    const res = await itemRoute.PATCH(await apiRequest(sec, "PATCH", "/x", { title: "Tên mới", baseVersion: before.version }), params({ itemId }));
    expect(res.status).toBe(200);
    expect((await json(res)).version).toBe(before.version + 1);
    const audit = await db.auditEntry.findFirst({ where: { subjectId: itemId, action: "agenda.update" }, orderBy: { seq: "desc" } });
    expect(audit?.data).toMatchObject({ title: { to: "Tên mới" } });
  });

  it("a user switches their own language; the cookie follows", async () => {
    const res = await meRoute.PATCH(await apiRequest(member, "PATCH", "/x", { locale: "en" }), params({}));
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("locale=en");
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).locale).toBe("en");
  });

  it("health reports the database", async () => {
    const res = await healthRoute.GET();
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: "ok", db: { ok: true } });
  });

  it("the OpenAPI document is generated from the zod schemas", async () => {
    const doc = await json(openapiRoute.GET());
    expect(doc.openapi).toBe("3.1.0");
    const patch = doc.paths["/agenda-items/{itemId}"].patch;
    const schema = patch.requestBody.content["application/json"].schema;
    expect(schema.properties.title).toMatchObject({ type: "string", minLength: 1, maxLength: 300 });
    expect(schema.properties.plannedMinutes).toMatchObject({ type: "integer", minimum: 0 });
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(["200", "401", "403", "409", "422"]));
  });
});

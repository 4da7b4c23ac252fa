// Bad input, class by class, over every declared operation: a clear 4xx (never a 500), the error JSON, private
// caching, and nothing written. Lone surrogates, far dates, oversized and non-JSON bodies, cross-site writes,
// the 404 of a hidden thing against a made-up id, ids that cannot be ids.
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { apiOperations } from "@/lib/http/api";
import { MAX_JSON_BYTES } from "@/lib/http/body";
import { operationUrl, paramNames, type Operation } from "@/lib/http/operation";
import { decodablePath } from "@/lib/http/undecodable";
import { meetingOps } from "@/lib/meetings/operations";
import { agendaOps } from "@/lib/agenda/operations";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import { NextRequest } from "next/server";
import { sessionCookie, params } from "./fixtures";
import { validRequests, World, type Fixture } from "./operation-cases";

let world: World;
beforeAll(async () => {
  world = await World.create();
});

const jsonOps = apiOperations.filter((op) => op.body?.kind === "json");

/** What a refusal must leave as it was: the audit trail, the stored events, the meeting's version. */
async function writes(f?: Fixture) {
  const [audit, events, meeting] = await Promise.all([
    db.auditEntry.count(),
    db.meetingEvent.count(),
    f ? db.meeting.findUnique({ where: { id: f.meetingId }, select: { version: true, status: true, title: true } }) : null,
  ]);
  return { audit, events, meeting };
}

async function refused(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  const body = JSON.parse(text);
  expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error as { code: string; message: string; fields?: Record<string, string[]>; details?: { reason?: string } };
}

/** The top-level string fields an operation's JSON body may carry (from its schema). */
function stringFields(op: Operation): string[] {
  if (op.body?.kind !== "json") return [];
  const schema = z.toJSONSchema(op.body.schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, any>; anyOf?: any[]; oneOf?: any[] };
  const variants = schema.properties ? [schema] : [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  const out = new Set<string>();
  for (const v of variants) {
    for (const [k, p] of Object.entries((v.properties ?? {}) as Record<string, any>)) {
      const types = [p.type, ...(p.anyOf ?? []).map((a: any) => a.type)];
      if (types.includes("string") && !p.enum && !p.const) out.add(k);
    }
  }
  return [...out];
}

describe("lone UTF-16 surrogates in any JSON text field: 422 naming the field, nothing written", () => {
  const cases = jsonOps.flatMap((op) => stringFields(op).map((field) => [op.id, field, op] as const));

  it("covers the text fields of every JSON operation", () => {
    expect(cases.length).toBeGreaterThan(15);
    expect(cases.map(([id, field]) => `${id}.${field}`)).toEqual(expect.arrayContaining(["meetings.create.title", "meetings.rsvp.reason", "agenda.update.description"]));
  });

  it.each(cases)("%s %s", async (_id, field, op) => {
    const c = validRequests[op.id];
    const f = await world.meetingWith(c.status);
    const valid = c.request(f, world);
    const actor = op.id === "meetings.rsvp" ? world.people.member : op.id === "meetings.review" ? world.people.chair : world.people.secretariat;
    const body = { ...(valid.body as object), [field]: "a \ud800 b" };
    const before = await writes(f);
    const error = await refused(await world.send(op, actor, { ...valid, body }), 422);
    expect(error.details?.reason).toBe("INVALID_TEXT");
    expect(error.fields?.[field]).toHaveLength(1);
    expect(await writes(f)).toEqual(before);
  });

  it("a lone low surrogate, and one in a key, are refused too; a real pair (emoji) is fine", async () => {
    const f = await world.meetingWith();
    const send = (body: unknown) => world.send(agendaOps.update, world.people.secretariat, { params: { itemId: f.itemId }, body });
    expect((await refused(await send({ title: "x \udc00" }), 422)).fields?.title).toBeDefined();
    expect((await refused(await send({ title: "x", "k\ud800": 1 }), 422)).details?.reason).toBe("INVALID_TEXT");
    expect((await send({ title: "Nội dung 😀" })).status).toBe(200);
  });
});

describe("dates: one date-time schema, years 0000–9999", () => {
  const meeting = (startsAt: string, endsAt = "2027-01-01T10:00:00Z") => ({ title: "Phiên họp", kind: "REGULAR", startsAt, endsAt });

  it.each(["+010000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "2026-02-30T08:00:00Z", "2026-01-01", "tomorrow", "1700000000000"])(
    "%s is a 422 on create, update and duplicate",
    async (bad) => {
      const f = await world.meetingWith();
      const before = await writes(f);
      const sec = world.people.secretariat;
      for (const [op, body, p] of [
        [meetingOps.create, meeting(bad), {}],
        [meetingOps.update, { startsAt: bad }, { meetingId: f.meetingId }],
        [meetingOps.duplicate, { startsAt: bad, endsAt: "2027-01-01T10:00:00Z" }, { meetingId: f.meetingId }],
      ] as const) {
        const error = await refused(await world.send(op, sec, { params: p, body }), 422);
        expect(error.fields?.startsAt, op.id).toBeDefined();
      }
      expect(await writes(f)).toEqual(before);
    },
  );

  it("the edges of the range are stored and read back", async () => {
    const res = await world.send(meetingOps.create, world.people.secretariat, { body: meeting("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z") });
    expect(res.status).toBe(201);
    const { meeting: m } = await res.json();
    const back = await world.send(meetingOps.get, world.people.secretariat, { params: { meetingId: m.id } });
    expect((await back.json()).meeting).toMatchObject({ startsAt: "0000-01-01T00:00:00.000Z", endsAt: "9999-12-31T23:59:59.000Z" });
  });
});

describe("bodies: JSON only, at most the limit, read with a cap", () => {
  const raw = async (f: Fixture, body: BodyInit | null, headers: Record<string, string>, extra: RequestInit = {}) => {
    const h = { host: "localhost:3000", "sec-fetch-site": "same-origin", cookie: await sessionCookie(world.people.secretariat), ...headers };
    const req = new Request(`http://localhost:3000${operationUrl(agendaOps.update, { itemId: f.itemId })}`, { method: "PATCH", headers: h, body, ...extra } as RequestInit);
    return world.handler(agendaOps.update)(req, params({ itemId: f.itemId }));
  };

  it("a body over the limit is a 413 before it is parsed (announced, or streamed without a length)", async () => {
    const f = await world.meetingWith();
    const before = await writes(f);
    const big = JSON.stringify({ title: "x", description: "y".repeat(MAX_JSON_BYTES) });
    expect((await refused(await raw(f, big, { "content-type": "application/json" }), 413)).details?.reason).toBe("BODY_TOO_LARGE");
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= 20 * 1024 * 1024) return c.close();
        pulled += 64 * 1024;
        c.enqueue(new TextEncoder().encode(" ".repeat(64 * 1024)));
      },
    });
    await refused(await raw(f, stream, { "content-type": "application/json" }, { duplex: "half" } as RequestInit), 413);
    expect(pulled).toBeLessThan(1024 * 1024);
    expect(await writes(f)).toEqual(before);
  });

  it("text/plain, a form, or no content type: 415 and the body is not parsed, even when it is valid JSON", async () => {
    const f = await world.meetingWith();
    const before = await writes(f);
    const body = JSON.stringify({ title: "Đổi tên qua text/plain" });
    const kinds: Record<string, string>[] = [{ "content-type": "text/plain;charset=UTF-8" }, { "content-type": "application/x-www-form-urlencoded" }, {}];
    for (const headers of kinds) {
      const error = await refused(await raw(f, body, headers), 415);
      expect(error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", details: { reason: "NOT_JSON" } });
    }
    expect(await writes(f)).toEqual(before);
    expect((await raw(f, body, { "content-type": "application/json; charset=utf-8" })).status).toBe(200);
  });

  it("invalid UTF-8, malformed JSON and 100,000 levels of nesting are 422s", async () => {
    const f = await world.meetingWith();
    const before = await writes(f);
    const json = { "content-type": "application/json" };
    await refused(await raw(f, new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), json), 422);
    await refused(await raw(f, "{not json", json), 422);
    await refused(await raw(f, "[".repeat(100_000) + "]".repeat(100_000), json), 422);
    await refused(await raw(f, `{"title":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, json), 422);
    expect(await writes(f)).toEqual(before);
  });

  it("an empty body means no options (a DELETE without a body works)", async () => {
    const f = await world.meetingWith();
    const res = await world.send(agendaOps.remove, world.people.secretariat, { params: { itemId: f.itemId } });
    expect(res.status).toBe(200);
  });

  it("the sign-in endpoint refuses a body over 16 KB unread (413), whatever it holds", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (pulled >= 20 * 1024 * 1024) return c.close();
        pulled += 64 * 1024;
        c.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
      },
    });
    const req = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const res = await nextAuthRoute.POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
    const announced = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * 1024 * 1024) },
      body: "email=a",
    });
    expect((await nextAuthRoute.POST(announced, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) })).status).toBe(413);
  });
});

describe("writes with the session cookie must come from our own pages", () => {
  it.each([
    ["Origin of another site", { origin: "https://evil.example" }, 403],
    ["an unparsable Origin", { origin: "null" }, 403],
    ["no Origin, Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }, 403],
    ["no Origin, Sec-Fetch-Site same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }, 403],
    ["no Origin, no Fetch Metadata, Referer of another site", { "sec-fetch-site": "", referer: "https://evil.example/page" }, 403],
    ["no Origin, no Fetch Metadata, no Referer", { "sec-fetch-site": "" }, 403],
    ["our Origin", { origin: "http://localhost:3000" }, 200],
    ["no Origin, Sec-Fetch-Site same-origin", { "sec-fetch-site": "same-origin" }, 200],
    ["no Origin, Sec-Fetch-Site none (typed by the user)", { "sec-fetch-site": "none" }, 200],
    ["no Origin, no Fetch Metadata, our Referer", { "sec-fetch-site": "", referer: "http://localhost:3000/meetings/x" }, 200],
  ])("%s: %i", async (_name, headers, status) => {
    const f = await world.meetingWith();
    const before = await writes(f);
    const h: Record<string, string> = { ...headers };
    const req = new Request(`http://localhost:3000${operationUrl(agendaOps.update, { itemId: f.itemId })}`, {
      method: "PATCH",
      headers: Object.fromEntries(Object.entries({ host: "localhost:3000", "content-type": "application/json", cookie: await sessionCookie(world.people.secretariat), "sec-fetch-site": "same-origin", ...h }).filter(([, v]) => v !== "")),
      body: JSON.stringify({ title: "Đổi tên" }),
    });
    const res = await world.handler(agendaOps.update)(req, params({ itemId: f.itemId }));
    if (status === 403) {
      expect((await refused(res, 403)).details?.reason).toBe("CROSS_SITE");
      expect(await writes(f)).toEqual(before);
    } else expect(res.status).toBe(200);
  });
});

describe("a hidden meeting's things answer exactly like made-up ids", () => {
  const withIds = apiOperations.filter((op) => paramNames(op.path).some((p) => ["meetingId", "itemId", "participantId", "documentId"].includes(p)));

  it.each(withIds.map((op) => [op.id, op] as const))("%s", async (_id, op) => {
    const c = validRequests[op.id];
    const hidden = await world.meetingWith(c.status);
    const valid = c.request(hidden, world);
    const madeUp = { ...valid, params: Object.fromEntries(Object.keys(valid.params!).map((k) => [k, "cmadeup0000000000000000000"])) };
    const outsider: Actor = world.people.otherMember;
    const a = await world.send(op, outsider, valid);
    const b = await world.send(op, outsider, madeUp);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(await a.json()).toEqual(await b.json());
  });

  it("ids that cannot be ids (spaces, non-ASCII, control characters, too long) are the same 404", async () => {
    const sec = world.people.secretariat;
    const bodies = [];
    for (const meetingId of ["a b", "Đ", "x\u0000y", "\u202e", "x".repeat(101), "%E0%A4%A"]) {
      const res = await world.handler(meetingOps.get)(await (async () => new Request("http://localhost:3000/api/v1/meetings/x", { headers: { host: "localhost:3000", cookie: await sessionCookie(sec) } }))(), params({ meetingId }));
      bodies.push(await refused(res, 404));
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
  });
});

describe("paths Next cannot decode", () => {
  it("are recognised before Next sees them (server.ts answers 400 with our headers; e2e/hardening.spec.ts checks it live)", () => {
    for (const bad of ["/api/v1/meetings/%E0%A4%A", "/api/v1/meetings/%", "/meetings/%zz", "/%C0%AF"]) expect(decodablePath(bad), bad).toBe(false);
    for (const good of ["/api/v1/meetings/abc", "/api/v1/meetings/a%20b", "/meetings/%C4%90", "/x?q=%E0%A4%A"]) expect(decodablePath(good), good).toBe(true);
  });
});

describe("a body the client stops sending", () => {
  it("is a 400 (the client's doing), not a 500, and nothing is written", async () => {
    const f = await world.meetingWith();
    const before = await writes(f);
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"title":"'));
      },
      pull(c) {
        c.error(new Error("aborted"));
      },
    });
    const req = new Request(`http://localhost:3000${operationUrl(agendaOps.update, { itemId: f.itemId })}`, {
      method: "PATCH",
      headers: { host: "localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json", cookie: await sessionCookie(world.people.secretariat) },
      body,
      duplex: "half",
    } as RequestInit);
    expect((await refused(await world.handler(agendaOps.update)(req, params({ itemId: f.itemId })), 400)).details?.reason).toBe("BODY_ABORTED");
    expect(await writes(f)).toEqual(before);
  });
});

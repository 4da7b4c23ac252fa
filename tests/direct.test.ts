// The snapshot GET as server.ts answers it itself (lib/http/direct.ts): the same answer as its route handler gives
// through Next (status, body, ETag/304, caching, localized errors), with the security headers next.config.js gives
// API answers and gzip when accepted; everything else is left to Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy";
import { directRoutes } from "@/lib/http/direct";
import { apiPolicy, securityHeaders } from "@/lib/http/headers.js";
import * as meetingRoute from "@/app/api/v1/meetings/[meetingId]/route";
import * as itemRoute from "@/app/api/v1/agenda-items/[itemId]/route";
import * as documentsRoute from "@/app/api/v1/meetings/[meetingId]/documents/route";
import * as firstPageRoute from "@/app/api/v1/documents/[documentId]/first-page/route";
import { uploadDocument } from "@/lib/documents/commands";
import { firstPagePicture } from "@/lib/documents/firstpage";
import { goodPdf } from "./files/bad-pdfs";
import { createAgendaItem } from "@/lib/agenda/commands";
import { db } from "@/lib/db";
import { apiRequest, makeMeeting, makeUser, params, sessionCookie } from "./fixtures";
import { rawRequest } from "./raw-http";

let server: http.Server;
let base: string;
let member: Actor, outsider: Actor, sec: Actor;
let meetingId: string;
let itemId: string;
const cookies = new Map<Actor, string>();

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT", "Thư ký");
  member = await makeUser("MEMBER", "Thành viên");
  outsider = await makeUser("MEMBER", "Người ngoài");
  meetingId = (await makeMeeting(sec, { members: [member] })).id;
  itemId = (await createAgendaItem(sec, meetingId, { title: "Khai mạc" })).result.id;
  for (const a of [sec, member, outsider]) cookies.set(a, await sessionCookie(a));
  const direct = directRoutes([meetingRoute.GET, itemRoute.PATCH, firstPageRoute.GET], false);
  // Whatever the direct routes leave goes on: here a marker answer standing for Next.
  server = http.createServer((req, res) => {
    if (!direct(req, res)) res.writeHead(299, { "x-next": "1" }).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw answer (no decompression); `body` is sent as it is, in chunks when given several. */
const get = (path: string, headers: Record<string, string> = {}, method = "GET", body?: string | string[]) => rawRequest(`${base}${path}`, headers, method, body);

/** The route handler's own answer to the same request (as Next would call it). */
async function viaHandler(cookie: string | undefined, id: string, headers: Record<string, string> = {}) {
  const req = await apiRequest(null, "GET", `/api/v1/meetings/${id}`, undefined, { ...(cookie ? { cookie } : {}), ...headers });
  const res = await meetingRoute.GET(req, params({ meetingId: id }));
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe("the snapshot GET answered by server.ts", () => {
  it("answers as the route handler does, for a member, an outsider, no session and an unknown meeting, in the asker's language", async () => {
    const cases: [string | undefined, string, Record<string, string>][] = [
      [cookies.get(member), meetingId, {}],
      [cookies.get(sec), meetingId, {}],
      [cookies.get(outsider), meetingId, {}],
      [undefined, meetingId, { "accept-language": "en" }],
      [cookies.get(member), "no-such-meeting", {}],
    ];
    const statuses: number[] = [];
    for (const [cookie, id, extra] of cases) {
      const headers = { ...(cookie ? { cookie } : {}), ...extra };
      const [direct, handler] = [await get(`/api/v1/meetings/${id}`, headers), await viaHandler(cookie, id, extra)];
      statuses.push(direct.status);
      expect(direct.status).toBe(handler.status);
      expect(JSON.parse(direct.body.toString())).toEqual(JSON.parse(handler.body));
      for (const h of ["etag", "cache-control", "content-type"]) expect(direct.headers[h]).toBe(handler.headers.get(h) ?? undefined);
      // What next.config.js gives every API answer.
      expect(direct.headers["content-security-policy"]).toBe(apiPolicy);
      for (const { key, value } of securityHeaders(false)) expect(direct.headers[key.toLowerCase()]).toBe(value);
      expect(direct.headers.vary).toContain("Accept-Encoding");
      expect(Number(direct.headers["content-length"])).toBe(direct.body.length);
    }
    expect(statuses).toEqual([200, 200, 404, 401, 404]);
    const unauthenticated = await get(`/api/v1/meetings/${meetingId}`, { "accept-language": "en" });
    expect(JSON.parse(unauthenticated.body.toString()).error.message).toBe("Please sign in.");
  });

  it("answers 304 without a body to a current If-None-Match, and the body again once it is stale", async () => {
    const cookie = cookies.get(member)!;
    const first = await get(`/api/v1/meetings/${meetingId}`, { cookie });
    expect(first.headers.vary).toBe("Cookie, Accept-Encoding");
    const etag = String(first.headers.etag);
    const again = await get(`/api/v1/meetings/${meetingId}`, { cookie, "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers["cache-control"]).toBe("private, no-cache");
    const stale = await get(`/api/v1/meetings/${meetingId}`, { cookie, "if-none-match": 'W/"0-stale"' });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(first.body)).toBe(true);
  });

  it("gzips a body of 1 KB or more when the client accepts gzip, and leaves a small one as it is", async () => {
    const cookie = cookies.get(member)!;
    const plain = await get(`/api/v1/meetings/${meetingId}`, { cookie });
    const zipped = await get(`/api/v1/meetings/${meetingId}`, { cookie, "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    const refused = await get(`/api/v1/meetings/${meetingId}`, { cookie, "accept-encoding": "gzip;q=0, identity" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    const small = await get(`/api/v1/meetings/${meetingId}`, { "accept-encoding": "gzip" });
    expect(small.status).toBe(401);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("answers a picture (a paper's first page) as its handler does, never gzipped: a WebP does not get smaller", async () => {
    const { version } = (await uploadDocument(sec, meetingId, { title: "Tờ trình", fileName: "to-trinh.pdf", bytes: await goodPdf("Tờ trình", 1) })).result;
    const picture = await firstPagePicture(version.fileHash);
    expect(picture!.length).toBeGreaterThan(1024);
    const path = `/api/v1/documents/${version.documentId}/first-page?version=1`;
    const res = await get(path, { cookie: cookies.get(member)!, "accept-encoding": "gzip, deflate, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/webp");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers["content-length"]).toBe(String(picture!.length));
    expect(res.body.equals(picture!)).toBe(true);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    // The same rules as the paper: not a participant, no picture; no session, 401.
    expect((await get(path, { cookie: cookies.get(outsider)! })).status).toBe(404);
    expect((await get(path)).status).toBe(401);
  });

  it("decodes the path's id as Next does, and ignores a query string", async () => {
    const cookie = cookies.get(member)!;
    const plain = await get(`/api/v1/meetings/${meetingId}`, { cookie });
    const escaped = await get(`/api/v1/meetings/%${meetingId.charCodeAt(0).toString(16)}${meetingId.slice(1)}?x=1`, { cookie });
    expect(escaped.status).toBe(200);
    expect(escaped.body.equals(plain.body)).toBe(true);
  });

  it("leaves every other request to Next: other methods, other paths, a trailing slash", async () => {
    const cookie = cookies.get(member)!;
    for (const [path, method] of [
      [`/api/v1/meetings/${meetingId}`, "HEAD"],
      [`/api/v1/meetings/${meetingId}`, "PATCH"],
      [`/api/v1/agenda-items/${itemId}`, "GET"],
      [`/api/v1/agenda-items/${itemId}`, "DELETE"],
      [`/api/v1/agenda-items/${itemId}/move`, "POST"],
      [`/api/v1/meetings/${meetingId}/`, "GET"],
      [`/api/v1/meetings/${meetingId}/agenda-items`, "GET"],
      [`/api/v1/meetings`, "GET"],
      [`/meetings/${meetingId}`, "GET"],
    ]) {
      const res = await get(path, { cookie }, method);
      expect([path, method, res.status, res.headers["x-next"]]).toEqual([path, method, 299, "1"]);
    }
  });

  it("takes operations with a JSON body or none", () => {
    expect(() => directRoutes([documentsRoute.POST])).toThrow(/only JSON bodies/);
  });
});

describe("a write answered by server.ts (an agenda item's PATCH)", () => {
  const patch = (headers: Record<string, string>, body?: string | string[], id = itemId) =>
    get(`/api/v1/agenda-items/${id}`, { "content-type": "application/json", origin: base, ...headers }, "PATCH", body);
  const title = async () => (await db.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).title;

  it("writes as the route handler does: the change, its version, the private answer with the API's headers", async () => {
    const before = await db.meeting.findUniqueOrThrow({ where: { id: meetingId } });
    // The body in two chunks: read as a stream, as through Next.
    const res = await patch({ cookie: cookies.get(sec)! }, ['{"title":"Khai mạc ', 'phiên họp"}']);
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.body.toString());
    expect(answer.item).toMatchObject({ id: itemId, title: "Khai mạc phiên họp" });
    expect(answer.version).toBe(before.version + 1);
    expect(await title()).toBe("Khai mạc phiên họp");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-security-policy"]).toBe(apiPolicy);
    for (const { key, value } of securityHeaders(false)) expect(res.headers[key.toLowerCase()]).toBe(value);
    const audit = await db.auditEntry.findFirst({ where: { subjectId: itemId, action: "agenda.update" }, orderBy: { seq: "desc" } });
    expect(audit?.actorId).toBe(sec.id);
  });

  it("refuses what the handler refuses, with the same status and localized message, and changes nothing", async () => {
    const kept = await title();
    const en = { "accept-language": "en" };
    const cases: [string, Record<string, string>, string | undefined, number][] = [
      ["no session", en, '{"title":"x"}', 401],
      ["a member may not edit", { cookie: cookies.get(member)!, ...en }, '{"title":"x"}', 403],
      ["an outsider sees no such item", { cookie: cookies.get(outsider)!, ...en }, '{"title":"x"}', 404],
      ["another site's page", { cookie: cookies.get(sec)!, origin: "https://evil.example", ...en }, '{"title":"x"}', 403],
      ["not JSON", { cookie: cookies.get(sec)!, "content-type": "text/plain", ...en }, '{"title":"x"}', 415],
      ["broken JSON", { cookie: cookies.get(sec)!, ...en }, '{"title":', 422],
      ["an empty title", { cookie: cookies.get(sec)!, ...en }, '{"title":""}', 422],
      ["a stale base version", { cookie: cookies.get(sec)!, ...en }, '{"title":"x","baseVersion":1}', 409],
      ["too large", { cookie: cookies.get(sec)!, ...en }, JSON.stringify({ title: "x".repeat(300 * 1024) }), 413],
    ];
    for (const [what, headers, body, status] of cases) {
      const res = await patch(headers, body);
      // The same request as Next would hand it over (on the fixtures' host, so our own origin is that host's).
      const own = headers.origin ?? "http://localhost:3000";
      const req = new Request(`http://localhost:3000/api/v1/agenda-items/${itemId}`, { method: "PATCH", headers: { host: "localhost:3000", "content-type": "application/json", ...headers, origin: own }, body });
      const viaNext = await itemRoute.PATCH(req, params({ itemId }));
      expect([what, res.status]).toEqual([what, status]);
      expect([what, JSON.parse(res.body.toString())]).toEqual([what, await viaNext.json()]);
      expect(JSON.parse(res.body.toString()).error.message).toMatch(/[A-Za-z]/);
    }
    expect(await title()).toBe(kept);
  });
});

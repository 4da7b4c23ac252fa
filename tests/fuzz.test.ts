// Fuzz over every declared operation (fast-check): path ids, query and body derived from the operation's own zod
// schemas, with hostile values mixed in at every level, sent by a signed-in secretariat officer and by a member.
// Whatever arrives: never a 500, and a refusal writes nothing (no audit entry, no stored event, same meeting version).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { apiOperations } from "@/lib/http/api";
import type { Operation } from "@/lib/http/operation";
import { validRequests, World, type Fixture, type ValidRequest } from "./operation-cases";
import { arbitraryFor, bodiesFor, hostileUrlText } from "./schema-arbitrary";
import { sessionCookie } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await World.create();
});

async function writes(f: Fixture) {
  const [audit, events, meeting] = await Promise.all([
    db.auditEntry.count(),
    db.meetingEvent.count(),
    db.meeting.findUnique({ where: { id: f.meetingId }, select: { version: true, status: true } }),
  ]);
  return { audit, events, meeting };
}

const asUrlText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v) ?? "").toWellFormed();

/** Requests for `op`: its valid request with one part changed (path ids, query or body), or all of them at once. */
function requests(op: Operation, valid: ValidRequest): fc.Arbitrary<ValidRequest> {
  const params = fc.record(Object.fromEntries(Object.keys(valid.params ?? {}).map((k) => [k, fc.oneof(hostileUrlText, fc.string())])));
  const query = op.query
    ? arbitraryFor(op.query).map((q) => (q && typeof q === "object" ? Object.fromEntries(Object.entries(q).map(([k, v]) => [k, asUrlText(v)])) : {}))
    : null;
  const body = op.body?.kind === "json" ? bodiesFor(op.body.schema, valid.body ?? {}) : null;
  const multipart = op.body?.kind === "multipart"
    ? fc.record({
        fields: op.body.fields ? bodiesFor(op.body.fields, { title: "Tờ trình" }) : fc.constant({}),
        file: fc.oneof(fc.constant(world.pdfPart()), fc.uint8Array({ maxLength: 64 }).map((b) => new Blob([b]))),
      }).map(({ fields, file }) => ({
        ...Object.fromEntries(Object.entries(fields && typeof fields === "object" ? fields : {}).map(([k, v]) => [k, asUrlText(v)])),
        file,
      }) as ValidRequest["multipart"])
    : null;
  const changes: fc.Arbitrary<ValidRequest>[] = [];
  if (valid.params && Object.keys(valid.params).length) changes.push(params.map((p) => ({ ...valid, params: p as Record<string, string> })));
  if (query) changes.push(query.map((q) => ({ ...valid, query: q })));
  if (body) changes.push(body.map((b) => ({ ...valid, body: b })), body.map((b) => ({ ...valid, body: b })));
  if (multipart) changes.push(multipart.map((m) => ({ ...valid, multipart: m })));
  if (!changes.length) return fc.constant(valid);
  const all = fc.record({
    params: valid.params && Object.keys(valid.params).length ? params : fc.constant(valid.params),
    query: query ?? fc.constant(valid.query),
    body: body ?? fc.constant(valid.body),
    multipart: multipart ?? fc.constant(valid.multipart),
  }) as fc.Arbitrary<ValidRequest>;
  return fc.oneof({ weight: 4, arbitrary: fc.oneof(...changes) }, { weight: 1, arbitrary: all });
}

// Generating PDFs and checking uploads is slow: fewer runs there keep the whole fuzz under a minute.
const RUNS: Record<string, number> = { "agenda.pdf": 4, "documents.upload": 8, "documents.addVersion": 6, "me.password": 6 };

describe("fuzz: every operation, hostile input derived from its schemas", () => {
  for (const op of apiOperations) {
    for (const role of ["secretariat", "member"] as const) {
      it(`${op.id} as ${role}: never a 500, nothing written on a refusal`, async () => {
        const c = validRequests[op.id];
        const f = await world.meetingWith(c.status);
        const actor = world.people[role];
        // One session for the whole run, except where the operation itself ends sessions.
        const endsSessions = op.id === "me.sessions.end" || op.id === "me.password";
        const shared = await sessionCookie(actor);
        await fc.assert(
          fc.asyncProperty(requests(op, c.request(f, world)), async (req) => {
            const before = await writes(f);
            const cookie = endsSessions ? await sessionCookie(actor) : shared;
            const res = await world.send(op, null, req, { cookie });
            const text = await res.text();
            expect(res.status, `${op.id} ${JSON.stringify(req).slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) {
              expect(JSON.parse(text).error.code).toEqual(expect.any(String));
              expect(await writes(f)).toEqual(before);
            }
          }),
          { numRuns: RUNS[op.id] ?? 18 },
        );
      });
    }
  }
});

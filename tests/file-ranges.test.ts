// A paper's file in pieces (pdf.js asks for byte ranges): 206 with exactly those bytes, 416 outside the file,
// the whole file when the range cannot apply; the policy first, as for the whole file.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { byteRange } from "@/lib/http/range";
import { documentOps } from "@/lib/documents/operations";
import { readBlob } from "@/lib/documents/storage";
import { World, type Fixture } from "./operation-cases";

let world: World;
let f: Fixture;
let bytes: Uint8Array;
let etag: string;
beforeAll(async () => {
  world = await World.create();
  f = await world.meetingWith();
  const v = await db.documentVersion.findFirstOrThrow({ where: { documentId: f.documentId } });
  bytes = new Uint8Array(await readBlob(v.fileHash));
  etag = `"${v.fileHash}"`;
});

const get = (headers: Record<string, string> = {}, who = world.people.member) =>
  world.send(documentOps.file, who, { params: { documentId: f.documentId } }, headers);
const body = async (res: Response) => new Uint8Array(await res.arrayBuffer());

describe("byte ranges of a paper", () => {
  it("the whole file says it takes ranges and names its content", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toBe(etag);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(await body(res)).toEqual(bytes);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, -1],
    ["bytes=-10", -10, -1],
    ["bytes=5-99999999", 5, -1],
  ])("%s is a 206 with exactly those bytes", async (range, from, to) => {
    const start = from < 0 ? bytes.length + from : from;
    const end = to < 0 ? bytes.length - 1 : to;
    const res = await get({ range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(await body(res)).toEqual(bytes.slice(start, end + 1));
  });

  it("a range outside the file is a 416 naming the size", async () => {
    const res = await get({ range: `bytes=${bytes.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("several ranges, a malformed one, or an If-Range for other content: the whole file", async () => {
    const cases: Record<string, string>[] = [{ range: "bytes=0-1,5-6" }, { range: "bytes=9-3" }, { range: "items=0-1" }, { range: "bytes=0-9", "if-range": '"other"' }];
    for (const headers of cases) {
      const res = await get(headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect((await body(res)).length).toBe(bytes.length);
    }
    expect((await get({ range: "bytes=0-9", "if-range": etag })).status).toBe(206);
  });

  it("the policy comes first: an outsider asking for a range gets the 404", async () => {
    expect((await get({ range: "bytes=0-9" }, world.people.otherMember)).status).toBe(404);
  });

  it("any satisfiable answer lies inside the file", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.string(), (size, header) => {
        const r = byteRange(header, size);
        if (r && r !== "unsatisfiable") expect(0 <= r.start && r.start <= r.end && r.end < size).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(20_000), fc.nat(20_000), (size, a, b) => {
        const r = byteRange(`bytes=${Math.min(a, b)}-${Math.max(a, b)}`, size);
        if (Math.min(a, b) >= size) expect(r).toBe("unsatisfiable");
        else expect(r).toEqual({ start: Math.min(a, b), end: Math.min(Math.max(a, b), size - 1) });
      }),
    );
  });
});

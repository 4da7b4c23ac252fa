// Next 16 drops Content-Length from route handlers' answers; server.ts restores it from BODY_LENGTH, so pdf.js sees
// a paper's length and reads it in ranges. A real HTTP server, written to the way Next writes (headers set one by
// one, the body piped in pieces).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LENGTH, restoreBodyLength } from "@/lib/http/body-length";

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    restoreBodyLength(res);
    const body = Buffer.alloc(3000, 7);
    res.statusCode = 200;
    if (req.url !== "/unstated") res.setHeader(BODY_LENGTH, String(body.length));
    if (req.url === "/encoded") res.setHeader("content-encoding", "gzip");
    res.write(body.subarray(0, 1000));
    res.end(body.subarray(1000));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const raw = (path: string) =>
  new Promise<http.IncomingMessage>((resolve, reject) => http.get(`${base}${path}`, (res) => res.resume().on("end", () => resolve(res))).on("error", reject));

describe("restoreBodyLength", () => {
  it("a body written in pieces goes out with the stated Content-Length, not chunked, and without the private header", async () => {
    const res = await raw("/stated");
    expect(res.headers["content-length"]).toBe("3000");
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.headers[BODY_LENGTH]).toBeUndefined();
  });

  it("leaves other answers alone: no stated length stays chunked, an encoded body keeps no length", async () => {
    expect((await raw("/unstated")).headers["transfer-encoding"]).toBe("chunked");
    const encoded = await raw("/encoded");
    expect(encoded.headers["content-length"]).toBeUndefined();
    expect(encoded.headers[BODY_LENGTH]).toBeUndefined();
  });
});

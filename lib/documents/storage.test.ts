// Content-addressed storage: one file per content, written whole, and the per-hash lock that keeps "is this file
// still used? then remove it" from interleaving with an upload of the same bytes.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { blobPath, openBlob, removeBlob, sha256, storeBlob, withBlobLock } from "./storage.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bytesOf = (s: string) => new TextEncoder().encode(`%PDF-1.7 ${s} ${Math.random()}`);

describe("storage", () => {
  it("stores identical content once, under its SHA-256, with no temporary files left", async () => {
    const bytes = bytesOf("một lần");
    const first = await storeBlob(bytes);
    const second = await storeBlob(bytes);
    expect(first).toEqual({ hash: sha256(bytes), created: true });
    expect(second).toEqual({ hash: first.hash, created: false });
    expect(fs.readFileSync(blobPath(first.hash)).equals(Buffer.from(bytes))).toBe(true);
    const dir = fs.readdirSync(blobPath(first.hash).replace(/[^/]+$/, ""));
    expect(dir.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const opened = await openBlob(first.hash);
    expect(opened?.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(opened!.stream).arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    await removeBlob(first.hash);
    expect(await openBlob(first.hash)).toBeNull();
  });

  it("refuses names that are not a hash (no path tricks)", () => {
    expect(() => blobPath("../../etc/passwd")).toThrow();
  });

  it("runs work on the same hash one at a time, in arrival order, and a failure does not block the next", async () => {
    const hash = sha256(bytesOf("khóa"));
    const log: string[] = [];
    const slow = withBlobLock(hash, async () => {
      log.push("a:start");
      await sleep(30);
      log.push("a:end");
      throw new Error("a failed");
    });
    const next = withBlobLock(hash, async () => {
      log.push("b:start");
      return "b";
    });
    await expect(slow).rejects.toThrow("a failed");
    expect(await next).toBe("b");
    expect(log).toEqual(["a:start", "a:end", "b:start"]);
  });

  it("does not hold up work on other hashes", async () => {
    const log: string[] = [];
    const a = withBlobLock(sha256(bytesOf("a")), async () => {
      await sleep(30);
      log.push("a");
    });
    const b = withBlobLock(sha256(bytesOf("b")), async () => {
      log.push("b");
    });
    await Promise.all([a, b]);
    expect(log).toEqual(["b", "a"]);
  });
});

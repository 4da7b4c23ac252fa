import { describe, expect, it } from "vitest";
import { db } from "../db";
import { appendAudit, verifyAuditChain } from "./index";

describe("audit trail", () => {
  it("chains entries and detects tampering", async () => {
    await db.$transaction(async (tx) => {
      await appendAudit(tx, { actorId: null, action: "test.a", subjectType: "Test", subjectId: "1", data: { n: 1 } });
      await appendAudit(tx, { actorId: null, action: "test.b", subjectType: "Test", subjectId: "2" });
    });
    expect(await verifyAuditChain(db)).toBeNull();
    const victim = await db.auditEntry.findFirstOrThrow({ where: { action: "test.a" } });
    await db.auditEntry.update({ where: { id: victim.id }, data: { data: { n: 2 } } });
    expect(await verifyAuditChain(db)).toBe(victim.seq);
    await db.auditEntry.update({ where: { id: victim.id }, data: { data: { n: 1 } } });
    expect(await verifyAuditChain(db)).toBeNull();
  });
});

describe("checking the chain (page, API and command share auditChainReport)", () => {
  it("reports the first broken link of a vote's entries: a changed result, then an entry removed", async () => {
    const { auditChainReport } = await import("./index");
    const { execFileSync } = await import("node:child_process");
    await db.$transaction(async (tx) => {
      for (const action of ["vote.open", "vote.close", "vote.result"]) await appendAudit(tx, { actorId: null, action, subjectType: "Vote", subjectId: "v1", data: { passed: true } });
    });
    const intact = await auditChainReport(db);
    expect(intact.firstBroken).toBeNull();
    const command = () => {
      try {
        return { code: 0, out: execFileSync("npx", ["tsx", "scripts/verify-audit.ts"], { env: process.env, encoding: "utf8" }) };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    expect(command()).toMatchObject({ code: 0 });
    // Someone with the database flips the result.
    const close = await db.auditEntry.findFirstOrThrow({ where: { action: "vote.close", subjectId: "v1" } });
    await db.auditEntry.update({ where: { id: close.id }, data: { data: { passed: false } } });
    expect((await auditChainReport(db)).firstBroken).toMatchObject({ seq: close.seq, action: "vote.close", subjectId: "v1" });
    const broken = command();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`BROKEN at entry ${close.seq} (vote.close on Vote v1`);
    // Put back, then remove the entry before it instead: the next one no longer links.
    await db.auditEntry.update({ where: { id: close.id }, data: { data: { passed: true } } });
    const open = await db.auditEntry.findFirstOrThrow({ where: { action: "vote.open", subjectId: "v1" } });
    await db.auditEntry.delete({ where: { id: open.id } });
    expect((await auditChainReport(db)).firstBroken?.seq).toBe(close.seq);
    // Other tests in this database check the chain too: put it back as it was.
    await db.auditEntry.create({ data: { ...open, data: open.data as object } });
    expect((await auditChainReport(db)).firstBroken).toBeNull();
  });
});

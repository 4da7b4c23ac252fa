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

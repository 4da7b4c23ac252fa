// Append-only, hash-chained audit trail. Always written inside the transaction of the change it records.
import crypto from "node:crypto";
import type { Tx } from "../db/index.ts";

export interface AuditInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  meetingId?: string | null;
  data?: Record<string, unknown>;
}

function entryHash(prevHash: string, e: { seq: number; actorId: string | null; action: string; subjectType: string; subjectId: string; meetingId: string | null; data: unknown; createdAt: Date }) {
  const fields = [e.seq, prevHash, e.actorId, e.action, e.subjectType, e.subjectId, e.meetingId, e.data, e.createdAt.toISOString()];
  return crypto.createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export async function appendAudit(tx: Tx, e: AuditInput) {
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? "";
  const createdAt = new Date();
  const data = e.data ?? {};
  const meetingId = e.meetingId ?? null;
  const hash = entryHash(prevHash, { ...e, seq, meetingId, data, createdAt });
  return tx.auditEntry.create({
    data: { seq, prevHash, hash, createdAt, data: data as object, actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, meetingId },
  });
}

/** Recomputes the chain; returns the first broken seq or null when intact. */
export async function verifyAuditChain(tx: Tx): Promise<number | null> {
  const rows = await tx.auditEntry.findMany({ orderBy: { seq: "asc" } });
  let prev = "";
  for (const r of rows) {
    if (r.prevHash !== prev || r.hash !== entryHash(prev, r)) return r.seq;
    prev = r.hash;
  }
  return null;
}

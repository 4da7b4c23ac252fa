// Append-only, hash-chained audit trail. Always written inside the transaction of the change it records.
import crypto from "node:crypto";
import type { Tx } from "../db/index.ts";
import { sql } from "../db/read.ts";
import { dbDate, writerIn, type Writer } from "../db/write.ts";

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

/**
 * Appends an entry inside `tx`, the transaction of the change it records: its statements run on the same connection
 * (lib/db/write.ts), prepared, since every audited write pays for them. Also inside writeTransaction (appendAuditTo).
 */
export async function appendAudit(tx: Tx, e: AuditInput) {
  void tx; // the statements join tx through the connection they share
  return appendAuditTo(await writerIn(), e);
}

export function appendAuditTo(w: Writer, e: AuditInput) {
  const last = w.get(sql`SELECT "seq", "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1`);
  const seq = Number(last?.seq ?? 0) + 1;
  const prevHash = (last?.hash as string | undefined) ?? "";
  const createdAt = new Date();
  const data = e.data ?? {};
  const meetingId = e.meetingId ?? null;
  const hash = entryHash(prevHash, { ...e, seq, meetingId, data, createdAt });
  const id = crypto.randomUUID();
  w.run(sql`INSERT INTO "AuditEntry" ("id", "seq", "actorId", "action", "subjectType", "subjectId", "meetingId", "data", "prevHash", "hash", "createdAt")
    VALUES (${id}, ${seq}, ${e.actorId}, ${e.action}, ${e.subjectType}, ${e.subjectId}, ${meetingId}, ${JSON.stringify(data)}, ${prevHash}, ${hash}, ${dbDate(createdAt)})`);
  return { id, seq, prevHash, hash, createdAt, data, actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, meetingId };
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

export interface ChainReport {
  entries: number;
  /** The first entry whose link does not hold (changed, removed before it, or inserted), or null when intact. */
  firstBroken: { seq: number; action: string; subjectType: string; subjectId: string; createdAt: string } | null;
}

/** The whole chain checked, in pages (a long trail is not loaded at once), with the first broken link described. */
export async function auditChainReport(tx: Tx): Promise<ChainReport> {
  let prev = "";
  let entries = 0;
  let after = 0;
  for (;;) {
    const rows = await tx.auditEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: 1000 });
    if (!rows.length) return { entries, firstBroken: null };
    for (const r of rows) {
      entries++;
      if (r.prevHash !== prev || r.hash !== entryHash(prev, r) || r.seq !== after + 1) {
        return { entries, firstBroken: { seq: r.seq, action: r.action, subjectType: r.subjectType, subjectId: r.subjectId, createdAt: r.createdAt.toISOString() } };
      }
      prev = r.hash;
      after = r.seq;
    }
  }
}

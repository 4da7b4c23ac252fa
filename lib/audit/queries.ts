// Reading the audit trail: only through the policy.
import { db } from "../db/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { auditChainReport, type ChainReport } from "./index.ts";

export async function verifyTrail(actor: Actor): Promise<ChainReport> {
  authorize(actor, "audit.verify");
  return auditChainReport(db);
}

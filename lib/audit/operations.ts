// The audit trail's own operation: checking its hash chain (administrators).
import { z } from "zod";
import { json, operation } from "../http/operation.ts";

export const chainReportJson = z.object({
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), action: z.string(), subjectType: z.string(), subjectId: z.string(), createdAt: z.string() }).nullable(),
});

export const auditOps = {
  verify: operation({
    id: "audit.verify", method: "GET", path: "/audit/verify", tag: "audit",
    summary: "Check the audit trail's hash chain: how many entries, and the first broken link if any (administrators)",
    response: json(chainReportJson), status: 200, action: "audit.verify", errors: [],
  }),
};

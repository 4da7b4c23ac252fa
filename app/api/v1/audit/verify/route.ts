import { bind, routes } from "@/lib/http/route";
import { auditOps } from "@/lib/audit/operations";
import { verifyTrail } from "@/lib/audit/queries";

export const { GET } = routes(bind(auditOps.verify, async ({ actor }) => verifyTrail(actor)));

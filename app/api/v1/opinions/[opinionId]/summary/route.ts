import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { getSummary } from "@/lib/opinions/queries";

export const { GET } = routes(bind(opinionOps.summary, async ({ actor, params }) => ({ summary: await getSummary(actor, params.opinionId) })));

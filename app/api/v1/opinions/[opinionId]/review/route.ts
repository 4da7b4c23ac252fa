import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { reviewOpinion } from "@/lib/opinions/commands";

export const { POST } = routes(bind(opinionOps.review, async ({ actor, params, body }) => reviewOpinion(actor, params.opinionId, body)));

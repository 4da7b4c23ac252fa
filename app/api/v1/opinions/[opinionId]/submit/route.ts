import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { submitOpinion } from "@/lib/opinions/commands";

export const { POST } = routes(bind(opinionOps.submit, async ({ actor, params }) => submitOpinion(actor, params.opinionId)));

import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { closeOpinion } from "@/lib/opinions/commands";

export const { POST } = routes(bind(opinionOps.close, async ({ actor, params }) => closeOpinion(actor, params.opinionId)));

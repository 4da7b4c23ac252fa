import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { answerOpinion } from "@/lib/opinions/commands";

export const { PUT } = routes(bind(opinionOps.answer, async ({ actor, params, body }) => answerOpinion(actor, params.opinionId, body)));

import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { updateOpinion } from "@/lib/opinions/commands";
import { getOpinion } from "@/lib/opinions/queries";

export const { GET, PATCH } = routes(
  bind(opinionOps.get, async ({ actor, params }) => ({ opinion: await getOpinion(actor, params.opinionId) })),
  bind(opinionOps.update, async ({ actor, params, body }) => updateOpinion(actor, params.opinionId, body)),
);

import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { createOpinion } from "@/lib/opinions/commands";
import { listOpinions } from "@/lib/opinions/queries";

export const { GET, POST } = routes(
  bind(opinionOps.list, async ({ actor }) => ({ opinions: await listOpinions(actor) })),
  bind(opinionOps.create, async ({ actor, body }) => createOpinion(actor, body)),
);

import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { deleteVote } from "@/lib/votes/commands";
import { getVote } from "@/lib/votes/queries";

export const { GET, DELETE } = routes(
  bind(voteOps.get, async ({ actor, params }) => getVote(actor, params.voteId)),
  bind(voteOps.remove, async ({ actor, params, body }) => {
    const { result, version } = await deleteVote(actor, params.voteId, body);
    return { ...result, version };
  }),
);

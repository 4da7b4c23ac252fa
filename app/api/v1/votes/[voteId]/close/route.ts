import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { closeVote } from "@/lib/votes/commands";

export const { POST } = routes(
  bind(voteOps.close, async ({ actor, params, body }) => {
    const { result, version } = await closeVote(actor, params.voteId, body);
    return { vote: result, version };
  }),
);

import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { openVote } from "@/lib/votes/commands";

export const { POST } = routes(
  bind(voteOps.open, async ({ actor, params, body }) => {
    const { result, version } = await openVote(actor, params.voteId, body);
    return { vote: result, version };
  }),
);

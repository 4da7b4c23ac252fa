import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { createVote } from "@/lib/votes/commands";

export const { POST } = routes(
  bind(voteOps.create, async ({ actor, params, body }) => {
    const { result, version } = await createVote(actor, params.meetingId, body);
    return { vote: result, version };
  }),
);

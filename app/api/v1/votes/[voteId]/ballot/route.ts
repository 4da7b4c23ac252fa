import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { castBallot } from "@/lib/votes/commands";

export const { POST } = routes(bind(voteOps.cast, async ({ actor, params, body }) => castBallot(actor, params.voteId, body)));

import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { withdrawRequest } from "@/lib/live/commands";

export const { DELETE } = routes(
  bind(liveOps.withdraw, async ({ actor, params, body }) => ({ version: (await withdrawRequest(actor, params.meetingId, body.requestId)).version })),
);

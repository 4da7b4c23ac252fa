import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { checkInAsDeputy } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.checkInDeputy, async ({ actor, params, body }) => ({ version: (await checkInAsDeputy(actor, params.meetingId, body)).version })),
);

import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { checkIn } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.checkIn, async ({ actor, params, body }) => ({ version: (await checkIn(actor, params.meetingId, body.present)).version })),
);

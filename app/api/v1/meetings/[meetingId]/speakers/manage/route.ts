import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { manageSpeakers } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.manageSpeakers, async ({ actor, params, body }) => ({ version: (await manageSpeakers(actor, params.meetingId, body)).version })),
);

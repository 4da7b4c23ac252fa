import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { runMeeting } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.run, async ({ actor, params, body }) => ({ version: (await runMeeting(actor, params.meetingId, body)).version })),
);

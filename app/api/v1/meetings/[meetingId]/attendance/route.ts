import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { markAttendance } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.mark, async ({ actor, params, body }) => ({ version: (await markAttendance(actor, params.meetingId, body)).version })),
);

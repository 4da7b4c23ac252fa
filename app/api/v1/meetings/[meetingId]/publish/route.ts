import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { publishMeeting } from "@/lib/meetings/commands";

export const { POST } = routes(
  bind(meetingOps.publish, async ({ actor, params, body }) => {
    const { result, version } = await publishMeeting(actor, params.meetingId, body);
    return { meeting: result, version };
  }),
);

import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { cancelMeeting } from "@/lib/meetings/commands";

export const { POST } = routes(
  bind(meetingOps.cancel, async ({ actor, params, body }) => {
    const { result, version } = await cancelMeeting(actor, params.meetingId, body);
    return { meeting: result, version };
  }),
);

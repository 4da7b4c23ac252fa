import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { reviewMeeting } from "@/lib/meetings/commands";

export const { POST } = routes(
  bind(meetingOps.review, async ({ actor, params, body }) => {
    const { result, version } = await reviewMeeting(actor, params.meetingId, body);
    return { meeting: result, version };
  }),
);

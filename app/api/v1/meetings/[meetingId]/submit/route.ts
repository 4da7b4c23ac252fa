import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { submitMeeting } from "@/lib/meetings/commands";

export const { POST } = routes(
  bind(meetingOps.submit, async ({ actor, params, body }) => {
    const { result, version } = await submitMeeting(actor, params.meetingId, body);
    return { meeting: result, version };
  }),
);

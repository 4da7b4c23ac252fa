import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { answerInvitation } from "@/lib/meetings/participants";

export const { POST } = routes(
  bind(meetingOps.rsvp, async ({ actor, params, body }) => {
    const { result, version } = await answerInvitation(actor, params.meetingId, body);
    return { participant: result, version };
  }),
);

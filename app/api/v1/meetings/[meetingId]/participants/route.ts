import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { addParticipant } from "@/lib/meetings/participants";

export const { POST } = routes(
  bind(meetingOps.addParticipant, async ({ actor, params, body }) => {
    const { result, version } = await addParticipant(actor, params.meetingId, body);
    return { participant: result, version };
  }),
);

import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { removeParticipant, updateParticipant } from "@/lib/meetings/participants";

export const { PATCH, DELETE } = routes(
  bind(meetingOps.updateParticipant, async ({ actor, params, body }) => {
    const { result, version } = await updateParticipant(actor, params.participantId, body);
    return { participant: result, version };
  }),
  bind(meetingOps.removeParticipant, async ({ actor, params, body }) => {
    const { result, version } = await removeParticipant(actor, params.participantId, body.baseVersion);
    return { ...result, version };
  }),
);

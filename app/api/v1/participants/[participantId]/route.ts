import { route, jsonBody } from "@/lib/http/route";
import { transitionSchema, updateParticipantSchema } from "@/lib/meetings/schema";
import { removeParticipant, updateParticipant } from "@/lib/meetings/participants";

export const PATCH = route<{ participantId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await updateParticipant(actor, params.participantId, await jsonBody(req, updateParticipantSchema));
  return { participant: result, version };
});

export const DELETE = route<{ participantId: string }>(async ({ req, actor, params }) => {
  const { baseVersion } = await jsonBody(req, transitionSchema);
  const { result, version } = await removeParticipant(actor, params.participantId, baseVersion);
  return { ...result, version };
});

import { route, jsonBody } from "@/lib/http/route";
import { addParticipantSchema } from "@/lib/meetings/schema";
import { addParticipant } from "@/lib/meetings/participants";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await addParticipant(actor, params.meetingId, await jsonBody(req, addParticipantSchema));
  return { participant: result, version };
});

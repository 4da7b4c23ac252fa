import { route, jsonBody } from "@/lib/http/route";
import { rsvpSchema } from "@/lib/meetings/schema";
import { answerInvitation } from "@/lib/meetings/participants";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await answerInvitation(actor, params.meetingId, await jsonBody(req, rsvpSchema));
  return Response.json({ participant: result, version });
});

import { route, jsonBody } from "@/lib/http/route";
import { transitionSchema } from "@/lib/meetings/schema";
import { publishMeeting } from "@/lib/meetings/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await publishMeeting(actor, params.meetingId, await jsonBody(req, transitionSchema));
  return Response.json({ meeting: result, version });
});

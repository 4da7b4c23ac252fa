import { route, jsonBody } from "@/lib/http/route";
import { submitMeetingSchema } from "@/lib/meetings/schema";
import { submitMeeting } from "@/lib/meetings/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await submitMeeting(actor, params.meetingId, await jsonBody(req, submitMeetingSchema));
  return Response.json({ meeting: result, version });
});

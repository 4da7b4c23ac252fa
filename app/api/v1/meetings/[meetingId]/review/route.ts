import { route, jsonBody } from "@/lib/http/route";
import { reviewMeetingSchema } from "@/lib/meetings/schema";
import { reviewMeeting } from "@/lib/meetings/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await reviewMeeting(actor, params.meetingId, await jsonBody(req, reviewMeetingSchema));
  return Response.json({ meeting: result, version });
});

import { route, jsonBody } from "@/lib/http/route";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { updateMeetingSchema } from "@/lib/meetings/schema";
import { updateMeeting } from "@/lib/meetings/commands";

export const GET = route<{ meetingId: string }>(async ({ actor, params }) => getMeetingSnapshot(actor, params.meetingId));

export const PATCH = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await updateMeeting(actor, params.meetingId, await jsonBody(req, updateMeetingSchema));
  return { meeting: result, version };
});

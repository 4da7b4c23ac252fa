import { route, jsonBody } from "@/lib/http/route";
import { duplicateMeetingSchema } from "@/lib/meetings/schema";
import { duplicateMeeting } from "@/lib/meetings/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => ({
  meeting: await duplicateMeeting(actor, params.meetingId, await jsonBody(req, duplicateMeetingSchema)),
}));

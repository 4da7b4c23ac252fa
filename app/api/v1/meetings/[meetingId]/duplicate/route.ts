import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { duplicateMeeting } from "@/lib/meetings/commands";

export const { POST } = routes(
  bind(meetingOps.duplicate, async ({ actor, params, body }) => ({ meeting: await duplicateMeeting(actor, params.meetingId, body) })),
);

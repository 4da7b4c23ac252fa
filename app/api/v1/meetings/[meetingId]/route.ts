import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { readMeetingSnapshot } from "@/lib/meetings/queries";
import { updateMeeting } from "@/lib/meetings/commands";

export const { GET, PATCH } = routes(
  // Conditional: a tablet that must re-fetch sends If-None-Match and gets an empty 304 when nothing it sees changed.
  bind(meetingOps.get, async ({ req, actor, params }) => {
    const { etag, snapshot } = await readMeetingSnapshot(actor, params.meetingId, req.headers.get("if-none-match"));
    return { etag, body: snapshot };
  }),
  bind(meetingOps.update, async ({ actor, params, body }) => {
    const { result, version } = await updateMeeting(actor, params.meetingId, body);
    return { meeting: result, version };
  }),
);

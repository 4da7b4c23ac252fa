// The room display's snapshot (it re-reads only when too far behind to catch up from events). Not part of the
// /api/v1 operations: it takes a display token, not a session.
import { displayMeeting } from "@/lib/live/display";
import { readRoomSnapshot } from "@/lib/meetings/snapshot";
import { errorResponse } from "@/lib/http/route";
import { notFound } from "@/lib/errors";

export async function GET(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const meetingId = await displayMeeting((await params).token);
    if (!meetingId) throw notFound();
    return Response.json(readRoomSnapshot(meetingId), { headers: { "Cache-Control": "private, no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}

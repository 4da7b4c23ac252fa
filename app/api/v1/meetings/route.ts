import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { listMeetings } from "@/lib/meetings/queries";
import { createMeeting } from "@/lib/meetings/commands";

export const { GET, POST } = routes(
  bind(meetingOps.list, async ({ actor }) => ({ meetings: await listMeetings(actor) })),
  bind(meetingOps.create, async ({ actor, body }) => ({ meeting: await createMeeting(actor, body) })),
);

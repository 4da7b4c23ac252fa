import { route } from "@/lib/http/route";
import { getMeetingSnapshot } from "@/lib/meetings/queries";

export const GET = route<{ meetingId: string }>(async ({ actor, params }) => getMeetingSnapshot(actor, params.meetingId));

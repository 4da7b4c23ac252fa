import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { deputyCandidates } from "@/lib/meetings/queries";

export const { GET } = routes(bind(meetingOps.deputies, async ({ actor, params }) => ({ people: await deputyCandidates(actor, params.meetingId) })));

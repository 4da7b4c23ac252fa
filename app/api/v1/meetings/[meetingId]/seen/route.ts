import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { markSeen } from "@/lib/meetings/participants";

export const { POST } = routes(bind(meetingOps.seen, ({ actor, params, body }) => markSeen(actor, params.meetingId, body.version)));

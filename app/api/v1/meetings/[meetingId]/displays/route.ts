import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { assignDisplay } from "@/lib/live/room";

export const { PUT } = routes(bind(liveOps.assignDisplay, async ({ actor, params, body }) => assignDisplay(actor, params.meetingId, body.userId, body.assigned)));

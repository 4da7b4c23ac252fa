import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { assignDisplay, displayAccounts } from "@/lib/live/room";

export const { GET, PUT } = routes(
  bind(liveOps.displays, async ({ actor, params }) => ({ accounts: await displayAccounts(actor, params.meetingId) })),
  bind(liveOps.assignDisplay, async ({ actor, params, body }) => assignDisplay(actor, params.meetingId, body.userId, body.assigned)),
);

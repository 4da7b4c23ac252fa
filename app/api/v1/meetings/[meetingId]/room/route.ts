import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { roomSnapshotFor } from "@/lib/live/room";

export const { GET } = routes(bind(liveOps.room, async ({ actor, params }) => roomSnapshotFor(actor, params.meetingId)));

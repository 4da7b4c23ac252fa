import { bind, routes } from "@/lib/http/route";
import { pdfFileResponse } from "@/lib/http/range";
import { liveOps } from "@/lib/live/operations";
import { roomShownFile } from "@/lib/live/room";

export const { GET } = routes(
  bind(liveOps.roomShown, async ({ req, actor, params, query }) => {
    const { version, open } = await roomShownFile(actor, params.meetingId, query.document);
    return pdfFileResponse(req, version, open);
  }),
);

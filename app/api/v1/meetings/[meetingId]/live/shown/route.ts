import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { presentPaper } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.present, async ({ actor, params, body }) => {
    const { result, version } = await presentPaper(actor, params.meetingId, body);
    return { version, page: result?.page ?? body.page };
  }),
);

import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { requestToSpeak } from "@/lib/live/commands";

export const { POST } = routes(
  bind(liveOps.requestToSpeak, async ({ actor, params, body }) => {
    const { result, version } = await requestToSpeak(actor, params.meetingId, body.kind);
    return { version, id: result.id };
  }),
);

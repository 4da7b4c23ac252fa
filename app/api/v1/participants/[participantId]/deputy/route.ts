import { bind, routes } from "@/lib/http/route";
import { meetingOps } from "@/lib/meetings/operations";
import { nameDeputy } from "@/lib/meetings/participants";

export const { PUT } = routes(
  bind(meetingOps.nameDeputy, async ({ actor, params, body }) => {
    const { result, version } = await nameDeputy(actor, params.participantId, body);
    return { participant: result, version };
  }),
);

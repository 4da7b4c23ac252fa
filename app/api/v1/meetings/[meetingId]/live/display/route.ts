import { bind, routes } from "@/lib/http/route";
import { liveOps } from "@/lib/live/operations";
import { issueDisplayToken, revokeDisplayToken } from "@/lib/live/commands";

export const { POST, DELETE } = routes(
  bind(liveOps.issueDisplay, async ({ actor, params }) => {
    const { result, version } = await issueDisplayToken(actor, params.meetingId);
    return { version, token: result.token, path: `/display/${result.token}` };
  }),
  bind(liveOps.revokeDisplay, async ({ actor, params }) => ({ version: (await revokeDisplayToken(actor, params.meetingId)).version })),
);

import { route, jsonBody } from "@/lib/http/route";
import { seenSchema } from "@/lib/meetings/schema";
import { markSeen } from "@/lib/meetings/participants";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) =>
  Response.json(await markSeen(actor, params.meetingId, (await jsonBody(req, seenSchema)).version)),
);

import { route, jsonBody } from "@/lib/http/route";
import { listMeetings } from "@/lib/meetings/queries";
import { createMeetingSchema } from "@/lib/meetings/schema";
import { createMeeting } from "@/lib/meetings/commands";

export const GET = route(async ({ actor }) => ({ meetings: await listMeetings(actor) }));

export const POST = route(async ({ req, actor }) => ({ meeting: await createMeeting(actor, await jsonBody(req, createMeetingSchema)) }));

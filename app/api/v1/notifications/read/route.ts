import { route, jsonBody } from "@/lib/http/route";
import { markRead } from "@/lib/notifications/commands";
import { markReadSchema } from "@/lib/notifications/schema";

// A user reads only their own notifications: markRead filters by the actor.
export const POST = route(async ({ req, actor }) => Response.json(await markRead(actor, (await jsonBody(req, markReadSchema)).ids)));

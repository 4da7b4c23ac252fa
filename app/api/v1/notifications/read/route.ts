import { bind, routes } from "@/lib/http/route";
import { notificationOps } from "@/lib/notifications/operations";
import { markRead } from "@/lib/notifications/commands";

// A user reads only their own notifications: markRead filters by the actor.
export const { POST } = routes(bind(notificationOps.read, ({ actor, body }) => markRead(actor, body)));

import { route } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/queries";

export const GET = route(async ({ actor }) => listNotifications(actor));

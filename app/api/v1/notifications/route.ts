import { bind, routes } from "@/lib/http/route";
import { notificationOps } from "@/lib/notifications/operations";
import { listNotifications } from "@/lib/notifications/queries";

export const { GET } = routes(bind(notificationOps.list, ({ actor }) => listNotifications(actor)));

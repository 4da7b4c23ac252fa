// The notification operations of the API: a user's own notifications only.
import { json, operation } from "../http/operation.ts";
import { markReadSchema, markedReadJson, notificationListJson } from "./schema.ts";

export const notificationOps = {
  list: operation({
    id: "notifications.list", method: "GET", path: "/notifications", summary: "Your notifications and unread count", tag: "notifications",
    response: json(notificationListJson), status: 200, action: null, errors: [],
  }),
  read: operation({
    id: "notifications.read", method: "POST", path: "/notifications/read", summary: "Mark your notifications read (all, the listed ones, or those about one meeting)", tag: "notifications",
    body: json(markReadSchema), response: json(markedReadJson), status: 200, action: null, errors: [],
  }),
};

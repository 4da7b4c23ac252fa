// The user operations of the API: who you are, your preferences and sessions, the people pickers, accounts.
import { json, operation } from "../http/operation.ts";
import {
  changePasswordSchema, endedSessionsJson, meJson, preferencesJson, setUserActiveSchema, updateMeSchema, userActiveJson,
  userListJson,
} from "./schema.ts";

export const userOps = {
  me: operation({
    id: "me.get", method: "GET", path: "/me", summary: "The signed-in user", tag: "users",
    response: json(meJson), status: 200, action: null, errors: [],
  }),
  updateMe: operation({
    id: "me.update", method: "PATCH", path: "/me", summary: "Change your own preferences (language; the locale cookie follows)", tag: "users",
    body: json(updateMeSchema), response: json(preferencesJson), status: 200, action: null, errors: [],
  }),
  changePassword: operation({
    id: "me.password", method: "PUT", path: "/me/password", summary: "Change your own password; your other sessions end", tag: "users",
    body: json(changePasswordSchema), response: json(endedSessionsJson), status: 200, action: null, errors: [429],
  }),
  endSessions: operation({
    id: "me.sessions.end", method: "DELETE", path: "/me/sessions", summary: "Sign out everywhere: every session of yours ends, this one too", tag: "users",
    response: json(endedSessionsJson), status: 200, action: null, errors: [],
  }),
  list: operation({
    id: "users.list", method: "GET", path: "/users", summary: "Active users (secretariat pickers)", tag: "users",
    response: json(userListJson), status: 200, action: "user.list", errors: [403],
  }),
  setActive: operation({
    id: "users.setActive", method: "PATCH", path: "/users/{userId}", summary: "Deactivate (sessions end at once) or reactivate an account (administrator)", tag: "users",
    body: json(setUserActiveSchema), response: json(userActiveJson), status: 200, action: "user.manage", errors: [403],
  }),
};

import type { Operation } from "../http/openapi.ts";
import { updateMeSchema } from "./commands.ts";

export const operations: Operation[] = [
  { method: "get", path: "/me", summary: "The signed-in user", tag: "users", success: 200, errors: [401] },
  { method: "patch", path: "/me", summary: "Change your own preferences (language)", tag: "users", body: updateMeSchema, success: 200, errors: [401, 422] },
];

import type { Operation } from "../http/openapi.ts";

export const operations: Operation[] = [
  { method: "get", path: "/meetings", summary: "Meetings visible to you", tag: "meetings", success: 200, errors: [401] },
  { method: "get", path: "/meetings/{meetingId}", summary: "A meeting with its agenda tree, documents and participants", tag: "meetings", success: 200, errors: [401, 404] },
];

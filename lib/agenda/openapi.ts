import type { Operation } from "../http/openapi.ts";
import { createAgendaItemSchema, deleteAgendaItemSchema, moveAgendaItemSchema, updateAgendaItemSchema } from "./schema.ts";

export const operations: Operation[] = [
  { method: "post", path: "/meetings/{meetingId}/agenda-items", summary: "Add an agenda item (optionally nested)", tag: "agenda", body: createAgendaItemSchema, success: 201, errors: [401, 403, 404, 409, 422] },
  { method: "patch", path: "/agenda-items/{itemId}", summary: "Edit an agenda item (title, description, presenter, minutes, status)", tag: "agenda", body: updateAgendaItemSchema, success: 200, errors: [401, 403, 404, 409, 422] },
  { method: "delete", path: "/agenda-items/{itemId}", summary: "Delete an agenda item and its sub-items", tag: "agenda", body: deleteAgendaItemSchema, success: 200, errors: [401, 403, 404, 409] },
  { method: "post", path: "/agenda-items/{itemId}/move", summary: "Move an agenda item to a parent and position", tag: "agenda", body: moveAgendaItemSchema, success: 200, errors: [401, 403, 404, 409, 422] },
  { method: "get", path: "/meetings/{meetingId}/agenda.pdf", summary: "The printable agenda as an A4 PDF with the time plan (application/pdf; query ?locale=vi|en, default your language)", tag: "agenda", success: 200, errors: [401, 404, 422] },
];

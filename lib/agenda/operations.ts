// The agenda operations of the API: items (nested, ordered) and the printable agenda.
import { json, operation } from "../http/operation.ts";
import {
  agendaItemChangeJson, agendaItemDeletedJson, agendaPdfQuerySchema, createAgendaItemSchema, deleteAgendaItemSchema,
  moveAgendaItemSchema, updateAgendaItemSchema,
} from "./schema.ts";

export const agendaOps = {
  create: operation({
    id: "agenda.create", method: "POST", path: "/meetings/{meetingId}/agenda-items", summary: "Add an agenda item (optionally nested)", tag: "agenda",
    body: json(createAgendaItemSchema), response: json(agendaItemChangeJson), status: 201, action: "meeting.edit", errors: [403, 409],
  }),
  update: operation({
    id: "agenda.update", method: "PATCH", path: "/agenda-items/{itemId}", summary: "Edit an agenda item (title, description, presenter, minutes, status)", tag: "agenda",
    body: json(updateAgendaItemSchema), response: json(agendaItemChangeJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  remove: operation({
    id: "agenda.delete", method: "DELETE", path: "/agenda-items/{itemId}", summary: "Delete an agenda item and its sub-items (their papers stay with the meeting)", tag: "agenda",
    body: json(deleteAgendaItemSchema), response: json(agendaItemDeletedJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  move: operation({
    id: "agenda.move", method: "POST", path: "/agenda-items/{itemId}/move", summary: "Move an agenda item to a parent and position", tag: "agenda",
    body: json(moveAgendaItemSchema), response: json(agendaItemChangeJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  pdf: operation({
    id: "agenda.pdf", method: "GET", path: "/meetings/{meetingId}/agenda.pdf", summary: "The printable agenda: an A4 PDF with the time plan", tag: "agenda",
    query: agendaPdfQuerySchema, response: { kind: "pdf", description: "The agenda as an A4 PDF (attachment), in the requested language or yours" },
    status: 200, action: "meeting.view", errors: [],
  }),
};

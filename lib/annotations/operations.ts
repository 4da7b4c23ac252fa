// Annotations on a paper version: list what one may see, save (create or replace by client id), delete; "My notes".
import { json, operation } from "../http/operation.ts";
import { carriedJson, carryInputSchema, annotationDeletedJson, annotationInputSchema, annotationListJson, annotationListQuery, annotationSavedJson, myNotesJson } from "./schema.ts";

export const annotationOps = {
  list: operation({
    id: "annotations.list", method: "GET", path: "/documents/{documentId}/annotations", summary: "Your annotations and the shared ones on a paper version", tag: "annotations",
    query: annotationListQuery, response: json(annotationListJson), status: 200, action: "document.view", errors: [],
  }),
  save: operation({
    id: "annotations.save", method: "PUT", path: "/documents/{documentId}/annotations/{clientId}",
    summary: "Create or replace your annotation (idempotent by its client id); private unless visibility is MEETING", tag: "annotations",
    body: json(annotationInputSchema), response: json(annotationSavedJson), status: 200, action: "annotation.create", errors: [403, 409],
  }),
  remove: operation({
    id: "annotations.delete", method: "DELETE", path: "/documents/{documentId}/annotations/{clientId}", summary: "Delete your annotation (idempotent)", tag: "annotations",
    response: json(annotationDeletedJson), status: 200, action: "annotation.create", errors: [403],
  }),
  mine: operation({
    id: "annotations.mine", method: "GET", path: "/meetings/{meetingId}/notes", summary: "Your own notes across the meeting's papers (My notes)", tag: "annotations",
    response: json(myNotesJson), status: 200, action: "meeting.view", errors: [],
  }),
  carry: operation({
    id: "annotations.carry", method: "POST", path: "/documents/{documentId}/annotations/carry",
    summary: "Carry your notes from the latest earlier version you wrote on over to this version, by the words they mark (idempotent); answers the carried ones and those that could not be placed", tag: "annotations",
    body: json(carryInputSchema), response: json(carriedJson), status: 200, action: "annotation.create", errors: [403],
  }),
  export: operation({
    id: "annotations.export", method: "GET", path: "/meetings/{meetingId}/notes.txt",
    summary: "Your own notes on the meeting's papers as plain text (UTF-8, in your language; never anyone else's)", tag: "annotations",
    response: { kind: "file", mediaType: "text/plain", description: "Your notes, paper by paper (attachment)", ranges: false }, status: 200, action: "meeting.view", errors: [],
  }),
  exportPdf: operation({
    id: "annotations.exportPdf", method: "GET", path: "/meetings/{meetingId}/notes.pdf",
    summary: "The pages you wrote on, with your own notes drawn on them, stamped with your name and the time (never anyone else's notes)", tag: "annotations",
    response: { kind: "file", mediaType: "application/pdf", description: "Your annotated pages (attachment)", ranges: false }, status: 200, action: "meeting.view", errors: [],
  }),
};

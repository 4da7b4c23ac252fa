import type { Operation } from "../http/openapi.ts";
import { deleteDocumentSchema, updateDocumentSchema } from "./schema.ts";

const file = { type: "string", format: "binary", description: "A PDF that opens: not encrypted, not damaged, at least one page", required: true };

export const operations: Operation[] = [
  {
    method: "post", path: "/meetings/{meetingId}/documents", summary: "Upload a briefing PDF (answers the document, its version and pageCount)", tag: "documents",
    multipart: { file, title: { type: "string", required: true }, agendaItemId: { type: "string" }, confidentiality: { type: "string", description: "NORMAL | CONFIDENTIAL | SECRET" } },
    success: 201, errors: [401, 403, 404, 409, 413, 422],
  },
  { method: "post", path: "/documents/{documentId}/versions", summary: "Upload a new version of a document", tag: "documents", multipart: { file }, success: 201, errors: [401, 403, 404, 413, 422] },
  { method: "patch", path: "/documents/{documentId}", summary: "Title, confidentiality, agenda item, restriction to named participants", tag: "documents", body: updateDocumentSchema, success: 200, errors: [401, 403, 404, 409, 422] },
  { method: "delete", path: "/documents/{documentId}", summary: "Delete a document and its versions", tag: "documents", body: deleteDocumentSchema, success: 200, errors: [401, 403, 404, 409] },
  { method: "get", path: "/documents/{documentId}/file", summary: "The PDF (latest version, or ?version=N)", tag: "documents", success: 200, errors: [401, 404, 422] },
];

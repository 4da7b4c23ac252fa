// The briefing paper operations of the API: upload (multipart), versions, marks and restriction, the file itself.
import { json, operation, type MultipartPart } from "../http/operation.ts";
import {
  changesJson, changesQuerySchema, deleteDocumentSchema, documentChangeJson, documentDeletedJson, documentUploadedJson, documentVersionAddedJson,
  fileQuerySchema, updateDocumentSchema, uploadFieldsSchema,
} from "./schema.ts";

const file: MultipartPart = { type: "string", format: "binary", description: "A PDF that opens: not encrypted, not damaged, at least one page", required: true };

export const documentOps = {
  upload: operation({
    id: "documents.upload", method: "POST", path: "/meetings/{meetingId}/documents", summary: "Upload a briefing PDF (answers the document, its version and pageCount)", tag: "documents",
    body: {
      kind: "multipart",
      parts: { file, title: { type: "string", required: true }, agendaItemId: { type: "string" }, confidentiality: { type: "string", description: "NORMAL | CONFIDENTIAL | SECRET" } },
      fields: uploadFieldsSchema,
    },
    response: json(documentUploadedJson), status: 201, action: "meeting.edit", errors: [403, 409, 413, 422],
  }),
  addVersion: operation({
    id: "documents.addVersion", method: "POST", path: "/documents/{documentId}/versions", summary: "Upload a new version of a document", tag: "documents",
    body: { kind: "multipart", parts: { file } }, response: json(documentVersionAddedJson), status: 201, action: "meeting.edit", errors: [403, 413, 422],
  }),
  update: operation({
    id: "documents.update", method: "PATCH", path: "/documents/{documentId}", summary: "Title, confidentiality, agenda item, restriction to named participants", tag: "documents",
    body: json(updateDocumentSchema), response: json(documentChangeJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  remove: operation({
    id: "documents.delete", method: "DELETE", path: "/documents/{documentId}", summary: "Delete a document and its versions", tag: "documents",
    body: json(deleteDocumentSchema), response: json(documentDeletedJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  file: operation({
    id: "documents.file", method: "GET", path: "/documents/{documentId}/file", summary: "The PDF (latest version, or ?version=N); Range: bytes=… answers 206 with that part", tag: "documents",
    query: fileQuerySchema, response: { kind: "file", mediaType: "application/pdf", description: "The paper's PDF, shown inline (ETag: its content hash)", ranges: true },
    status: 200, action: "meeting.view", errors: [],
  }),
  firstPage: operation({
    id: "documents.firstPage", method: "GET", path: "/documents/{documentId}/first-page",
    summary: "A picture of the paper's first page (latest version, or ?version=N), drawn on the server by pdf.js: the reader shows it until pdf.js has drawn the page. 404 while there is none (a paper pdf.js cannot draw)",
    tag: "documents", query: fileQuerySchema, response: { kind: "file", mediaType: "image/webp", description: "The first page as WebP; like the paper's file never kept by a cache (private, no-store)", ranges: false },
    status: 200, action: "meeting.view", errors: [],
  }),
  download: operation({
    id: "documents.download", method: "GET", path: "/documents/{documentId}/download",
    summary: "A copy to keep (latest version, or ?version=N): every page stamped with your name, the time and the confidentiality mark; recorded in the audit trail. Never a top-secret paper, except for the secretariat",
    tag: "documents", query: fileQuerySchema, response: { kind: "pdf", description: "The stamped PDF (attachment)" }, status: 200, action: "document.view", errors: [403],
  }),
  changes: operation({
    id: "documents.changes", method: "GET", path: "/documents/{documentId}/changes",
    summary: "Pages of a version whose text is not in an earlier version (changed since you read it); since = version answers none", tag: "documents",
    query: changesQuerySchema, response: json(changesJson), status: 200, action: "document.view", errors: [],
  }),
};

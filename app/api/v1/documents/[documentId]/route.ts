import { route, jsonBody } from "@/lib/http/route";
import { deleteDocumentSchema, updateDocumentSchema } from "@/lib/documents/schema";
import { deleteDocument, updateDocument } from "@/lib/documents/commands";

export const PATCH = route<{ documentId: string }>(async ({ req, actor, params }) => {
  const { result, version } = await updateDocument(actor, params.documentId, await jsonBody(req, updateDocumentSchema));
  return { document: result, meetingVersion: version };
});

export const DELETE = route<{ documentId: string }>(async ({ req, actor, params }) => {
  const { baseVersion } = await jsonBody(req, deleteDocumentSchema);
  const { result, version } = await deleteDocument(actor, params.documentId, baseVersion);
  return { ...result, meetingVersion: version };
});

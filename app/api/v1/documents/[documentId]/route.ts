import { bind, routes } from "@/lib/http/route";
import { documentOps } from "@/lib/documents/operations";
import { deleteDocument, updateDocument } from "@/lib/documents/commands";

export const { PATCH, DELETE } = routes(
  bind(documentOps.update, async ({ actor, params, body }) => {
    const { result, version } = await updateDocument(actor, params.documentId, body);
    return { document: result, meetingVersion: version };
  }),
  bind(documentOps.remove, async ({ actor, params, body }) => {
    const { result, version } = await deleteDocument(actor, params.documentId, body.baseVersion);
    return { ...result, meetingVersion: version };
  }),
);

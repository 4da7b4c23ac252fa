import { bind, routes } from "@/lib/http/route";
import { documentOps } from "@/lib/documents/operations";
import { readUpload } from "@/lib/documents/upload";
import { addDocumentVersion, authorizeUpload } from "@/lib/documents/commands";

export const { POST } = routes(
  bind(documentOps.addVersion, async ({ req, actor, params }) => {
    // Policy before the (possibly 100 MB) body is read: a member gets 403, an outsider 404, whatever they send.
    await authorizeUpload(actor, { documentId: params.documentId });
    const { file } = await readUpload(req);
    const { result, version } = await addDocumentVersion(actor, params.documentId, { fileName: file.name, bytes: file.bytes });
    return { ...result, meetingVersion: version };
  }),
);

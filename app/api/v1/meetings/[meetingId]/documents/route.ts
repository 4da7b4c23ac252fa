import { bind, routes } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { documentOps } from "@/lib/documents/operations";
import { uploadFieldsSchema } from "@/lib/documents/schema";
import { readUpload } from "@/lib/documents/upload";
import { authorizeUpload, uploadDocument } from "@/lib/documents/commands";

export const { POST } = routes(
  bind(documentOps.upload, async ({ req, actor, params }) => {
    // Policy before the (possibly 100 MB) body is read: a member gets 403, an outsider 404, whatever they send.
    await authorizeUpload(actor, { meetingId: params.meetingId });
    const { fields, file } = await readUpload(req);
    const input = parseWith(uploadFieldsSchema, { ...fields, agendaItemId: fields.agendaItemId || null, confidentiality: fields.confidentiality || undefined });
    const { result, version } = await uploadDocument(actor, params.meetingId, { ...input, fileName: file.name, bytes: file.bytes });
    return { ...result, meetingVersion: version };
  }),
);

import { route } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { uploadFieldsSchema } from "@/lib/documents/schema";
import { readUpload } from "@/lib/documents/upload";
import { uploadDocument } from "@/lib/documents/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const { fields, file } = await readUpload(req);
  const input = parseWith(uploadFieldsSchema, { ...fields, agendaItemId: fields.agendaItemId || null, confidentiality: fields.confidentiality || undefined });
  const { result, version } = await uploadDocument(actor, params.meetingId, { ...input, fileName: file.name, bytes: file.bytes });
  return Response.json({ ...result, meetingVersion: version }, { status: 201 });
});

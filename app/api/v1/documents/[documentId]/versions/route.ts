import { route } from "@/lib/http/route";
import { readUpload } from "@/lib/documents/upload";
import { addDocumentVersion } from "@/lib/documents/commands";

export const POST = route<{ documentId: string }>(async ({ req, actor, params }) => {
  const { file } = await readUpload(req);
  const { result, version } = await addDocumentVersion(actor, params.documentId, { fileName: file.name, bytes: file.bytes });
  return Response.json({ ...result, meetingVersion: version }, { status: 201 });
});

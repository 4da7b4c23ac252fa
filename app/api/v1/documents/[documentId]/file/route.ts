import { route } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { fileQuerySchema } from "@/lib/documents/schema";
import { getDocumentFile } from "@/lib/documents/queries";

export const GET = route<{ documentId: string }>(async ({ req, actor, params }) => {
  const { version: number } = parseWith(fileQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  const { version, bytes } = await getDocumentFile(actor, params.documentId, number);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `inline; filename*=UTF-8''${encodeURIComponent(version.fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});

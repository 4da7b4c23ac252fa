import { route } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { fileQuerySchema } from "@/lib/documents/schema";
import { contentDisposition, getDocumentFile } from "@/lib/documents/queries";

export const GET = route<{ documentId: string }>(async ({ req, actor, params }) => {
  const { version: number } = parseWith(fileQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  const { version, stream, size } = await getDocumentFile(actor, params.documentId, number);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(size),
      "Content-Disposition": contentDisposition(version.fileName),
      // Papers may be confidential: never kept by shared caches or the browser's disk cache.
      "Cache-Control": "private, no-store",
    },
  });
});

import { bind, routes } from "@/lib/http/route";
import { documentOps } from "@/lib/documents/operations";
import { downloadDocument } from "@/lib/documents/download";
import { contentDisposition } from "@/lib/documents/filename";

export const { GET } = routes(
  bind(documentOps.download, async ({ actor, params, query }) => {
    const { bytes, fileName, locale } = await downloadDocument(actor, params.documentId, query.version);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDisposition(fileName, "attachment"),
        "Content-Language": locale,
        // A copy with the reader's name on it: never kept by any cache.
        "Cache-Control": "private, no-store",
      },
    });
  }),
);

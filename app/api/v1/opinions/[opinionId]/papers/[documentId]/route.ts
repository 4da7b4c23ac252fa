import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { getOpinionPaperFile } from "@/lib/opinions/queries";
import { contentDisposition } from "@/lib/documents/filename";

export const { GET } = routes(
  bind(opinionOps.paper, async ({ actor, params }) => {
    const { fileName, bytes, locale } = await getOpinionPaperFile(actor, params.opinionId, params.documentId);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.length),
        "Content-Disposition": contentDisposition(fileName),
        "Content-Language": locale,
        // Stamped with the reader's name: never kept by any cache.
        "Cache-Control": "private, no-store",
      },
    });
  }),
);

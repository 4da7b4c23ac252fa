import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { getOpinionPaperFile } from "@/lib/opinions/queries";
import { contentDisposition } from "@/lib/documents/filename";

export const { GET } = routes(
  bind(opinionOps.paper, async ({ actor, params }) => {
    const { version, stream } = await getOpinionPaperFile(actor, params.opinionId, params.documentId);
    return new Response(stream, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(version.size),
        "Content-Disposition": contentDisposition(version.fileName),
        ETag: `"${version.fileHash}"`,
      },
    });
  }),
);

import { bind, routes } from "@/lib/http/route";
import { pdfFileResponse } from "@/lib/http/range";
import { documentOps } from "@/lib/documents/operations";
import { getDocumentFile } from "@/lib/documents/queries";
import { contentDisposition } from "@/lib/documents/filename";

export const { GET } = routes(
  bind(documentOps.file, async ({ req, actor, params, query }) => {
    const { version, open } = await getDocumentFile(actor, params.documentId, query.version);
    // Files are stored by content hash: the hash is an exact, strong ETag (If-Range compares against it).
    return pdfFileResponse(req, version, open, { "Content-Disposition": contentDisposition(version.fileName) });
  }),
);

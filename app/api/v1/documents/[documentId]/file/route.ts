import { bind, routes } from "@/lib/http/route";
import { byteRange, rangeStillApplies } from "@/lib/http/range";
import { documentOps } from "@/lib/documents/operations";
import { getDocumentFile } from "@/lib/documents/queries";
import { contentDisposition } from "@/lib/documents/filename";

export const { GET } = routes(
  bind(documentOps.file, async ({ req, actor, params, query }) => {
    const { version, open } = await getDocumentFile(actor, params.documentId, query.version);
    // Files are stored by content hash: the hash is an exact, strong ETag (If-Range compares against it).
    const etag = `"${version.fileHash}"`;
    const headers = {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(version.fileName),
      "Accept-Ranges": "bytes",
      ETag: etag,
      // Papers may be confidential: never kept by shared caches or the browser's disk cache.
      "Cache-Control": "private, no-store",
    };
    const range = rangeStillApplies(req.headers.get("if-range"), etag) ? byteRange(req.headers.get("range"), version.size) : null;
    if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${version.size}` } });
    const stream = await open(range ?? undefined);
    if (!range) return new Response(stream, { headers: { ...headers, "Content-Length": String(version.size) } });
    return new Response(stream, {
      status: 206,
      headers: { ...headers, "Content-Length": String(range.end - range.start + 1), "Content-Range": `bytes ${range.start}-${range.end}/${version.size}` },
    });
  }),
);

import { bind, routes } from "@/lib/http/route";
import { byteRange, rangeStillApplies } from "@/lib/http/range";
import { liveOps } from "@/lib/live/operations";
import { roomShownFile } from "@/lib/live/room";

export const { GET } = routes(
  bind(liveOps.roomShown, async ({ req, actor, params, query }) => {
    const { version, open } = await roomShownFile(actor, params.meetingId, query.document);
    const etag = `"${version.fileHash}"`;
    const headers = { "Content-Type": "application/pdf", "Accept-Ranges": "bytes", ETag: etag, "Cache-Control": "private, no-store" };
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

// The paper on the room's screens, for the room display (token, not session): only the one shown now, in ranges.
import { shownFile } from "@/lib/live/display";
import { byteRange, rangeStillApplies } from "@/lib/http/range";
import { errorResponse } from "@/lib/http/route";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { version, open } = await shownFile((await params).token, new URL(req.url).searchParams.get("document"));
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
  } catch (e) {
    return errorResponse(e);
  }
}

// The paper on the room's screens, for the room display (token, not session): only the one shown now, in ranges.
import { shownFile } from "@/lib/live/display";
import { pdfFileResponse } from "@/lib/http/range";
import { errorResponse } from "@/lib/http/route";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  try {
    const { version, open } = await shownFile((await params).token, new URL(req.url).searchParams.get("document"));
    return await pdfFileResponse(req, version, open);
  } catch (e) {
    return errorResponse(e);
  }
}

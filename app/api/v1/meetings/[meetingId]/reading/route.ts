import { bind, routes } from "@/lib/http/route";
import { readingOps } from "@/lib/reading/operations";
import { readingProgress } from "@/lib/reading/queries";

export const { GET } = routes(bind(readingOps.progress, ({ actor, params }) => readingProgress(actor, params.meetingId)));

import { bind, routes } from "@/lib/http/route";
import { annotationOps } from "@/lib/annotations/operations";
import { myNotes } from "@/lib/annotations/queries";

export const { GET } = routes(bind(annotationOps.mine, ({ actor, params }) => myNotes(actor, params.meetingId)));

import { bind, routes } from "@/lib/http/route";
import { annotationOps } from "@/lib/annotations/operations";
import { carryNotes } from "@/lib/annotations/carry";

export const { POST } = routes(bind(annotationOps.carry, ({ actor, params, body }) => carryNotes(actor, params.documentId, body.version)));

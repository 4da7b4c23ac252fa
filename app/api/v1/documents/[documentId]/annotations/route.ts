import { bind, routes } from "@/lib/http/route";
import { annotationOps } from "@/lib/annotations/operations";
import { listAnnotations } from "@/lib/annotations/queries";

export const { GET } = routes(bind(annotationOps.list, ({ actor, params, query }) => listAnnotations(actor, params.documentId, query.version)));

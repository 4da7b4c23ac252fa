import { bind, routes } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { annotationOps } from "@/lib/annotations/operations";
import { clientIdSchema } from "@/lib/annotations/schema";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/commands";

export const { PUT, DELETE } = routes(
  bind(annotationOps.save, ({ actor, params, body }) => saveAnnotation(actor, params.documentId, parseWith(clientIdSchema, params.clientId), body)),
  bind(annotationOps.remove, ({ actor, params }) => deleteAnnotation(actor, params.documentId, parseWith(clientIdSchema, params.clientId))),
);

import { bind, routes } from "@/lib/http/route";
import { documentOps } from "@/lib/documents/operations";
import { firstPageOfDocument } from "@/lib/documents/queries";

export const { GET } = routes(
  bind(documentOps.firstPage, ({ actor, params, query }) => firstPageOfDocument(actor, params.documentId, query.version)),
);

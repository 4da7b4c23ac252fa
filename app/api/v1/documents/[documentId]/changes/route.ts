import { bind, routes } from "@/lib/http/route";
import { documentOps } from "@/lib/documents/operations";
import { versionChanges } from "@/lib/documents/queries";

export const { GET } = routes(bind(documentOps.changes, ({ actor, params, query }) => versionChanges(actor, params.documentId, query.version, query.since)));

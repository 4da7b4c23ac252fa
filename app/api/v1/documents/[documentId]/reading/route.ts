import { bind, routes } from "@/lib/http/route";
import { readingOps } from "@/lib/reading/operations";
import { recordReading } from "@/lib/reading/commands";

export const { PUT } = routes(bind(readingOps.report, ({ actor, params, body }) => recordReading(actor, params.documentId, body)));

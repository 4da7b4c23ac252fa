import { route, jsonBody } from "@/lib/http/route";
import { moveAgendaItemSchema } from "@/lib/agenda/schema";
import { moveAgendaItem } from "@/lib/agenda/commands";

export const POST = route<{ itemId: string }>(async ({ req, actor, params }) => {
  const input = await jsonBody(req, moveAgendaItemSchema);
  const { result, version } = await moveAgendaItem(actor, params.itemId, input);
  return Response.json({ item: result, version });
});

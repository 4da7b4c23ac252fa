import { route, jsonBody } from "@/lib/http/route";
import { deleteAgendaItemSchema, updateAgendaItemSchema } from "@/lib/agenda/schema";
import { deleteAgendaItem, updateAgendaItem } from "@/lib/agenda/commands";

export const PATCH = route<{ itemId: string }>(async ({ req, actor, params }) => {
  const input = await jsonBody(req, updateAgendaItemSchema);
  const { result, version } = await updateAgendaItem(actor, params.itemId, input);
  return { item: result, version };
});

export const DELETE = route<{ itemId: string }>(async ({ req, actor, params }) => {
  const input = await jsonBody(req, deleteAgendaItemSchema);
  const { result, version } = await deleteAgendaItem(actor, params.itemId, input.baseVersion);
  return { ...result, version };
});

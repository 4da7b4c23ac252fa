import { route, jsonBody } from "@/lib/http/route";
import { createAgendaItemSchema } from "@/lib/agenda/schema";
import { createAgendaItem } from "@/lib/agenda/commands";

export const POST = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  const input = await jsonBody(req, createAgendaItemSchema);
  const { result, version } = await createAgendaItem(actor, params.meetingId, input);
  return { item: result, version };
});

import { bind, routes } from "@/lib/http/route";
import { agendaOps } from "@/lib/agenda/operations";
import { createAgendaItem } from "@/lib/agenda/commands";

export const { POST } = routes(
  bind(agendaOps.create, async ({ actor, params, body }) => {
    const { result, version } = await createAgendaItem(actor, params.meetingId, body);
    return { item: result, version };
  }),
);

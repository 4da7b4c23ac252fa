import { bind, routes } from "@/lib/http/route";
import { agendaOps } from "@/lib/agenda/operations";
import { moveAgendaItem } from "@/lib/agenda/commands";

export const { POST } = routes(
  bind(agendaOps.move, async ({ actor, params, body }) => {
    const { result, version } = await moveAgendaItem(actor, params.itemId, body);
    return { item: result, version };
  }),
);

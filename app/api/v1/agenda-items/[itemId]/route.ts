import { bind, routes } from "@/lib/http/route";
import { agendaOps } from "@/lib/agenda/operations";
import { deleteAgendaItem, updateAgendaItem } from "@/lib/agenda/commands";

export const { PATCH, DELETE } = routes(
  bind(agendaOps.update, async ({ actor, params, body }) => {
    const { result, version } = await updateAgendaItem(actor, params.itemId, body);
    return { item: result, version };
  }),
  bind(agendaOps.remove, async ({ actor, params, body }) => {
    const { result, version } = await deleteAgendaItem(actor, params.itemId, body.baseVersion);
    return { ...result, version };
  }),
);

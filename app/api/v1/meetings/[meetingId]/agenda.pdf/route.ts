import { bind, routes } from "@/lib/http/route";
import { agendaOps } from "@/lib/agenda/operations";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { agendaPdf, agendaSlug } from "@/lib/agenda/print";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(agendaOps.pdf, async ({ actor, params, query }) => {
    const snapshot = await getMeetingSnapshot(actor, params.meetingId);
    const locale = query.locale ?? (isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE);
    const bytes = await agendaPdf(snapshot, locale);
    const fileName = `${agendaSlug(snapshot.meeting.title)}.pdf`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.length),
        "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Content-Language": locale,
      },
    });
  }),
);

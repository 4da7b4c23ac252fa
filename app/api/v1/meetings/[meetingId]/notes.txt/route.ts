import { bind, routes } from "@/lib/http/route";
import { annotationOps } from "@/lib/annotations/operations";
import { myNotesText } from "@/lib/annotations/export";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(annotationOps.export, async ({ actor, params }) => {
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const body = await myNotesText(actor, params.meetingId, locale);
    return new Response(body, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="ghi-chu-${params.meetingId}.txt"`,
        "Content-Language": locale,
      },
    });
  }),
);

import { bind, routes } from "@/lib/http/route";
import { annotationOps } from "@/lib/annotations/operations";
import { myNotesPdf } from "@/lib/annotations/export-pdf";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(annotationOps.exportPdf, async ({ actor, params }) => {
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const pdf = await myNotesPdf(actor, params.meetingId, locale);
    return new Response(pdf as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="ghi-chu-${params.meetingId}.pdf"`,
        "Content-Language": locale,
      },
    });
  }),
);

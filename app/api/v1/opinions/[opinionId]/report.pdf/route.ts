import { bind, routes } from "@/lib/http/route";
import { opinionOps } from "@/lib/opinions/operations";
import { getOpinion, getSummary } from "@/lib/opinions/queries";
import { opinionReportPdf } from "@/lib/opinions/print";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(opinionOps.report, async ({ actor, params }) => {
    const summary = await getSummary(actor, params.opinionId);
    const opinion = await getOpinion(actor, params.opinionId);
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const bytes = await opinionReportPdf(opinion, summary, locale);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.length),
        "Content-Disposition": `attachment; filename="tong-hop-y-kien-${opinion.id}.pdf"`,
        "Content-Language": locale,
      },
    });
  }),
);

import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { getVoteForExport } from "@/lib/votes/queries";
import { voteResultPdf } from "@/lib/votes/print";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(voteOps.resultPdf, async ({ actor, params }) => {
    const { vote, meetingTitle } = await getVoteForExport(actor, params.voteId);
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const bytes = await voteResultPdf(vote, meetingTitle, locale);
    const fileName = `ket-qua-bieu-quyet-${vote.id}.pdf`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(bytes.length),
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Language": locale,
      },
    });
  }),
);

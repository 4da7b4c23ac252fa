import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { getVoteForExport } from "@/lib/votes/queries";
import { voteResultCsv } from "@/lib/votes/csv";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(voteOps.resultCsv, async ({ actor, params }) => {
    const { vote } = await getVoteForExport(actor, params.voteId);
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const body = await voteResultCsv(vote, locale);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ket-qua-bieu-quyet-${vote.id}.csv"`,
        "Content-Language": locale,
      },
    });
  }),
);

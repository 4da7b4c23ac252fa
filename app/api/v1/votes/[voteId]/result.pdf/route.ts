import { bind, routes } from "@/lib/http/route";
import { voteOps } from "@/lib/votes/operations";
import { getVote } from "@/lib/votes/queries";
import { meetingIdOfVote } from "@/lib/votes/commands";
import { voteResultPdf } from "@/lib/votes/print";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export const { GET } = routes(
  bind(voteOps.resultPdf, async ({ actor, params }) => {
    const { vote } = await getVote(actor, params.voteId);
    const snapshot = await getMeetingSnapshot(actor, await meetingIdOfVote(params.voteId));
    const locale = isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE;
    const bytes = await voteResultPdf(vote, snapshot.meeting.title, locale);
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

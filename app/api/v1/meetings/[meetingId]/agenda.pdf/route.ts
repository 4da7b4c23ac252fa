import { z } from "zod";
import { route } from "@/lib/http/route";
import { parseWith } from "@/lib/errors";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { agendaPdf, agendaSlug } from "@/lib/agenda/print";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "@/lib/i18n/config";

const querySchema = z.object({ locale: z.enum(LOCALES).optional() });

export const GET = route<{ meetingId: string }>(async ({ req, actor, params }) => {
  // The policy first: a meeting you may not see is a 404 whatever the query says.
  const snapshot = await getMeetingSnapshot(actor, params.meetingId);
  const query = parseWith(querySchema, Object.fromEntries(new URL(req.url).searchParams));
  const locale = query.locale ?? (isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE);
  const bytes = await agendaPdf(snapshot, locale);
  const fileName = `${agendaSlug(snapshot.meeting.title)}.pdf`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Content-Language": locale,
      "Cache-Control": "private, no-store",
    },
  });
});

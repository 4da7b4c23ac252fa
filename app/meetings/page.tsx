import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/page";
import { listMeetings } from "@/lib/meetings/queries";
import { can } from "@/lib/policy";
import { AppHeader } from "@/components/layout/AppHeader";
import { StatusBadge } from "@/components/meetings/StatusBadge";

export const dynamic = "force-dynamic";

export default async function MeetingsPage() {
  const actor = await pageActor();
  const meetings = await listMeetings(actor);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl p-4">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{t("meetings.title")}</h1>
          {can(actor, "meeting.create") && (
            <Link href="/meetings/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white">+ {t("prep.newMeeting")}</Link>
          )}
        </div>
        {meetings.length === 0 && <p className="text-slate-600">{t("meetings.empty")}</p>}
        <ul className="grid gap-3 md:grid-cols-2">
          {meetings.map((m) => (
            <li key={m.id}>
              <Link href={`/meetings/${m.id}`} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600">
                <div className="mb-2 flex items-center gap-2">
                  <StatusBadge status={m.status} />
                  <span className="text-sm text-slate-600">{t(`kind.${m.kind}`)}</span>
                </div>
                <h2 className="text-lg font-semibold leading-snug">{m.title}</h2>
                <p className="mt-1 text-slate-700">
                  {format.dateTime(m.startsAt, { dateStyle: "full", timeStyle: "short" })}
                  {m.location ? ` · ${m.location}` : ""}
                </p>
                <p className="mt-1 text-sm text-slate-600">
                  {t("meetings.items", { count: m.agendaItemCount })} · {t("meetings.participants", { count: m.participantCount })}
                  {m.chair ? ` · ${t("meetings.chair", { name: m.chair.name })}` : ""}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

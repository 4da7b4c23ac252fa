import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { pageActor } from "@/lib/auth/page";
import { listMeetings } from "@/lib/meetings/queries";
import { upcomingFirst } from "@/lib/meetings/order";
import { RefreshOnNotification } from "@/components/meetings/RefreshOnNotification";
import { can } from "@/lib/policy";
import { AppHeader } from "@/components/layout/AppHeader";
import { StatusBadge } from "@/components/meetings/StatusBadge";

export const dynamic = "force-dynamic";

export default async function MeetingsPage() {
  const actor = await pageActor();
  // A display-only account has no meetings to read: only its rooms' displays.
  if (actor.role === "DISPLAY") redirect("/room");
  const meetings = await listMeetings(actor);
  const { upcoming, past } = upcomingFirst(meetings);
  const t = await getTranslations();
  const dates = await getDateFormat();
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
        {[{ key: "upcoming", list: upcoming }, { key: "past", list: past }].map(({ key, list }) => list.length > 0 && (
          <section key={key} aria-labelledby={`meetings-${key}`} className="mb-6" data-testid={`meetings-${key}`}>
            <h2 id={`meetings-${key}`} className="mb-2 text-lg font-semibold text-slate-700">{t(`meetings.${key}`)}</h2>
            <ul className="grid gap-3 md:grid-cols-2">
              {list.map((m) => (
                <li key={m.id}>
                  <Link href={`/meetings/${m.id}`} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600">
                    <div className="mb-2 flex items-center gap-2">
                      <StatusBadge status={m.status} />
                      <span className="text-sm text-slate-600">{t(`kind.${m.kind}`)}</span>
                    </div>
                    <h3 className="text-lg font-semibold leading-snug">{m.title}</h3>
                    <p className="mt-1 text-slate-700" data-testid="meeting-when">{dates.dateTime(m.startsAt)}</p>
                    {m.location && <p className="text-slate-700">{m.location}</p>}
                    <p className="mt-1 text-sm text-slate-600">
                      {/* A no-break space keeps each "·" at the end of a line, never alone at the start of the next. */}
                      {[t("meetings.items", { count: m.agendaItemCount }), t("meetings.participants", { count: m.participantCount }), m.chair && t("meetings.chair", { name: m.chair.name })]
                        .filter(Boolean).join("\u00a0· ")}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
        <RefreshOnNotification />
      </main>
    </>
  );
}

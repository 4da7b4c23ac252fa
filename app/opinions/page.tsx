import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { pageActor } from "@/lib/auth/page";
import { can } from "@/lib/policy";
import { listOpinions } from "@/lib/opinions/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { RefreshOnNotification } from "@/components/meetings/RefreshOnNotification";

export const dynamic = "force-dynamic";

export default async function OpinionsPage() {
  const actor = await pageActor();
  const opinions = await listOpinions(actor);
  const t = await getTranslations("opinions");
  const dates = await getDateFormat();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl p-4">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <div>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-slate-600">{t("intro")}</p>
          </div>
          {can(actor, "opinion.create") && (
            <Link href="/opinions/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white">{t("new")}</Link>
          )}
        </div>
        {opinions.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
        <ul className="grid gap-3 md:grid-cols-2" data-testid="opinion-list">
          {opinions.map((o) => (
            <li key={o.id}>
              <Link href={`/opinions/${o.id}`} className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600">
                <div className="mb-2 flex flex-wrap items-center gap-2">
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium">{t(`status.${o.status}`)}</span>
                  {o.answeredByMe !== null && (
                    <span className={`rounded-full px-2 py-0.5 text-sm font-medium ${o.answeredByMe ? "bg-green-100 text-green-900" : "bg-amber-100 text-amber-900"}`}>
                      {o.answeredByMe ? t("answered") : t("notAnsweredYet")}
                    </span>
                  )}
                </div>
                <h2 className="text-lg font-semibold leading-snug">{o.title}</h2>
                <p className="mt-1 text-slate-700">{t("deadline")}: {dates.dateTime(new Date(o.deadline))}</p>
              </Link>
            </li>
          ))}
        </ul>
        <RefreshOnNotification />
      </main>
    </>
  );
}

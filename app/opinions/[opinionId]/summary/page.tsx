import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { AppError } from "@/lib/errors";
import { getOpinion, getSummary } from "@/lib/opinions/queries";
import { href } from "@/lib/http/operation";
import { opinionOps } from "@/lib/opinions/operations";
import { AppHeader } from "@/components/layout/AppHeader";
import { LiveSummary } from "@/components/opinions/LiveSummary";
import { OpinionActions } from "@/components/opinions/OpinionActions";

export const dynamic = "force-dynamic";

/** The secretariat's and the approver's summary: live while open, the stored result once closed, the PDF report. */
export default async function OpinionSummaryPage({ params }: { params: Promise<{ opinionId: string }> }) {
  const actor = await pageActor();
  const { opinionId } = await params;
  const o = await orNotFound(getOpinion(actor, opinionId));
  if (!o.may.summary) notFound();
  const summary = await getSummary(actor, opinionId).catch((e) => {
    if (e instanceof AppError) notFound();
    throw e;
  });
  const t = await getTranslations("opinions");
  const dates = await getDateFormat();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-4xl space-y-4 p-4">
        <Link href={`/opinions/${o.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">← {o.title}</Link>
        <header className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h1 className="text-2xl font-semibold">{t("summaryTitle")}</h1>
            <p className="text-slate-700">
              <span className="font-medium" data-testid="opinion-status">{t(`status.${o.status}`)}</span> · {t("deadline")}: {dates.dateTime(new Date(o.deadline))}
              {o.status === "OPEN" && <span className="ml-2 rounded-full bg-green-100 px-2 py-0.5 text-sm text-green-900">{t("live")}</span>}
            </p>
            {o.result && <p className="text-slate-700" data-testid="opinion-result">{t("result")} · {t("closedAt", { time: dates.dateTime(new Date(o.result.closedAt)) })}</p>}
          </div>
          <a href={href(opinionOps.report, { params: { opinionId: o.id } })} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-semibold text-brand-700" data-testid="opinion-report">{t("downloadReport")}</a>
        </header>
        <OpinionActions opinion={o} />
        <LiveSummary key={o.status} initial={summary} />
      </main>
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { getOpinion } from "@/lib/opinions/queries";
import { href } from "@/lib/http/operation";
import { opinionOps } from "@/lib/opinions/operations";
import { AppHeader } from "@/components/layout/AppHeader";
import { RefreshOnNotification } from "@/components/meetings/RefreshOnNotification";
import { OpinionForm } from "@/components/opinions/OpinionForm";
import { OpinionActions } from "@/components/opinions/OpinionActions";
import { AnswerForm } from "@/components/opinions/AnswerForm";

export const dynamic = "force-dynamic";

/** One request: the secretariat edits and submits a draft, the approver approves it, a member asked answers. */
export default async function OpinionPage({ params }: { params: Promise<{ opinionId: string }> }) {
  const actor = await pageActor();
  const { opinionId } = await params;
  const o = await orNotFound(getOpinion(actor, opinionId));
  const t = await getTranslations("opinions");
  const dates = await getDateFormat();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl space-y-4 p-4">
        <Link href="/opinions" className="inline-flex min-h-11 items-center text-brand-700 underline">{t("back")}</Link>
        <header>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-sm font-medium" data-testid="opinion-status">{t(`status.${o.status}`)}</span>
          <h1 className="mt-2 text-2xl font-semibold">{o.title}</h1>
          <p className="text-slate-700">{t("deadline")}: <strong>{dates.dateTime(new Date(o.deadline))}</strong></p>
          {o.approver && <p className="text-slate-700">{t("approver")}: {o.approver.name}</p>}
          {o.status === "SUBMITTED" && o.approver && <p className="text-slate-700">{t("awaitingReview", { name: o.approver.name })}</p>}
          {o.reviewComment && <p className="mt-2 rounded-lg bg-amber-100 p-2 text-amber-900">{t("reviewComment")}: {o.reviewComment}</p>}
        </header>
        {o.summary && <p className="whitespace-pre-line rounded-xl border border-slate-200 bg-white p-4">{o.summary}</p>}
        {o.papers.length > 0 && (
          <section>
            <h2 className="mb-1 text-lg font-semibold">{t("papers")}</h2>
            <ul className="space-y-1">
              {o.papers.map((p) => (
                <li key={p.id}>
                  <a href={href(opinionOps.paper, { params: { opinionId: o.id, documentId: p.id } })} target="_blank" rel="noopener"
                    className="inline-flex min-h-11 items-center text-brand-700 underline">{p.title}</a>
                  <span className="text-sm text-slate-600"> · {p.meetingTitle}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <OpinionActions opinion={o} />
        {o.may.edit ? (
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">{t("edit")}</h2>
            {o.status === "SUBMITTED" && <p className="mb-2 rounded-lg bg-amber-100 p-2 text-amber-900">{t("editWithdraws")}</p>}
            <OpinionForm opinionId={o.id} initial={{
              title: o.title, summary: o.summary, deadline: o.deadline, questions: o.questions.map((q) => q.text),
              recipientIds: o.recipients.map((r) => r.id), documentIds: o.papers.map((p) => p.id), approverId: o.approver?.id ?? null,
            }} />
          </section>
        ) : (
          !o.may.answer && (
            <section>
              <h2 className="mb-1 text-lg font-semibold">{t("fields.questions")}</h2>
              <ol className="list-decimal space-y-1 pl-6">{o.questions.map((q) => <li key={q.id}>{q.text}</li>)}</ol>
              {o.recipients.length > 0 && <p className="mt-2 text-slate-700">{t("recipients")}: {o.recipients.map((r) => r.name).join(", ")}</p>}
            </section>
          )
        )}
        {o.may.answer && <AnswerForm opinion={o} />}
        {o.answeredByMe !== null && !o.may.answer && o.status !== "DRAFT" && (
          <section className="rounded-xl border border-slate-200 bg-white p-4" data-testid="my-answers">
            <p className="font-medium">{t("answerClosed")}</p>
            <ol className="mt-2 space-y-1">
              {o.questions.map((q, i) => {
                const a = o.myAnswers.find((x) => x.questionId === q.id);
                return <li key={q.id}>{t("questionN", { n: i + 1 })}: {a ? `${t(`choice.${a.choice}`)}${a.comment ? ` — “${a.comment}”` : ""}` : t("notAnsweredYet")}</li>;
              })}
            </ol>
          </section>
        )}
        {o.may.summary && o.status !== "DRAFT" && (
          <Link href={`/opinions/${o.id}/summary`} className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-4 font-semibold text-brand-700" data-testid="open-summary">{t("openSummary")}</Link>
        )}
        <RefreshOnNotification />
      </main>
    </>
  );
}

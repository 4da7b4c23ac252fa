"use client";
// The secretariat's (and the approver's) live summary: counts per question, who said what, who has not answered.
// It comes to this user's own devices only (the server sends it to staff and the approver), validated by its schema;
// after a lost connection the page re-reads it once.
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { opinionOps } from "@/lib/opinions/operations";
import { opinionSummarySchema, OPINION_CHOICES, type OpinionSummary } from "@/lib/opinions/schema";
import { getSocket } from "@/lib/realtime/client";

export function LiveSummary({ initial }: { initial: OpinionSummary }) {
  const t = useTranslations("opinions");
  const [summary, setSummary] = useState(initial);
  const opinionId = initial.opinionId;
  useEffect(() => {
    const socket = getSocket();
    const onSummary = (payload: unknown) => {
      const r = opinionSummarySchema.safeParse(payload);
      if (r.success && r.data.opinionId === opinionId) setSummary(r.data);
    };
    const onReconnect = () => call(opinionOps.summary, { params: { opinionId } }).then((r) => setSummary(r.summary), () => {});
    socket.on("opinion.summary", onSummary);
    socket.on("connect", onReconnect);
    return () => {
      socket.off("opinion.summary", onSummary);
      socket.off("connect", onReconnect);
    };
  }, [opinionId]);

  return (
    <div className="space-y-4" data-testid="opinion-summary">
      <p className="text-lg font-semibold" data-testid="summary-progress" aria-live="polite">{t("progress", { answered: summary.answered, asked: summary.asked })}</p>
      <ol className="space-y-3">
        {summary.questions.map((q, i) => (
          <li key={q.questionId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="summary-question">
            <h3 className="font-semibold">{t("questionN", { n: i + 1 })}: {q.text}</h3>
            <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
              {OPINION_CHOICES.map((c) => (
                <div key={c} className="rounded-lg bg-slate-50 p-2">
                  <dt className="text-sm text-slate-600">{t(`choice.${c}`)}</dt>
                  <dd className="text-2xl font-bold tabular-nums" data-testid={`count-${c}`}>{q.counts[c]}</dd>
                </div>
              ))}
            </dl>
            {q.answers.length > 0 && (
              <details className="mt-2">
                <summary className="min-h-11 cursor-pointer content-center font-medium">{t("whoSaid")}</summary>
                <ul className="mt-1 space-y-1">
                  {q.answers.map((a) => (
                    <li key={a.user.id}>{a.user.name}: <strong>{t(`choice.${a.choice}`)}</strong>{a.comment ? ` — “${a.comment}”` : ""}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
      <div>
        <h3 className="font-semibold">{t("notAnswered")}</h3>
        <p data-testid="summary-not-answered">{summary.notAnswered.length ? summary.notAnswered.map((p) => p.name).join(", ") : t("none")}</p>
      </div>
    </div>
  );
}

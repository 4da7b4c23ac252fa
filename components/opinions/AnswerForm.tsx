"use client";
// A member's answers on the tablet: per question three large choices (agree / disagree / other opinion, which asks
// for words), sent together; the member may change them until the deadline. The server refuses a late answer with
// a message that says so.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { opinionOps } from "@/lib/opinions/operations";
import { OPINION_CHOICES, type OpinionChoice, type OpinionDetail } from "@/lib/opinions/schema";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { inputClass } from "@/components/prep/fields";
import { getSocket } from "@/lib/realtime/client";

type Draft = Record<string, { choice: OpinionChoice | null; comment: string }>;

export function AnswerForm({ opinion }: { opinion: Pick<OpinionDetail, "id" | "questions" | "myAnswers" | "deadline" | "may"> }) {
  const t = useTranslations("opinions");
  const dates = useDateFormat();
  const router = useRouter();
  const [mine, setMine] = useState(opinion.myAnswers);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(opinion.questions.map((q) => {
      const a = opinion.myAnswers.find((x) => x.questionId === q.id);
      return [q.id, { choice: a?.choice ?? null, comment: a?.comment ?? "" }];
    })),
  );
  const { error, pending, run } = useAction();
  // Answers sent from another of the member's devices arrive here too; at the deadline the page shows it is over.
  useEffect(() => {
    const socket = getSocket();
    const onAnswered = (p: { opinionId: string }) => {
      if (p.opinionId !== opinion.id) return;
      call(opinionOps.get, { params: { opinionId: opinion.id } }).then(({ opinion: fresh }) => {
        setMine(fresh.myAnswers);
        setDraft((all) => ({ ...all, ...Object.fromEntries(fresh.myAnswers.map((a) => [a.questionId, { choice: a.choice, comment: a.comment }])) }));
      }, () => {});
    };
    socket.on("opinion.answered", onAnswered);
    const left = new Date(opinion.deadline).getTime() - Date.now();
    const timer = left < 2 ** 31 - 1 ? setTimeout(() => router.refresh(), Math.max(0, left) + 1000) : undefined;
    return () => {
      socket.off("opinion.answered", onAnswered);
      clearTimeout(timer);
    };
  }, [opinion.id, opinion.deadline, router]);
  const answers = opinion.questions.flatMap((q) => {
    const d = draft[q.id];
    return d.choice ? [{ questionId: q.id, choice: d.choice, comment: d.comment }] : [];
  });
  const lastAt = mine.reduce<string | null>((m, a) => (!m || a.updatedAt > m ? a.updatedAt : m), null);

  async function send() {
    const out = await run(() => call(opinionOps.answer, { params: { opinionId: opinion.id }, body: { answers } }));
    if (out) setMine(out.myAnswers);
    else router.refresh();
  }

  return (
    <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); void send(); }} data-testid="answer-form">
      {opinion.questions.map((q, i) => {
        const d = draft[q.id];
        const set = (next: Partial<Draft[string]>) => setDraft((all) => ({ ...all, [q.id]: { ...all[q.id], ...next } }));
        return (
          <fieldset key={q.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="answer-question">
            <legend className="px-1 text-lg font-semibold">{t("questionN", { n: i + 1 })}</legend>
            <p className="mb-3 text-lg">{q.text}</p>
            <div className="grid grid-cols-3 gap-2" role="radiogroup" aria-label={t("questionN", { n: i + 1 })}>
              {OPINION_CHOICES.map((c) => (
                <button key={c} type="button" role="radio" aria-checked={d.choice === c} onClick={() => set({ choice: c })}
                  className={`min-h-14 rounded-xl border-2 px-2 text-lg font-semibold touch-manipulation ${d.choice === c ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white"}`}>
                  {t(`choice.${c}`)}
                </button>
              ))}
            </div>
            {d.choice === "OTHER" && (
              <div className="mt-3">
                <label htmlFor={`other-${q.id}`} className="mb-1 block text-sm font-medium">{t("otherText", { n: i + 1 })}</label>
                <textarea id={`other-${q.id}`} rows={3} value={d.comment} onChange={(e) => set({ comment: e.target.value })} className={`${inputClass} w-full`} />
              </div>
            )}
          </fieldset>
        );
      })}
      <ErrorNote error={error} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || answers.length === 0} className="min-h-14 rounded-xl bg-brand-600 px-6 text-lg font-semibold text-white disabled:opacity-50" data-testid="answer-send">
          {mine.length ? t("updateAnswers") : t("sendAnswers")}
        </button>
        {lastAt && <p role="status" className="text-green-800" data-testid="answer-recorded">{t("answersRecorded", { time: dates.dateTime(new Date(lastAt)) })}</p>}
      </div>
      <p className="text-sm text-slate-600">{t("mayChangeUntil", { deadline: dates.dateTime(new Date(opinion.deadline)) })}</p>
    </form>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { meetingOps } from "@/lib/meetings/operations";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { inputClass } from "@/components/prep/fields";

type Answer = "ATTEND" | "ABSENT" | "DELEGATE";
export interface MyAnswer { rsvp: string; rsvpReason: string | null; deputyName: string | null; deputyUserId: string | null }
type Person = { id: string; name: string; title: string | null };

/** The people one may send in one's place, loaded when "send a deputy" is chosen. */
function useDeputyCandidates(meetingId: string, wanted: boolean): Person[] | null {
  const [people, setPeople] = useState<Person[] | null>(null);
  useEffect(() => {
    if (!wanted || people) return;
    let cancelled = false;
    call(meetingOps.deputies, { params: { meetingId } }).then((r) => !cancelled && setPeople(r.people), () => !cancelled && setPeople([]));
    return () => { cancelled = true; };
  }, [meetingId, wanted, people]);
  return people;
}

/** The member's own answer to the invitation: nothing chosen until they answer; their stored answer after that. */
export function RsvpPanel({ meetingId, mine }: { meetingId: string; mine: MyAnswer }) {
  const t = useTranslations("prep");
  const [answer, setAnswer] = useState<Answer | null>(mine.rsvp === "PENDING" ? null : (mine.rsvp as Answer));
  const [reason, setReason] = useState(mine.rsvpReason ?? "");
  const [deputyName, setDeputyName] = useState(mine.deputyUserId ? "" : (mine.deputyName ?? ""));
  // The deputy's account (they then check in for the seat on their own tablet), or "" for a name typed in.
  const [deputyUserId, setDeputyUserId] = useState(mine.deputyUserId ?? "");
  const people = useDeputyCandidates(meetingId, answer === "DELEGATE");
  const { error, pending: busy, run, retry } = useAction();

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!answer) return;
    const deputy = deputyUserId ? { deputyUserId } : { deputyName };
    const body = answer === "ATTEND" ? { answer } : answer === "ABSENT" ? { answer, reason } : { answer, ...deputy, reason: reason || undefined };
    await run(() => call(meetingOps.rsvp, { params: { meetingId }, body }));
  }

  return (
    <section aria-labelledby="rsvp-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
      <h2 id="rsvp-heading" className="text-lg font-semibold">{t("yourInvitation")}</h2>
      {mine.rsvp !== "PENDING" && <p className="mb-2 text-slate-700" data-testid="my-rsvp">{t("yourAnswer", { answer: t(`rsvp.${mine.rsvp}`) })}</p>}
      {/* Live: the secretariat may name (or change) the deputy's account after the answer. */}
      {mine.rsvp === "DELEGATE" && mine.deputyName && <p className="mb-2 text-slate-700" data-testid="my-deputy">{t("deputy", { name: mine.deputyName })}</p>}
      <form onSubmit={send} className="space-y-3">
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t("answer")}</legend>
          {(["ATTEND", "ABSENT", "DELEGATE"] as const).map((a) => (
            <label key={a} className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 ${answer === a ? "border-brand-600 bg-white" : "border-slate-300"}`}>
              <input type="radio" name="rsvp" value={a} checked={answer === a} onChange={() => setAnswer(a)} className="h-5 w-5" />
              {t(a === "ATTEND" ? "attend" : a === "ABSENT" ? "absent" : "delegate")}
            </label>
          ))}
        </fieldset>
        {answer === "DELEGATE" && (
          <div>
            <label htmlFor="deputy-user" className="mb-1 block text-sm font-medium">{t("deputyPerson")}</label>
            <select id="deputy-user" value={deputyUserId} onChange={(e) => setDeputyUserId(e.target.value)} className={inputClass} data-testid="deputy-user">
              <option value="">{t("deputyNoAccount")}</option>
              {mine.deputyUserId && !people?.some((p) => p.id === mine.deputyUserId) && <option value={mine.deputyUserId}>{mine.deputyName}</option>}
              {people?.map((p) => <option key={p.id} value={p.id}>{p.title ? `${p.name} — ${p.title}` : p.name}</option>)}
            </select>
          </div>
        )}
        {answer === "DELEGATE" && !deputyUserId && (
          <div>
            <label htmlFor="deputy-name" className="mb-1 block text-sm font-medium">{t("deputyName")}</label>
            <input id="deputy-name" value={deputyName} onChange={(e) => setDeputyName(e.target.value)} className={inputClass} />
          </div>
        )}
        {(answer === "ABSENT" || answer === "DELEGATE") && (
          <div>
            <label htmlFor="rsvp-reason" className="mb-1 block text-sm font-medium">{t("reason")}</label>
            <input id="rsvp-reason" value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
          </div>
        )}
        <ErrorNote error={error} onRetry={retry} />
        <button type="submit" disabled={busy || !answer} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">{t("sendAnswer")}</button>
      </form>
    </section>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { inputClass } from "@/components/prep/fields";

type Answer = "ATTEND" | "ABSENT" | "DELEGATE";

/** The member's own answer to the invitation. */
export function RsvpPanel({ meetingId, current, onChanged }: { meetingId: string; current: string; onChanged: () => void }) {
  const t = useTranslations("prep");
  const [answer, setAnswer] = useState<Answer>(current === "PENDING" ? "ATTEND" : (current as Answer));
  const [reason, setReason] = useState("");
  const [deputyName, setDeputyName] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = answer === "ATTEND" ? { answer } : answer === "ABSENT" ? { answer, reason } : { answer, deputyName, reason: reason || undefined };
    try {
      await api("POST", `/api/v1/meetings/${meetingId}/rsvp`, body);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="rsvp-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
      <h2 id="rsvp-heading" className="text-lg font-semibold">{t("yourInvitation")}</h2>
      {current !== "PENDING" && <p className="mb-2 text-slate-700" data-testid="my-rsvp">{t("yourAnswer", { answer: t(`rsvp.${current}`) })}</p>}
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
            <label htmlFor="deputy-name" className="mb-1 block text-sm font-medium">{t("deputyName")}</label>
            <input id="deputy-name" value={deputyName} onChange={(e) => setDeputyName(e.target.value)} className={inputClass} />
          </div>
        )}
        {answer !== "ATTEND" && (
          <div>
            <label htmlFor="rsvp-reason" className="mb-1 block text-sm font-medium">{t("reason")}</label>
            <input id="rsvp-reason" value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
          </div>
        )}
        <ErrorNote error={error} />
        <button type="submit" disabled={busy} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">{t("sendAnswer")}</button>
      </form>
    </section>
  );
}

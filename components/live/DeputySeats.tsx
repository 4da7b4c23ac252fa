"use client";
import { useTranslations } from "next-intl";
import { call } from "@/lib/http/client";
import { liveOps } from "@/lib/live/operations";
import type { LiveView } from "@/lib/live/view";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";

/**
 * For the deputy a member named in their answer: whom they attend for, and checking in for that member's seat on
 * their own tablet (the seat then counts as the member's, by the meeting's rule).
 */
export function DeputySeats({ meetingId, seats, mayCheckIn }: { meetingId: string; seats: LiveView["deputyFor"]; mayCheckIn: boolean }) {
  const t = useTranslations("live");
  const { error, pending, run, retry } = useAction();
  if (seats.length === 0) return null;
  return (
    <section aria-label={t("deputySeats")} data-testid="deputy-seats" className="space-y-2 rounded-xl border-2 border-brand-600 bg-white p-4 shadow-sm">
      {seats.map((seat) => {
        const name = seat.user.name;
        const mine = !!seat.checkedInAt && seat.checkedInDeputy;
        const inPerson = !!seat.checkedInAt && !seat.checkedInDeputy;
        return (
          <div key={seat.id} className="flex flex-wrap items-center gap-3">
            <span className="font-semibold">{t("attendsFor", { name })}</span>
            {mine ? (
              <span className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-emerald-50 px-3 font-semibold text-emerald-900" data-testid="deputy-checked-in">
                ✓ {t("checkedInAsDeputy", { name })}
              </span>
            ) : inPerson ? (
              <span className="inline-flex min-h-11 items-center text-slate-700" data-testid="member-here">{t("memberHereInPerson", { name })}</span>
            ) : (
              mayCheckIn && (
                <button type="button" disabled={pending} data-testid="deputy-check-in"
                  onClick={() => run(() => call(liveOps.checkInDeputy, { params: { meetingId }, body: { participantId: seat.id, present: true } }))}
                  className="min-h-11 rounded-lg bg-emerald-600 px-4 font-semibold text-white disabled:opacity-60">
                  {t("checkInAsDeputy", { name })}
                </button>
              )
            )}
          </div>
        );
      })}
      <ErrorNote error={error} onRetry={retry} />
    </section>
  );
}

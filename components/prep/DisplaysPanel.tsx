"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import type { Output } from "@/lib/http/operation";
import { liveOps } from "@/lib/live/operations";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { DisplayControl } from "@/components/chair/DisplayControl";

type Account = Output<typeof liveOps.displays>["accounts"][number];

/**
 * The meeting room's screens, in the secretariat's preparation: the display-only accounts, each assigned to this
 * meeting's room display or not (a tap changes it; taking one off disconnects it at once), and the display link's
 * state, made or revoked here by whoever runs the meeting.
 */
export function DisplaysPanel({ snapshot }: { snapshot: MeetingSnapshot }) {
  const t = useTranslations("live");
  const meetingId = snapshot.meeting.id;
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const { error, pending, run, retry } = useAction();
  useEffect(() => {
    let cancelled = false;
    void run(() => call(liveOps.displays, { params: { meetingId } })).then((r) => !cancelled && setAccounts(r?.accounts ?? []));
    return () => { cancelled = true; };
  }, [meetingId, run]);

  const assign = async (account: Account, assigned: boolean) => {
    const out = await run(() => call(liveOps.assignDisplay, { params: { meetingId }, body: { userId: account.id, assigned } }));
    if (out) setAccounts((list) => list && list.map((a) => ({ ...a, assigned: out.userIds.includes(a.id) })));
  };

  return (
    <section aria-labelledby="displays-heading" data-testid="displays-panel" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="displays-heading" className="text-xl font-semibold">{t("displayAccounts")}</h2>
      <p className="text-sm text-slate-700">{t("displayAccountsHint")}</p>
      {accounts && accounts.length === 0 && <p className="text-slate-700" data-testid="no-display-accounts">{t("displayAccountsNone")}</p>}
      {accounts && accounts.length > 0 && (
        <ul className="divide-y divide-slate-100">
          {accounts.map((a) => (
            <li key={a.id} data-testid="display-account" data-assigned={String(a.assigned)} className="flex flex-wrap items-center gap-3 py-2">
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{a.name}{!a.active && <span className="ml-2 text-sm text-slate-500">{t("displayInactive")}</span>}</span>
                {a.title && <span className="block text-sm text-slate-600">{a.title}</span>}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-sm font-semibold ${a.assigned ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-700"}`}>
                {a.assigned ? t("displayAssigned") : t("displayNotAssigned")}
              </span>
              <button type="button" disabled={pending || (!a.assigned && !a.active)} onClick={() => assign(a, !a.assigned)} data-testid="display-toggle"
                aria-label={a.assigned ? t("displayUnassign", { name: a.name }) : t("displayAssign", { name: a.name })}
                className={`min-h-11 min-w-28 rounded-lg px-4 font-semibold disabled:opacity-60 ${a.assigned ? "border border-slate-300 bg-white text-slate-800" : "bg-brand-600 text-white"}`}>
                {a.assigned ? t("displayTakeOff") : t("displayPutOn")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} onRetry={retry} />
      <div className="space-y-2 border-t border-slate-100 pt-3">
        <h3 className="font-semibold">{t("displayLinkHeading")}</h3>
        <p className="text-sm text-slate-700" data-testid="display-link-state" data-active={String(snapshot.live.display)}>
          {snapshot.live.display ? t("displayActive") : t("displayNone")}
        </p>
        {snapshot.permissions.run && <DisplayControl snapshot={snapshot} embedded />}
      </div>
    </section>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { liveOps } from "@/lib/live/operations";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { useAction } from "@/components/ui/useAction";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { ConfirmButton } from "@/components/ui/ConfirmButton";

/**
 * The room display's link: made here (a new one ends the old), shown once, revocable. `embedded`: inside another
 * panel that says the link's state itself (the secretariat's room displays), without a card and heading of its own.
 */
export function DisplayControl({ snapshot, embedded = false }: { snapshot: MeetingSnapshot; embedded?: boolean }) {
  const t = useTranslations("live");
  const { meeting, live, permissions } = snapshot;
  const { error, pending, run, retry } = useAction();
  const [link, setLink] = useState<string | null>(null);
  if (!permissions.run) return null;
  const issue = async () => {
    const out = await run(() => call(liveOps.issueDisplay, { params: { meetingId: meeting.id }, body: {} }));
    if (out) setLink(`${window.location.origin}${out.path}`);
  };
  const controls = (
    <>
      {link && (
        <p className="break-all rounded-lg bg-slate-100 p-2 font-mono text-sm" data-testid="display-link">
          <a href={link} target="_blank" rel="noreferrer" className="inline-flex min-h-11 items-center text-brand-700 underline">{link}</a>
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} onClick={issue} className="min-h-11 rounded-lg border border-brand-600 px-4 font-semibold text-brand-700" data-testid="issue-display">
          {live.display ? t("displayRenew") : t("displayIssue")}
        </button>
        {live.display && (
          <ConfirmButton label={t("displayRevoke")} question={t("displayRevokeQuestion")} onConfirm={async () => { await run(() => call(liveOps.revokeDisplay, { params: { meetingId: meeting.id }, body: {} })); setLink(null); }} />
        )}
      </div>
      <ErrorNote error={error} onRetry={retry} />
    </>
  );
  if (embedded) return <div className="space-y-2">{controls}</div>;
  return (
    <section aria-labelledby="console-display" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="console-display" className="text-lg font-semibold">{t("display")}</h2>
      <p className="text-sm text-slate-700">{live.display ? t("displayActive") : t("displayNone")}</p>
      {controls}
    </section>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { meetingOps } from "@/lib/meetings/operations";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import type { MeetingSnapshot as SnapshotJson } from "@/lib/meetings/view";
import { inputClass } from "./fields";
import { PersonPicker } from "./PersonPicker";
import type { UserOption } from "./useUsers";

/** Submit → approve/return → publish; cancel; duplicate; print. Each button shows only when the policy allows it. */
export function WorkflowBar({ snapshot, users }: { snapshot: SnapshotJson; users: UserOption[] }) {
  const t = useTranslations("prep");
  const router = useRouter();
  const { meeting, permissions } = snapshot;
  const [approverId, setApproverId] = useState(meeting.approver?.id ?? "");
  const [comment, setComment] = useState("");
  const { error, run: runAction, retry } = useAction();
  const params = { meetingId: meeting.id };
  const baseVersion = meeting.version;

  async function duplicate() {
    const start = new Date(meeting.startsAt);
    const end = new Date(meeting.endsAt);
    const week = 7 * 86_400_000;
    const res = await runAction(() => call(meetingOps.duplicate, { params, body: { startsAt: new Date(start.getTime() + week).toISOString(), endsAt: new Date(end.getTime() + week).toISOString() } }));
    if (res) router.push(`/meetings/${res.meeting.id}`);
  }

  const reviewer = meeting.approver?.name ?? meeting.chair?.name ?? "";
  // The server refuses an empty agenda too; here the button says why before anyone taps it.
  const emptyAgenda = snapshot.agenda.length === 0;
  return (
    <section aria-labelledby="workflow-heading" className="rounded-xl border border-brand-100 bg-brand-50 p-4">
      <h2 id="workflow-heading" className="mb-2 text-lg font-semibold">{t("workflow")}</h2>
      {meeting.reviewComment && meeting.status === "DRAFT" && (
        <p className="mb-2 rounded-lg bg-amber-100 p-2 text-amber-900" data-testid="returned">{t("returnedWith", { comment: meeting.reviewComment })}</p>
      )}
      {meeting.status === "SUBMITTED" && reviewer && <p className="mb-2 text-slate-700">{t("awaiting", { name: reviewer })}</p>}
      <div className="flex flex-wrap items-end gap-2">
        {permissions.submit && (
          <>
            <div className="min-w-80">
              <label htmlFor="approver" id="approver-label" className="mb-1 block text-sm font-medium">{t("approver")}</label>
              <PersonPicker id="approver" value={approverId} onChange={setApproverId} people={users} emptyLabel={t("approverDefault")} />
            </div>
            <button type="button" onClick={() => runAction(() => call(meetingOps.submit, { params, body: { approverId: approverId || null, baseVersion } }))} disabled={emptyAgenda}
              aria-describedby={emptyAgenda ? "submit-blocked" : undefined}
              className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-50" title={t("submitHint")}>{t("submit")}</button>
            {emptyAgenda && <p id="submit-blocked" className="min-h-11 content-center text-sm text-slate-700">{t("submitNeedsAgenda")}</p>}
          </>
        )}
        {permissions.review && (
          <>
            <div className="min-w-64 flex-1">
              <label htmlFor="review-comment" className="mb-1 block text-sm font-medium">{t("reviewComment")}</label>
              <input id="review-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} />
            </div>
            <button type="button" onClick={() => runAction(() => call(meetingOps.review, { params, body: { decision: "APPROVE", comment, baseVersion } }))} className="min-h-11 rounded-lg bg-emerald-700 px-4 font-semibold text-white">{t("approve")}</button>
            <button type="button" onClick={() => runAction(() => call(meetingOps.review, { params, body: { decision: "RETURN", comment, baseVersion } }))} className="min-h-11 rounded-lg border border-amber-500 bg-white px-4 font-semibold text-amber-900">{t("returnIt")}</button>
          </>
        )}
        {permissions.publish && (
          <ConfirmButton danger={false} label={t("publish")} question={t("publishQuestion")} confirmLabel={t("publish")}
            className="border-emerald-700 bg-emerald-700 font-semibold text-white hover:bg-emerald-800" onConfirm={() => runAction(() => call(meetingOps.publish, { params, body: { baseVersion } }))} />
        )}
        {permissions.edit && (
          <button type="button" onClick={duplicate} title={t("duplicateHint")} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3">{t("duplicate")}</button>
        )}
        <Link href={`/meetings/${meeting.id}/print`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3">{t("printAgenda")}</Link>
        {permissions.cancel && <ConfirmButton label={t("cancelMeeting")} question={t("cancelQuestion")} onConfirm={() => runAction(() => call(meetingOps.cancel, { params, body: { baseVersion } }))} className="bg-white" />}
      </div>
      <div className="mt-2"><ErrorNote error={error} onRetry={retry} /></div>
    </section>
  );
}

"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/http/client";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import type { SnapshotJson } from "@/components/meetings/MeetingView";
import { inputClass, UserSelect } from "./fields";
import type { UserOption } from "./useUsers";

/** Submit → approve/return → publish; cancel; duplicate; print. Each button shows only when the policy allows it. */
export function WorkflowBar({ snapshot, users, onChanged }: { snapshot: SnapshotJson; users: UserOption[]; onChanged: () => void }) {
  const t = useTranslations("prep");
  const router = useRouter();
  const { meeting, permissions } = snapshot;
  const [approverId, setApproverId] = useState(meeting.approver?.id ?? "");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const base = `/api/v1/meetings/${meeting.id}`;

  async function run(path: string, body: object) {
    setError(null);
    try {
      await api("POST", `${base}/${path}`, { ...body, baseVersion: meeting.version });
    } catch (e) {
      setError(e);
    }
    onChanged();
  }

  async function duplicate() {
    const start = new Date(meeting.startsAt);
    const end = new Date(meeting.endsAt);
    const week = 7 * 86_400_000;
    try {
      const res = await api("POST", `${base}/duplicate`, { startsAt: new Date(start.getTime() + week).toISOString(), endsAt: new Date(end.getTime() + week).toISOString() });
      router.push(`/meetings/${res.meeting.id}`);
    } catch (e) {
      setError(e);
    }
  }

  const reviewer = meeting.approver?.name ?? meeting.chair?.name ?? "";
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
            <div className="min-w-64">
              <label htmlFor="approver" className="mb-1 block text-sm font-medium">{t("approver")}</label>
              <UserSelect id="approver" value={approverId} onChange={setApproverId} users={users} emptyLabel={t("approverDefault")} />
            </div>
            <button type="button" onClick={() => run("submit", { approverId: approverId || null })}
              className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white" title={t("submitHint")}>{t("submit")}</button>
          </>
        )}
        {permissions.review && (
          <>
            <div className="min-w-64 flex-1">
              <label htmlFor="review-comment" className="mb-1 block text-sm font-medium">{t("reviewComment")}</label>
              <input id="review-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} />
            </div>
            <button type="button" onClick={() => run("review", { decision: "APPROVE", comment })} className="min-h-11 rounded-lg bg-emerald-700 px-4 font-semibold text-white">{t("approve")}</button>
            <button type="button" onClick={() => run("review", { decision: "RETURN", comment })} className="min-h-11 rounded-lg border border-amber-500 bg-white px-4 font-semibold text-amber-900">{t("returnIt")}</button>
          </>
        )}
        {permissions.publish && (
          <ConfirmButton danger={false} label={t("publish")} question={t("publishQuestion")} confirmLabel={t("publish")}
            className="border-emerald-700 bg-emerald-700 font-semibold text-white hover:bg-emerald-800" onConfirm={() => run("publish", {})} />
        )}
        {permissions.edit && (
          <button type="button" onClick={duplicate} title={t("duplicateHint")} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3">{t("duplicate")}</button>
        )}
        <Link href={`/meetings/${meeting.id}/print`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3">{t("printAgenda")}</Link>
        {permissions.cancel && <ConfirmButton label={t("cancelMeeting")} question={t("cancelQuestion")} onConfirm={() => run("cancel", {})} className="bg-white" />}
      </div>
      <div className="mt-2"><ErrorNote error={error} /></div>
    </section>
  );
}

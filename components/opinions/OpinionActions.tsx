"use client";
// The workflow buttons of a request, each shown only when the policy allows it (the server decides again):
// submit (secretariat), approve and send / return with a comment (the approver), close (secretariat).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { opinionOps } from "@/lib/opinions/operations";
import type { OpinionDetail } from "@/lib/opinions/schema";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { inputClass } from "@/components/prep/fields";

export function OpinionActions({ opinion }: { opinion: Pick<OpinionDetail, "id" | "may"> }) {
  const t = useTranslations("opinions");
  const router = useRouter();
  const [comment, setComment] = useState("");
  const { error, pending, run } = useAction();
  const params = { opinionId: opinion.id };
  const step = async (fn: () => Promise<unknown>) => {
    if ((await run(fn)) !== undefined) router.refresh();
  };
  const { may } = opinion;
  if (!may.submit && !may.review && !may.close) return null;
  return (
    <section className="space-y-3 rounded-xl border border-brand-100 bg-brand-50 p-4" data-testid="opinion-actions">
      <div className="flex flex-wrap items-end gap-2">
        {may.submit && (
          <button type="button" disabled={pending} onClick={() => step(() => call(opinionOps.submit, { params, body: {} }))}
            className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-50">{t("submit")}</button>
        )}
        {may.review && (
          <>
            <button type="button" disabled={pending} onClick={() => step(() => call(opinionOps.review, { params, body: { decision: "APPROVE", comment } }))}
              className="min-h-11 rounded-lg bg-green-700 px-4 font-semibold text-white disabled:opacity-50">{t("approve")}</button>
            <div className="min-w-64 flex-1">
              <label htmlFor="opinion-review-comment" className="mb-1 block text-sm font-medium">{t("returnComment")}</label>
              <input id="opinion-review-comment" value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} />
            </div>
            <button type="button" disabled={pending} onClick={() => step(() => call(opinionOps.review, { params, body: { decision: "RETURN", comment } }))}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-semibold disabled:opacity-50">{t("return")}</button>
          </>
        )}
        {may.close && <ConfirmButton label={t("close")} question={t("confirmClose")} onConfirm={() => step(() => call(opinionOps.close, { params, body: {} }))} />}
      </div>
      <ErrorNote error={error} />
    </section>
  );
}

import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { pageActor } from "@/lib/auth/page";
import { can } from "@/lib/policy";
import { verifyTrail } from "@/lib/audit/queries";
import { AppHeader } from "@/components/layout/AppHeader";

export const dynamic = "force-dynamic";

/** Administrators check the audit trail's hash chain: intact, or where it first breaks. */
export default async function AuditPage() {
  const actor = await pageActor();
  if (!can(actor, "audit.verify")) notFound();
  const report = await verifyTrail(actor);
  const t = await getTranslations("audit");
  const dates = await getDateFormat();
  const b = report.firstBroken;
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl space-y-4 p-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p role="status" data-testid="audit-status" data-intact={String(!b)}
          className={`rounded-xl border p-4 text-lg font-semibold ${b ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"}`}>
          {b
            ? t("broken", { seq: b.seq, action: b.action, subject: `${b.subjectType} ${b.subjectId}`, time: dates.dateTime(new Date(b.createdAt)), before: report.entries - 1 })
            : t("intact", { entries: report.entries })}
        </p>
        <p className="text-sm text-slate-600">{t("checkedAt", { time: dates.dateTime(new Date()) })} {t("command")}</p>
      </main>
    </>
  );
}

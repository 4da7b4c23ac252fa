"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/http/client";

/** One way to show an API error: the translated headline, then the server's specific message and field problems. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, "INTERNAL", String((error as Error)?.message ?? error));
  // A known reason is said in the user's language; otherwise the server's own words (field problems first).
  const reason = e.details?.reason as string | undefined;
  const detail = reason && t.has(`reasons.${reason}`)
    ? t(`reasons.${reason}`, e.details)
    : (e.fields ? Object.values(e.fields).flat().join(" · ") : "") || e.message;
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{t.has(e.code) ? t(e.code) : t("INTERNAL")}</p>
      <p className="text-sm">{detail}</p>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/http/client";

/** One way to show an API error: the translated headline, then the server's specific message and field problems. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, "INTERNAL", String((error as Error)?.message ?? error));
  const fieldText = e.fields ? Object.values(e.fields).flat().join(" · ") : "";
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{t.has(e.code) ? t(e.code) : t("INTERNAL")}</p>
      <p className="text-sm">{fieldText || e.message}</p>
    </div>
  );
}

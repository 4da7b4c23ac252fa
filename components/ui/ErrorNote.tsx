"use client";
import { useTranslations } from "next-intl";
import { ApiError } from "@/lib/http/client";

/**
 * One way to show an API error: the headline for its code, then the server's own message and field problems (already
 * in the user's language). Errors made in the browser (offline, cancelled) carry no message: the headline says it,
 * with a known `details.reason` when there is one.
 */
/** `onRetry`: offer to run the write again (for a lost connection or a server hiccup, not for invalid input). */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("errors");
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, "INTERNAL", "");
  const headline = t.has(e.code) ? t(e.code) : t("INTERNAL");
  const reason = e.details?.reason as string | undefined;
  const local = !e.message && reason && t.has(`reasons.${reason}`) ? t(`reasons.${reason}`) : "";
  const lines = [...new Set([e.message || local, ...Object.values(e.fields ?? {}).flat()])].filter((s) => s && s !== headline);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-900">
      <p className="font-medium">{headline}</p>
      {lines.length > 0 && <p className="text-sm">{lines.join(" · ")}</p>}
      {onRetry && (e.code === "OFFLINE" || e.code === "INTERNAL" || e.status >= 500) && (
        <button type="button" onClick={onRetry} className="mt-2 min-h-11 rounded-lg border border-red-300 bg-white px-4 font-semibold">{t("retry")}</button>
      )}
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import type { Quorum } from "@/lib/live/attendance";

/** Present against the meeting's rule: green when met, red when not. */
export function QuorumBadge({ quorum, large = false }: { quorum: Quorum; large?: boolean }) {
  const t = useTranslations("live");
  return (
    <div data-testid="quorum" data-met={String(quorum.met)} role="status"
      className={`inline-flex items-center gap-2 rounded-full px-3 font-semibold ${large ? "min-h-14 text-2xl" : "min-h-11"} ${quorum.met ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}>
      <span aria-hidden className={`rounded-full ${large ? "h-5 w-5" : "h-3 w-3"} ${quorum.met ? "bg-emerald-600" : "bg-red-600"}`} />
      {quorum.met ? t("quorumMet") : t("quorumNotMet")}
      <span className="font-normal">{t("quorumCount", { present: quorum.present, members: quorum.members, required: quorum.required })}</span>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { clockText, itemElapsedMs, overrunMs } from "@/lib/live/clock";
import type { LiveRow } from "@/lib/live/schema";

/** The current item's time against its planned minutes; over the plan it turns red and says by how much. */
export function ItemClock({ live, itemId, plannedMinutes, now, large = false }: { live: LiveRow; itemId: string; plannedMinutes: number; now: number; large?: boolean }) {
  const t = useTranslations("live");
  const elapsed = itemElapsedMs(live, itemId, now);
  const over = overrunMs(elapsed, plannedMinutes);
  return (
    <span suppressHydrationWarning data-testid="item-clock" className={`font-mono tabular-nums ${large ? "text-4xl" : "text-lg"} ${over ? "font-bold text-red-700" : "text-slate-800"}`}>
      {clockText(elapsed)}
      {plannedMinutes > 0 && <span className="text-slate-500"> / {clockText(plannedMinutes * 60_000)}</span>}
      {over > 0 && <span className={`ml-2 ${large ? "text-2xl" : "text-sm"}`} data-testid="overrun">{t("overrun", { time: clockText(over) })}</span>}
    </span>
  );
}

export function LiveStateBadge({ state }: { state: LiveRow["state"] }) {
  const t = useTranslations("live.state");
  const tone = { NOT_STARTED: "bg-slate-200 text-slate-800", RUNNING: "bg-emerald-600 text-white", PAUSED: "bg-amber-400 text-amber-950", CLOSED: "bg-slate-700 text-white" }[state];
  return <span data-testid="live-state" data-state={state} className={`inline-flex min-h-8 items-center rounded-full px-3 text-sm font-semibold ${tone}`}>{t(state)}</span>;
}

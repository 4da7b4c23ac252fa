"use client";
import { useTranslations } from "next-intl";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import type { LiveView } from "@/lib/live/view";
import { clockText, itemElapsedMs, overrunMs } from "@/lib/live/clock";
import type { useLiveCommand } from "./useLiveCommand";

/** The agenda in meeting order: previous / next, and any item by a tap; each with its time against the plan. */
export function AgendaControl({ snapshot, view, now, cmd }: { snapshot: MeetingSnapshot; view: LiveView; now: number; cmd: ReturnType<typeof useLiveCommand> }) {
  const t = useTranslations("live");
  const { live, permissions } = snapshot;
  const from = live.currentItemId;
  const drive = permissions.run;
  return (
    <section aria-labelledby="console-agenda" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 id="console-agenda" className="text-lg font-semibold">{t("agenda")}</h2>
        {drive && (
          <span className="ml-auto flex gap-2">
            <button type="button" disabled={cmd.pending || view.index <= 0} onClick={() => cmd.runMeeting({ command: "step", direction: -1, from })}
              className="min-h-11 rounded-lg border border-slate-300 px-4 font-semibold disabled:opacity-50" data-testid="previous-item">← {t("previous")}</button>
            <button type="button" disabled={cmd.pending || view.index >= view.items.length - 1} onClick={() => cmd.runMeeting({ command: "step", direction: 1, from })}
              className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-50" data-testid="next-item">{t("next")} →</button>
          </span>
        )}
      </div>
      <ol className="space-y-1">
        {view.items.map(({ node, number, depth }) => {
          const isCurrent = node.id === from;
          const spent = itemElapsedMs(live, node.id, now);
          const over = overrunMs(spent, node.plannedMinutes);
          return (
            <li key={node.id} style={{ paddingLeft: `${depth * 1.25}rem` }}>
              <button type="button" disabled={!drive || cmd.pending || isCurrent} onClick={() => cmd.runMeeting({ command: "goto", itemId: node.id })}
                data-testid="console-item" data-item-id={node.id} data-current={isCurrent ? "true" : undefined} aria-current={isCurrent ? "step" : undefined}
                className={`flex min-h-11 w-full items-baseline gap-2 rounded-lg px-2 py-1 text-left ${isCurrent ? "bg-brand-600 text-white" : "hover:bg-slate-50 disabled:hover:bg-transparent"}`}>
                <span className={`shrink-0 font-semibold ${isCurrent ? "" : "text-brand-700"}`}>{number}</span>
                <span className="min-w-0 flex-1">{node.title}</span>
                <span className={`shrink-0 font-mono text-sm tabular-nums ${over ? "font-bold text-red-600" : ""} ${isCurrent && over ? "rounded bg-white px-1" : ""}`}>
                  {spent > 0 ? clockText(spent) : "–"}{node.plannedMinutes > 0 ? ` / ${t("minutes", { count: node.plannedMinutes })}` : ""}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

"use client";
import { useTranslations } from "next-intl";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import type { LiveView } from "@/lib/live/view";
import { clockText, speakingTotals, speechMs } from "@/lib/live/clock";
import { SpeakerList, SpeakerName } from "@/components/live/SpeakerList";
import type { useLiveCommand } from "./useLiveCommand";

const small = "min-h-11 min-w-11 rounded-lg border border-slate-300 px-2 font-semibold disabled:opacity-40";
const LIMITS = [null, 60, 120, 180, 300, 600] as const;

/** The queue with the chair's buttons: floor, up, down, remove; next speaker; end the speech; the speaking limit. */
export function SpeakersControl({ snapshot, view, now, cmd }: { snapshot: MeetingSnapshot; view: LiveView; now: number; cmd: ReturnType<typeof useLiveCommand> }) {
  const t = useTranslations("live");
  const { live, permissions, participants } = snapshot;
  const canManage = permissions.run && live.state !== "NOT_STARTED" && live.state !== "CLOSED";
  const totals = speakingTotals(snapshot.speakers, now);
  // Who spoke: participants, and deputies who spoke in a member's place (no seat of their own).
  const names = new Map([...snapshot.speakers.map((r) => [r.user.id, r.user.name] as const), ...participants.map((p) => [p.user.id, p.user.name] as const)]);
  const items = new Map(view.items.map((i) => [i.node.id, `${i.number} ${i.node.title}`]));
  return (
    <section aria-labelledby="console-speakers" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="console-speakers" className="text-lg font-semibold">{t("speakers")}</h2>
        {canManage && (
          <span className="ml-auto flex flex-wrap gap-2">
            {view.speaking && (
              <button type="button" disabled={cmd.pending} onClick={() => cmd.speakers({ command: "end", requestId: view.speaking!.id })} className="min-h-11 rounded-lg border border-slate-300 px-3 font-semibold" data-testid="end-speech">{t("endSpeech")}</button>
            )}
            <button type="button" disabled={cmd.pending || (!view.speaking && view.queue.length === 0)} onClick={() => cmd.speakers({ command: "next", after: view.speaking?.id ?? null })}
              className="min-h-11 rounded-lg bg-brand-600 px-3 font-semibold text-white disabled:opacity-50" data-testid="next-speaker">{t("nextSpeaker")}</button>
          </span>
        )}
      </div>
      <SpeakerList speaking={view.speaking} queue={view.queue} limitSeconds={live.speakingLimitSeconds} now={now}
        controls={canManage ? (r, i) => (
          <span className="flex gap-1">
            <button type="button" className={`${small} bg-brand-600 text-white`} disabled={cmd.pending} onClick={() => cmd.speakers({ command: "floor", requestId: r.id })} data-testid="give-floor">{t("giveFloor")}</button>
            <button type="button" className={small} disabled={cmd.pending || i === 0} onClick={() => cmd.speakers({ command: "move", requestId: r.id, index: i - 1 })} aria-label={t("moveUp", { name: r.user.name })}>↑</button>
            <button type="button" className={small} disabled={cmd.pending || i === view.queue.length - 1} onClick={() => cmd.speakers({ command: "move", requestId: r.id, index: i + 1 })} aria-label={t("moveDown", { name: r.user.name })}>↓</button>
            <button type="button" className={`${small} text-red-800`} disabled={cmd.pending} onClick={() => cmd.speakers({ command: "remove", requestId: r.id })} aria-label={t("removeRequest", { name: r.user.name })}>✕</button>
          </span>
        ) : undefined} />
      {permissions.run && (
        <label className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{t("speakingLimit")}</span>
          <select value={live.speakingLimitSeconds ?? ""} disabled={cmd.pending} data-testid="speaking-limit"
            onChange={(e) => cmd.runMeeting({ command: "settings", speakingLimitSeconds: e.target.value ? Number(e.target.value) : null })}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            {LIMITS.map((l) => <option key={l ?? "none"} value={l ?? ""}>{l ? t("minutes", { count: l / 60 }) : t("noLimit")}</option>)}
          </select>
          {live.speakingLimitSeconds && <span className="text-sm text-slate-600" data-testid="limit-ends">{t("limitEndsFloor")}</span>}
        </label>
      )}
      {totals.size > 0 && (
        <details>
          <summary className="min-h-11 cursor-pointer content-center font-medium text-brand-700">{t("record")}</summary>
          <table className="w-full text-sm">
            <tbody>
              {[...totals].sort((a, b) => b[1] - a[1]).map(([userId, ms]) => (
                <tr key={userId} className="border-t border-slate-100"><td className="py-1">{names.get(userId) ?? userId}</td><td className="text-right font-mono">{clockText(ms)}</td></tr>
              ))}
            </tbody>
          </table>
          <ol className="mt-2 space-y-1 text-sm" data-testid="speech-record">
            {view.spoken.map((r) => (
              <li key={r.id}><SpeakerName row={r} /> — {r.agendaItemId ? items.get(r.agendaItemId) : t("noItem")} <span className="font-mono">({clockText(speechMs(r, now))})</span></li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

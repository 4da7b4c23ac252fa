"use client";
import { useTranslations } from "next-intl";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import type { LiveView } from "@/lib/live/view";
import { attendanceOf, countsForQuorum } from "@/lib/live/attendance";
import { quorumRules } from "@/lib/live/schema";
import type { useLiveCommand } from "./useLiveCommand";

const mark = "min-h-11 rounded-lg border px-3 text-sm font-semibold disabled:opacity-40";
const tone = { PRESENT: "bg-emerald-100 text-emerald-900", DEPUTY: "bg-sky-100 text-sky-900", EXCUSED: "bg-slate-200 text-slate-800", ABSENT: "bg-red-50 text-red-900" } as const;

/** The live attendance list; the chair or secretary checks people in (in person or by their deputy) or out. */
export function AttendanceControl({ snapshot, view, cmd }: { snapshot: MeetingSnapshot; view: LiveView; cmd: ReturnType<typeof useLiveCommand> }) {
  const t = useTranslations("live");
  const { participants, live, permissions } = snapshot;
  const drive = permissions.run;
  return (
    <section aria-labelledby="console-attendance" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="console-attendance" className="text-lg font-semibold">{t("attendance")}</h2>
        <span className="ml-auto text-sm text-slate-700" data-testid="attendance-summary">
          {t("quorumCount", { present: view.quorum.present, members: view.quorum.members, required: view.quorum.required })}
          {/* Why a represented seat is (not) in the count: the meeting's deputies setting, said where the count is. */}
          {view.quorum.deputies > 0 && (
            <span className="block text-right" data-testid="deputies-summary" data-counted={String(view.quorum.countsDeputies)}>
              {t("deputiesInCount", { count: view.quorum.deputies, counted: String(view.quorum.countsDeputies) })}
            </span>
          )}
        </span>
      </div>
      {drive && (
        <div className="flex flex-wrap items-center gap-3">
          <label className="block w-full min-w-0">
            <span className="mb-1 block text-sm font-medium">{t("quorumRule")}</span>
            <select value={live.quorumRule} disabled={cmd.pending} data-testid="quorum-rule"
              onChange={(e) => cmd.runMeeting({ command: "settings", quorumRule: e.target.value as (typeof quorumRules)[number] })}
              className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2">
              {quorumRules.map((r) => <option key={r} value={r}>{t(`rule.${r}`)}</option>)}
            </select>
            {live.quorumRule === "TWO_THIRDS" && <span className="mt-1 block text-xs text-slate-600">{t("ruleNote")}</span>}
          </label>
          <Toggle id="deputies-count" checked={live.quorumCountsDeputies} disabled={cmd.pending} label={t("deputiesCount")} note={t("deputiesNote")}
            onChange={(on) => cmd.runMeeting({ command: "settings", quorumCountsDeputies: on })} />
          <Toggle id="deputies-vote" checked={live.deputiesVote} disabled={cmd.pending} label={t("deputiesVote")} note={t("deputiesVoteNote")}
            onChange={(on) => cmd.runMeeting({ command: "settings", deputiesVote: on })} />
        </div>
      )}
      <ul className="divide-y divide-slate-100" data-testid="attendance-list">
        {participants.map((p) => {
          const a = attendanceOf(p);
          return (
            <li key={p.id} data-testid="attendee" data-participant-id={p.id} data-attendance={a} className="flex flex-wrap items-center gap-2 py-2">
              <span className="min-w-0 flex-1">
                <span className="font-medium">{p.user.name}</span>
                {!countsForQuorum(p) && <span className="ml-2 text-xs text-slate-500">{t("notCounted")}</span>}
                {p.rsvp === "DELEGATE" && p.deputyName && <span className="block text-sm text-slate-600">{t("deputyIs", { name: p.deputyName })}</span>}
                {p.rsvp === "ABSENT" && p.rsvpReason && <span className="block text-sm text-slate-600">{p.rsvpReason}</span>}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-sm font-semibold ${tone[a]}`}>{t(`attendanceState.${a}`)}</span>
              {drive && (
                <span className="flex gap-1">
                  <button type="button" className={`${mark} border-emerald-600 text-emerald-800`} disabled={cmd.pending || a === "PRESENT"}
                    onClick={() => cmd.mark({ participantId: p.id, mark: "PRESENT" })} aria-label={t("markPresent", { name: p.user.name })}>{t("present")}</button>
                  {p.rsvp === "DELEGATE" && (
                    <button type="button" className={`${mark} border-sky-600 text-sky-800`} disabled={cmd.pending || a === "DEPUTY"}
                      onClick={() => cmd.mark({ participantId: p.id, mark: "DEPUTY" })} aria-label={t("markDeputy", { name: p.user.name })}>{t("deputy")}</button>
                  )}
                  <button type="button" className={`${mark} border-slate-300`} disabled={cmd.pending || !p.checkedInAt}
                    onClick={() => cmd.mark({ participantId: p.id, mark: "ABSENT" })} aria-label={t("markAbsent", { name: p.user.name })}>{t("absent")}</button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One of the meeting's settings, on or off, with the note that says what it means (the note's id is `<id>-note`). */
function Toggle({ id, checked, disabled, label, note, onChange }: {
  id: string; checked: boolean; disabled: boolean; label: string; note: string; onChange: (on: boolean) => void;
}) {
  return (
    <div className="w-full">
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="h-5 w-5" checked={checked} disabled={disabled} aria-describedby={`${id}-note`} data-testid={id}
          onChange={(e) => onChange(e.target.checked)} />
        <span className="text-sm">{label}</span>
      </label>
      <span id={`${id}-note`} className="block text-xs text-slate-600">{note}</span>
    </div>
  );
}

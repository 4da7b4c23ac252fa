"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, type ReactNode } from "react";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { useMeetingLive } from "@/lib/realtime/client";
import { liveView } from "@/lib/live/view";
import { MeetingLiveContext } from "@/components/meetings/live";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { ItemClock, LiveStateBadge } from "@/components/live/LiveClock";
import { QuorumBadge } from "@/components/live/QuorumBadge";
import { useNow } from "@/components/live/useNow";
import { AgendaControl } from "./AgendaControl";
import { SpeakersControl } from "./SpeakersControl";
import { AttendanceControl } from "./AttendanceControl";
import { PresenterControl } from "./PresenterControl";
import { DisplayControl } from "./DisplayControl";
import { useLiveCommand } from "./useLiveCommand";

const big = "min-h-12 rounded-lg px-5 text-lg font-semibold disabled:opacity-60";

/** The chair's (and the secretary's) console: drive the meeting; every tablet and the room display follow. */
export function ChairConsole({ initial }: { initial: MeetingSnapshot }) {
  const t = useTranslations("live");
  const { snapshot, connected, accept, expect } = useMeetingLive(initial);
  const liveCtx = useMemo(() => ({ accept, expect }), [accept, expect]);
  const view = useMemo(() => liveView(snapshot), [snapshot]);
  const { meeting, live, permissions } = snapshot;
  const now = useNow(live.state === "RUNNING" || !!view.speaking);
  const cmd = useLiveCommand(meeting.id);
  const { current } = view;
  const drive = permissions.run;
  const [pane, setPane] = useState<PaneId>("agenda");

  return (
    <MeetingLiveContext.Provider value={liveCtx}>
      <div className="space-y-4" data-testid="chair-console">
        <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/meetings/${meeting.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700">← {t("backToMeeting")}</Link>
            <LiveStateBadge state={live.state} />
            <span className="ml-auto flex items-center gap-2 text-sm" data-testid="live-status" data-connected={String(connected)}>
              <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${connected ? "bg-emerald-500" : connected === null ? "bg-slate-400" : "bg-amber-500"}`} />
              {connected ? t("connected") : connected === null ? t("connecting") : t("reconnecting")}
            </span>
          </div>
          <h1 className="text-2xl font-semibold leading-snug">{meeting.title}</h1>
          <div className="flex flex-wrap items-center gap-2">
            {drive && live.state === "NOT_STARTED" && (
              <button type="button" disabled={cmd.pending} onClick={() => cmd.runMeeting({ command: "start" })} className={`${big} bg-emerald-600 text-white`} data-testid="start-meeting">{t("start")}</button>
            )}
            {drive && live.state === "RUNNING" && (
              <button type="button" disabled={cmd.pending} onClick={() => cmd.runMeeting({ command: "pause" })} className={`${big} bg-amber-400 text-amber-950`} data-testid="pause-meeting">{t("pause")}</button>
            )}
            {drive && live.state === "PAUSED" && (
              <button type="button" disabled={cmd.pending} onClick={() => cmd.runMeeting({ command: "resume" })} className={`${big} bg-emerald-600 text-white`} data-testid="resume-meeting">{t("resume")}</button>
            )}
            {drive && (live.state === "RUNNING" || live.state === "PAUSED") && (
              <ConfirmButton label={t("close")} question={t("closeQuestion")} confirmLabel={t("close")} onConfirm={() => cmd.runMeeting({ command: "close" })} className="min-h-12 text-lg" />
            )}
            <span className="ml-auto"><QuorumBadge quorum={view.quorum} /></span>
          </div>
          {current && (
            <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-lg bg-brand-50 p-3" data-testid="console-current">
              <span className="text-sm font-medium text-slate-600">{t("currentItem")}</span>
              <span className="text-xl font-semibold"><span className="text-brand-700">{current.number}</span> {current.node.title}</span>
              <ItemClock live={live} itemId={current.node.id} plannedMinutes={current.node.plannedMinutes} now={now} />
            </div>
          )}
          <ErrorNote error={cmd.error} onRetry={cmd.retry} />
        </section>

        {/* Portrait (narrower than 1024 px): one column of tabs, each pane full width; landscape: both columns. */}
        <ConsoleTabs pane={pane} onChange={setPane} badges={{ speakers: view.queue.length + (view.speaking ? 1 : 0), attendance: `${view.quorum.present}/${view.quorum.members}` }} />
        {/* Below 1024 px the columns dissolve (display: contents): a hidden pane leaves no gap. */}
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="contents lg:block lg:space-y-4">
            <Pane id="agenda" shown={pane}>
              <AgendaControl snapshot={snapshot} view={view} now={now} cmd={cmd} />
              <PresenterControl snapshot={snapshot} view={view} cmd={cmd} />
            </Pane>
          </div>
          <div className="contents lg:block lg:space-y-4">
            <Pane id="speakers" shown={pane}>
              <SpeakersControl snapshot={snapshot} view={view} now={now} cmd={cmd} />
            </Pane>
            <Pane id="attendance" shown={pane}>
              <AttendanceControl snapshot={snapshot} view={view} cmd={cmd} />
              <DisplayControl snapshot={snapshot} />
            </Pane>
          </div>
        </div>
      </div>
    </MeetingLiveContext.Provider>
  );
}

const PANES = ["agenda", "speakers", "attendance"] as const;
type PaneId = (typeof PANES)[number];

/** The tabs of the portrait console (hidden from 1024 px on, where every pane shows): arrow keys move between them. */
function ConsoleTabs({ pane, onChange, badges }: { pane: PaneId; onChange: (p: PaneId) => void; badges: Partial<Record<PaneId, number | string>> }) {
  const t = useTranslations("live");
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const go = (i: number) => {
    const next = PANES[(i + PANES.length) % PANES.length];
    onChange(next);
    tabs.current[PANES.indexOf(next)]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("panes.label")} className="grid grid-cols-3 gap-1 rounded-xl bg-slate-200 p-1 lg:hidden" data-testid="console-tabs">
      {PANES.map((p, i) => {
        const badge = badges[p];
        return (
          <button key={p} ref={(el) => { tabs.current[i] = el; }} type="button" role="tab" id={`console-tab-${p}`} aria-controls={`console-pane-${p}`}
            aria-selected={pane === p} tabIndex={pane === p ? 0 : -1} data-testid={`console-tab-${p}`}
            onClick={() => onChange(p)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") go(i + 1);
              else if (e.key === "ArrowLeft") go(i - 1);
              else return;
              e.preventDefault();
            }}
            className={`flex min-h-12 items-center justify-center gap-2 rounded-lg px-2 text-base font-semibold ${pane === p ? "bg-white text-brand-700 shadow" : "text-slate-700"}`}>
            {t(`panes.${p}`)}
            {badge !== undefined && badge !== 0 && (
              <span className={`rounded-full px-2 text-sm ${pane === p ? "bg-brand-100 text-brand-800" : "bg-slate-300 text-slate-800"}`} data-testid={`console-tab-badge-${p}`}>{badge}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}

/** One pane: in portrait only the chosen one shows; from 1024 px on, all of them. */
function Pane({ id, shown, children }: { id: PaneId; shown: PaneId; children: ReactNode }) {
  return (
    <div id={`console-pane-${id}`} role="tabpanel" aria-labelledby={`console-tab-${id}`} data-testid={`console-pane-${id}`}
      className={`space-y-4 ${id === shown ? "" : "hidden lg:block"}`}>
      {children}
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { useEffect, useMemo, useState } from "react";
import { call } from "@/lib/http/client";
import { notificationOps } from "@/lib/notifications/operations";
import type { AgendaNode, MeetingSnapshot } from "@/lib/meetings/view";
import { useMeetingLive, useSeenVersion } from "@/lib/realtime/client";
import { MeetingLiveContext } from "./live";
import { StatusBadge } from "./StatusBadge";
import { MeetingRefused } from "./MeetingRefused";
import { DocumentList } from "./DocumentList";
import { RsvpPanel } from "./RsvpPanel";
import { AgendaBuilder } from "@/components/prep/AgendaBuilder";
import { ParticipantsPanel } from "@/components/prep/ParticipantsPanel";
import { DisplaysPanel } from "@/components/prep/DisplaysPanel";
import { WorkflowBar } from "@/components/prep/WorkflowBar";
import { MeetingForm, meetingFormValues } from "@/components/prep/MeetingForm";
import { useUsers } from "@/components/prep/useUsers";
import { ItemDocuments } from "./ItemDocuments";
import { VotesPanel } from "@/components/votes/VotesPanel";
import { timePlan } from "@/lib/agenda/timeplan";
import Link from "next/link";
import { ReadingProgressLink } from "@/components/reader/ReadingProgressLink";
import { liveView } from "@/lib/live/view";
import { MemberLivePanel } from "@/components/live/MemberLivePanel";
import { DeputySeats } from "@/components/live/DeputySeats";
import { useFollow } from "@/components/live/useFollow";

type SnapshotJson = MeetingSnapshot;
type Node = AgendaNode;

/** Start–end of each item from the meeting start (the same time plan as the printed agenda). */
export function useTimeSlots(startsAt: string, agenda: Node[]) {
  const dates = useDateFormat();
  return useMemo(() => {
    const plan = timePlan(startsAt, agenda);
    const hm = dates.time;
    return { plan, slot: new Map(plan.items.map((i) => [i.node.id, `${hm(i.start)}–${hm(i.end)}`])) };
  }, [startsAt, agenda, dates]);
}

/** Ids of items and papers changed since this participant last looked (from the version they had seen). */
function changedSince(s: SnapshotJson, seen: number): string[] {
  if (!seen) return []; // first visit: everything is new, nothing to single out
  const out: string[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.changedAtVersion > seen) out.push(n.id);
      for (const d of n.documents) if (d.changedAtVersion > seen) out.push(d.id);
      walk(n.children);
    }
  };
  walk(s.agenda);
  for (const d of s.meetingDocuments) if (d.changedAtVersion > seen) out.push(d.id);
  return out;
}

/**
 * `initial`: the snapshot as the snapshot API answered it (MeetingLoader).
 * `lastSeenVersion`: the meeting version this participant had seen when they last left the page.
 */
export function MeetingView({ initial, lastSeenVersion }: { initial: SnapshotJson; lastSeenVersion: number }) {
  const t = useTranslations();
  const dates = useDateFormat();
  const { snapshot, connected, changed: liveChanged, refused, accept, expect } = useMeetingLive(initial);
  const live = useMemo(() => ({ accept, expect }), [accept, expect]);
  const { meeting, agenda, meetingDocuments, permissions, me } = snapshot;
  const staff = permissions.edit;
  const users = useUsers(staff || permissions.submit);
  const initialSeen = lastSeenVersion;
  const [editingDetails, setEditingDetails] = useState(false);
  // Highlights are for readers; an editor does not need their own edits flagged back at them.
  const changed = useMemo(
    () => (staff ? new Set<string>() : new Set([...changedSince(snapshot, initialSeen), ...liveChanged])),
    [staff, snapshot, initialSeen, liveChanged],
  );

  // What this participant has now seen, recorded when they leave (the highlights above stay until then).
  useSeenVersion(meeting.id, meeting.version, me !== null);
  // Opening the meeting is reading its invitation (and any other notice about it): the bell's badge goes down.
  useEffect(() => {
    void call(notificationOps.read, { body: { meetingId: meeting.id } }).catch(() => {});
  }, [meeting.id]);

  const { plan, slot } = useTimeSlots(meeting.startsAt, agenda);
  // The running meeting: the current item is highlighted everywhere; a member may follow it or browse freely.
  const meetingLive = snapshot.live;
  const view = useMemo(() => liveView(snapshot), [snapshot]);
  const running = meetingLive.state === "RUNNING" || meetingLive.state === "PAUSED";
  const follow = useFollow(meeting.id, running ? meetingLive.currentItemId : null);
  const current = running ? meetingLive.currentItemId : null;
  const overrun = Math.round((plan.end.getTime() - new Date(meeting.endsAt).getTime()) / 60_000);

  const docs = (node: Node | null) => (
    <ItemDocuments meetingId={meeting.id} agendaItemId={node?.id ?? null} documents={node ? node.documents : meetingDocuments}
      editable={staff} participants={snapshot.participants} changed={changed} />
  );

  if (refused) return <MeetingRefused />;

  return (
    <MeetingLiveContext.Provider value={live}>
    <div className="space-y-4">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={meeting.status} />
          <span className="text-sm text-slate-600">{t(`kind.${meeting.kind}`)}</span>
          <span className="ml-auto flex items-center gap-2 text-sm" role="status" aria-live="polite" data-testid="live-status" data-connected={String(connected)}>
            <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${connected ? "bg-emerald-500" : connected === null ? "bg-slate-400" : "bg-amber-500"}`} />
            {connected ? t("meeting.live") : connected === null ? t("meeting.connecting") : t("meeting.offline")}
          </span>
        </div>
        <h1 className="text-2xl font-semibold leading-snug">{meeting.title}</h1>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-slate-700 sm:grid-cols-2">
          <div><dt className="inline font-medium">{t("meeting.time")}: </dt>
            <dd className="inline" data-testid="meeting-time">{dates.timeRange(new Date(meeting.startsAt), new Date(meeting.endsAt))}</dd></div>
          {meeting.location && <div><dt className="inline font-medium">{t("meeting.location")}: </dt><dd className="inline">{meeting.location}</dd></div>}
          {meeting.chair && <div><dd>{t("meetings.chair", { name: meeting.chair.name })}</dd></div>}
        </dl>
        {staff && (
          <details className="mt-3" onToggle={(e) => setEditingDetails(e.currentTarget.open)}>
            <summary className="min-h-11 cursor-pointer content-center font-medium text-brand-700">{t("prep.details")}</summary>
            {/* Mounted when opened: the form starts from the meeting as it is then, and live changes leave it alone. */}
            <div className="mt-2">
              {editingDetails && <MeetingForm users={users} meetingId={meeting.id} baseVersion={meeting.version} onSaved={() => {}} initial={meetingFormValues(meeting)} />}
            </div>
          </details>
        )}
      </section>

      {permissions.run && (
        <Link href={`/meetings/${meeting.id}/chair`} data-testid="open-console"
          className="flex min-h-11 items-center justify-center rounded-xl bg-brand-600 px-4 text-lg font-semibold text-white shadow-sm">
          {t("live.openConsole")}
        </Link>
      )}
      <DeputySeats meetingId={meeting.id} seats={view.deputyFor} mayCheckIn={permissions.checkInDeputy} />
      {meetingLive.state !== "NOT_STARTED" && <MemberLivePanel snapshot={snapshot} view={view} follow={follow} />}

      {(staff || permissions.submit || permissions.review || permissions.publish) && <WorkflowBar snapshot={snapshot} users={users} />}
      {permissions.rsvp && me && <RsvpPanel meetingId={meeting.id} mine={me} />}
      <VotesPanel snapshot={snapshot} />

      <section aria-labelledby="agenda-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="agenda-heading" className="text-xl font-semibold">{staff ? t("prep.agendaBuilder") : t("meeting.agenda")}</h2>
          <span className="text-sm text-slate-600" data-testid="total-time">{t("meeting.totalTime", { minutes: plan.totalMinutes })}</span>
          <Link href={`/meetings/${meeting.id}/print`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">{t("prep.printAgenda")}</Link>
          <ReadingProgressLink snapshot={snapshot} />
        </div>
        {staff && overrun > 0 && <p className="mb-2 rounded-lg bg-amber-100 p-2 text-amber-900" role="status">{t("prep.overrun", { minutes: overrun })}</p>}
        {staff ? (
          <AgendaBuilder snapshot={snapshot} users={users} renderDocuments={docs} changed={changed} slots={slot} />
        ) : agenda.length === 0 ? (
          <p className="text-slate-600">{t("meeting.noAgenda")}</p>
        ) : (
          <AgendaTree nodes={agenda} prefix="" changed={changed} slots={slot} current={current} />
        )}
      </section>

      {(meetingDocuments.length > 0 || staff) && (
        <section aria-labelledby="docs-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="docs-heading" className="mb-2 text-xl font-semibold">{t("meeting.meetingDocuments")}</h2>
          {docs(null)}
        </section>
      )}

      {(staff || snapshot.participants.length > 0) && (
        <ParticipantsPanel snapshot={snapshot} users={users} editable={staff} />
      )}
      {staff && <DisplaysPanel snapshot={snapshot} />}
    </div>
    </MeetingLiveContext.Provider>
  );
}

function AgendaTree({ nodes, prefix, changed, slots, current }: { nodes: Node[]; prefix: string; changed: Set<string>; slots: Map<string, string>; current: string | null }) {
  const t = useTranslations("meeting");
  return (
    <ol className={prefix ? "mt-2 space-y-2 border-l-2 border-slate-200 pl-4" : "space-y-3"} data-testid="agenda-list">
      {nodes.map((n, i) => {
        const number = `${prefix}${i + 1}.`;
        return (
          <li key={n.id} data-testid="agenda-item" data-item-id={n.id} data-current={n.id === current ? "true" : undefined} aria-current={n.id === current ? "step" : undefined}>
            {/* The number keeps its own column: a long title wraps beside it, never leaving "2." alone on a line. */}
            <div className={`flex items-baseline gap-2 rounded-lg p-2 ${n.id === current ? "bg-brand-50 ring-2 ring-brand-600" : changed.has(n.id) ? "bg-amber-50 ring-2 ring-amber-300" : ""}`}>
              <span className="shrink-0 font-semibold text-brand-700">{number}</span>
              <div className="min-w-0 flex-1">
                <p>
                  <span className="font-medium" data-testid="agenda-title">{n.title}</span>
                  {n.id === current && <span className="ml-2 rounded bg-brand-600 px-1.5 text-xs font-semibold text-white">{t("now")}</span>}
                  {changed.has(n.id) && <span className="ml-2 rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-900">{t("updated")}</span>}
                </p>
                {n.plannedMinutes > 0 && <p className="text-sm text-slate-600" data-testid="time-slot">{slots.get(n.id)} ({t("minutes", { count: n.plannedMinutes })})</p>}
                {n.presenter && <p className="text-sm text-slate-600">{t("presenter", { name: n.presenter.name })}</p>}
                {n.description && <p className="mt-1 text-slate-700">{n.description}</p>}
                {n.documents.length > 0 && <DocumentList documents={n.documents} changed={changed} />}
              </div>
            </div>
            {n.children.length > 0 && <AgendaTree nodes={n.children} prefix={number} changed={changed} slots={slots} current={current} />}
          </li>
        );
      })}
    </ol>
  );
}

"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo } from "react";
import type { AgendaNode, MeetingSnapshot } from "@/lib/meetings/queries";
import type { Jsonified } from "@/lib/http/json";
import { api } from "@/lib/http/client";
import { useMeetingLive } from "@/lib/realtime/client";
import { StatusBadge } from "./StatusBadge";
import { DocumentList } from "./DocumentList";
import { RsvpPanel } from "./RsvpPanel";
import { AgendaBuilder } from "@/components/prep/AgendaBuilder";
import { ParticipantsPanel } from "@/components/prep/ParticipantsPanel";
import { WorkflowBar } from "@/components/prep/WorkflowBar";
import { MeetingForm } from "@/components/prep/MeetingForm";
import { useUsers } from "@/components/prep/useUsers";
import { ItemDocuments } from "./ItemDocuments";
import { timePlan } from "@/lib/agenda/timeplan";
import Link from "next/link";

export type SnapshotJson = Jsonified<MeetingSnapshot>;
type Node = Jsonified<AgendaNode>;

async function fetchSnapshot(meetingId: string): Promise<SnapshotJson> {
  const res = await fetch(`/api/v1/meetings/${meetingId}`, { cache: "no-store" });
  if (!res.ok) throw new Error(String(res.status));
  return res.json();
}

/** Start–end of each item from the meeting start (the same time plan as the printed agenda). */
export function useTimeSlots(startsAt: string, agenda: Node[]) {
  const format = useFormatter();
  return useMemo(() => {
    const plan = timePlan(startsAt, agenda);
    const hm = (d: Date) => format.dateTime(d, { hour: "2-digit", minute: "2-digit" });
    return { plan, slot: new Map(plan.items.map((i) => [i.node.id, `${hm(i.start)}–${hm(i.end)}`])) };
  }, [startsAt, agenda, format]);
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

export function MeetingView({ initial }: { initial: SnapshotJson }) {
  const t = useTranslations();
  const format = useFormatter();
  const fetcher = useCallback(fetchSnapshot, []);
  const { snapshot, connected, changed: liveChanged, refresh } = useMeetingLive(initial, fetcher);
  const { meeting, agenda, meetingDocuments, permissions, me } = snapshot;
  const staff = permissions.edit;
  const users = useUsers(staff || permissions.submit);
  const initialSeen = initial.me?.lastSeenVersion ?? 0;
  // Highlights are for readers; an editor does not need their own edits flagged back at them.
  const changed = useMemo(
    () => (staff ? new Set<string>() : new Set([...changedSince(snapshot, initialSeen), ...liveChanged])),
    [staff, snapshot, initialSeen, liveChanged],
  );

  // What this participant has now seen (the highlights above stay until they leave the page).
  useEffect(() => {
    if (me) void api("POST", `/api/v1/meetings/${meeting.id}/seen`, { version: meeting.version }).catch(() => {});
  }, [me, meeting.id, meeting.version]);

  const { plan, slot } = useTimeSlots(meeting.startsAt, agenda);
  const overrun = Math.round((plan.end.getTime() - new Date(meeting.endsAt).getTime()) / 60_000);

  const docs = (node: Node | null) => (
    <ItemDocuments meetingId={meeting.id} agendaItemId={node?.id ?? null} documents={node ? node.documents : meetingDocuments}
      editable={staff} participants={snapshot.participants} changed={changed} onChanged={refresh} />
  );

  return (
    <div className="space-y-4">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={meeting.status} />
          <span className="text-sm text-slate-600">{t(`kind.${meeting.kind}`)}</span>
          <span className="ml-auto flex items-center gap-2 text-sm" role="status" aria-live="polite" data-testid="live-status">
            <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${connected ? "bg-emerald-500" : connected === null ? "bg-slate-400" : "bg-amber-500"}`} />
            {connected ? t("meeting.live") : connected === null ? t("meeting.connecting") : t("meeting.offline")}
          </span>
        </div>
        <h1 className="text-2xl font-semibold leading-snug">{meeting.title}</h1>
        <dl className="mt-2 grid gap-1 text-slate-700 sm:grid-cols-2">
          <div><dt className="inline font-medium">{t("meeting.time")}: </dt>
            <dd className="inline">{format.dateTime(new Date(meeting.startsAt), { dateStyle: "full", timeStyle: "short" })}</dd></div>
          {meeting.location && <div><dt className="inline font-medium">{t("meeting.location")}: </dt><dd className="inline">{meeting.location}</dd></div>}
          {meeting.chair && <div><dd>{t("meetings.chair", { name: meeting.chair.name })}</dd></div>}
        </dl>
        {staff && (
          <details className="mt-3">
            <summary className="min-h-11 cursor-pointer content-center font-medium text-brand-700">{t("prep.details")}</summary>
            <div className="mt-2">
              <MeetingForm key={meeting.version} users={users} meetingId={meeting.id} baseVersion={meeting.version} onSaved={() => void refresh()}
                initial={{ title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt, endsAt: meeting.endsAt, location: meeting.location, chairId: meeting.chair?.id ?? null, approverId: meeting.approver?.id ?? null }} />
            </div>
          </details>
        )}
      </section>

      {(staff || permissions.submit || permissions.review || permissions.publish) && <WorkflowBar snapshot={snapshot} users={users} onChanged={() => void refresh()} />}
      {permissions.rsvp && me && <RsvpPanel meetingId={meeting.id} current={me.rsvp} onChanged={() => void refresh()} />}

      <section aria-labelledby="agenda-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="agenda-heading" className="text-xl font-semibold">{staff ? t("prep.agendaBuilder") : t("meeting.agenda")}</h2>
          <span className="text-sm text-slate-600" data-testid="total-time">{t("meeting.totalTime", { minutes: plan.totalMinutes })}</span>
          <Link href={`/meetings/${meeting.id}/print`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">{t("prep.printAgenda")}</Link>
        </div>
        {staff && overrun > 0 && <p className="mb-2 rounded-lg bg-amber-100 p-2 text-amber-900" role="status">{t("prep.overrun", { minutes: overrun })}</p>}
        {staff ? (
          <AgendaBuilder snapshot={snapshot} users={users} onChanged={() => void refresh()} renderDocuments={docs} changed={changed} slots={slot} />
        ) : agenda.length === 0 ? (
          <p className="text-slate-600">{t("meeting.noAgenda")}</p>
        ) : (
          <AgendaTree nodes={agenda} prefix="" changed={changed} slots={slot} />
        )}
      </section>

      {(meetingDocuments.length > 0 || staff) && (
        <section aria-labelledby="docs-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="docs-heading" className="mb-2 text-xl font-semibold">{t("meeting.meetingDocuments")}</h2>
          {docs(null)}
        </section>
      )}

      {(staff || snapshot.participants.length > 0) && (
        <ParticipantsPanel snapshot={snapshot} users={users} editable={staff} onChanged={() => void refresh()} />
      )}
    </div>
  );
}

function AgendaTree({ nodes, prefix, changed, slots }: { nodes: Node[]; prefix: string; changed: Set<string>; slots: Map<string, string> }) {
  const t = useTranslations("meeting");
  return (
    <ol className={prefix ? "mt-2 space-y-2 border-l-2 border-slate-200 pl-4" : "space-y-3"} data-testid="agenda-list">
      {nodes.map((n, i) => {
        const number = `${prefix}${i + 1}.`;
        return (
          <li key={n.id} data-testid="agenda-item" data-item-id={n.id}>
            <div className={`rounded-lg p-2 ${changed.has(n.id) ? "bg-amber-50 ring-2 ring-amber-300" : ""}`}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-semibold text-brand-700">{number}</span>
                <span className="font-medium" data-testid="agenda-title">{n.title}</span>
                {changed.has(n.id) && <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-900">{t("updated")}</span>}
                {n.plannedMinutes > 0 && <span className="text-sm text-slate-600">· {slots.get(n.id)} ({t("minutes", { count: n.plannedMinutes })})</span>}
              </div>
              {n.presenter && <p className="text-sm text-slate-600">{t("presenter", { name: n.presenter.name })}</p>}
              {n.description && <p className="mt-1 text-slate-700">{n.description}</p>}
              {n.documents.length > 0 && <DocumentList documents={n.documents} changed={changed} />}
            </div>
            {n.children.length > 0 && <AgendaTree nodes={n.children} prefix={number} changed={changed} slots={slots} />}
          </li>
        );
      })}
    </ol>
  );
}

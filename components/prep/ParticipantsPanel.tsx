"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { meetingOps } from "@/lib/meetings/operations";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import type { MeetingSnapshot as SnapshotJson } from "@/lib/meetings/view";
import { Field, inputClass } from "./fields";
import { PersonPicker } from "./PersonPicker";
import type { UserOption } from "./useUsers";
import { meetingRole } from "@/lib/meetings/schema";

const ROLES = meetingRole.options;
type Role = (typeof ROLES)[number];
const RSVP_COLORS: Record<string, string> = {
  PENDING: "bg-slate-100 text-slate-700",
  ATTEND: "bg-emerald-100 text-emerald-900",
  ABSENT: "bg-red-100 text-red-900",
  DELEGATE: "bg-amber-100 text-amber-900",
};

/** Participants with their answers (live), and — for the secretariat — add / change / remove. */
export function ParticipantsPanel({ snapshot, users, editable }: {
  snapshot: SnapshotJson; users: UserOption[]; editable: boolean;
}) {
  const t = useTranslations();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [mayVote, setMayVote] = useState(true);
  const { error, run, retry } = useAction();
  const taken = new Set(snapshot.participants.map((p) => p.user.id));
  const version = snapshot.meeting.version;


  return (
    <section aria-labelledby="participants-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="participants-heading" className="mb-3 text-xl font-semibold">{t("prep.participants")} ({snapshot.participants.length})</h2>
      <ul className="divide-y divide-slate-100" data-testid="participants">
        {snapshot.participants.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-2 py-2" data-testid="participant" data-user-id={p.user.id}>
            <div className="min-w-48 flex-1">
              <p className="font-medium">{p.user.name}</p>
              {p.user.title && <p className="text-sm text-slate-600">{p.user.title}</p>}
            </div>
            <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${RSVP_COLORS[p.rsvp]}`} data-testid="rsvp">{t(`prep.rsvp.${p.rsvp}`)}</span>
            {p.rsvpReason && <span className="text-sm text-slate-600">“{p.rsvpReason}”</span>}
            {p.deputyName && <span className="text-sm text-slate-600" data-testid="deputy-name">{t("prep.deputy", { name: p.deputyName })}</span>}
            {editable ? (
              <>
                <select aria-label={`${t("prep.meetingRole")}: ${p.user.name}`} value={p.role}
                  onChange={(e) => run(() => call(meetingOps.updateParticipant, { params: { participantId: p.id }, body: { role: e.target.value as Role, baseVersion: version } }))}
                  className="min-h-11 rounded-lg border border-slate-300 px-2">
                  {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                </select>
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" className="h-5 w-5" checked={p.mayVote} disabled={p.role === "OBSERVER"}
                    onChange={(e) => run(() => call(meetingOps.updateParticipant, { params: { participantId: p.id }, body: { mayVote: e.target.checked, baseVersion: version } }))} />
                  {t("prep.mayVote")}
                </label>
                <ConfirmButton label={t("prep.remove")} question={t("prep.removeQuestion", { name: p.user.name })}
                  onConfirm={() => run(() => call(meetingOps.removeParticipant, { params: { participantId: p.id }, body: { baseVersion: version } }))} />
              </>
            ) : (
              <span className="text-sm text-slate-600">{t(`role.${p.role}`)}</span>
            )}
            {p.rsvp === "DELEGATE" && snapshot.permissions.nameDeputy && (
              <div className="w-full max-w-xl" data-testid="deputy-account">
                <Field label={t("prep.deputyAccount", { name: p.user.name })} id={`deputy-account-${p.id}`}>
                  <PersonPicker id={`deputy-account-${p.id}`} value={p.deputyUserId ?? ""} emptyLabel={t("prep.deputyAccountNone")}
                    people={users.filter((u) => u.id !== p.user.id)}
                    onChange={(deputyUserId) => {
                      if (deputyUserId !== (p.deputyUserId ?? "")) void run(() => call(meetingOps.nameDeputy, { params: { participantId: p.id }, body: { deputyUserId: deputyUserId || null, baseVersion: version } }));
                    }} />
                </Field>
                <p className="mt-1 text-sm text-slate-600">{t("prep.deputyAccountHint")}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form className="mt-3 grid items-end gap-3 border-t border-slate-200 pt-3 sm:grid-cols-[2fr_1fr_auto_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId) void run(async () => {
              await call(meetingOps.addParticipant, { params: { meetingId: snapshot.meeting.id }, body: { userId, role, mayVote, baseVersion: version } });
              setUserId("");
            });
          }}>
          <Field label={t("prep.user")} id="add-participant-user">
            <PersonPicker id="add-participant-user" value={userId} onChange={setUserId} people={users.filter((u) => !taken.has(u.id))} emptyLabel={t("prep.none")} />
          </Field>
          <Field label={t("prep.meetingRole")} id="add-participant-role">
            <select id="add-participant-role" value={role} onChange={(e) => setRole(e.target.value as typeof role)} className={inputClass}>
              {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
            </select>
          </Field>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="h-5 w-5" checked={mayVote && role !== "OBSERVER"} disabled={role === "OBSERVER"} onChange={(e) => setMayVote(e.target.checked)} />
            {t("prep.mayVote")}
          </label>
          <button type="submit" disabled={!userId} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-50">{t("prep.addParticipant")}</button>
        </form>
      )}
      <div className="mt-2"><ErrorNote error={error} onRetry={retry} /></div>
    </section>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api, ApiError } from "@/lib/http/client";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { Field, fromLocalInput, inputClass, toLocalInput, UserSelect } from "./fields";
import type { UserOption } from "./useUsers";

export interface MeetingFormValues {
  title: string; kind: string; startsAt: string; endsAt: string; location: string; chairId: string | null; approverId: string | null;
}

/** Create (no meetingId) or edit (with meetingId + baseVersion) a meeting's details. */
export function MeetingForm({ initial, users, meetingId, baseVersion, onSaved }: {
  initial: MeetingFormValues; users: UserOption[]; meetingId?: string; baseVersion?: number; onSaved: (meeting: { id: string }) => void;
}) {
  const t = useTranslations();
  const [v, setV] = useState({ ...initial, startsAt: toLocalInput(initial.startsAt), endsAt: toLocalInput(initial.endsAt) });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fields = error instanceof ApiError ? error.fields ?? {} : {};
  const set = (k: keyof typeof v) => (val: string) => setV((s) => ({ ...s, [k]: val }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { ...v, startsAt: fromLocalInput(v.startsAt), endsAt: fromLocalInput(v.endsAt), chairId: v.chairId || null, approverId: v.approverId || null };
    try {
      const res = meetingId
        ? await api("PATCH", `/api/v1/meetings/${meetingId}`, { ...body, baseVersion })
        : await api("POST", "/api/v1/meetings", body);
      onSaved(res.meeting);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" aria-label={t("prep.details")}>
      <div className="sm:col-span-2">
        <Field label={t("prep.meetingTitle")} id="m-title" error={fields.title}>
          <input id="m-title" required value={v.title} onChange={(e) => set("title")(e.target.value)} className={inputClass} />
        </Field>
      </div>
      <Field label={t("prep.kind")} id="m-kind" error={fields.kind}>
        <select id="m-kind" value={v.kind} onChange={(e) => set("kind")(e.target.value)} className={inputClass}>
          {["REGULAR", "EXTRAORDINARY", "THEMATIC"].map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </Field>
      <Field label={t("prep.location")} id="m-location" error={fields.location}>
        <input id="m-location" value={v.location} onChange={(e) => set("location")(e.target.value)} className={inputClass} />
      </Field>
      <Field label={t("prep.startsAt")} id="m-start" error={fields.startsAt}>
        <input id="m-start" type="datetime-local" required value={v.startsAt} onChange={(e) => set("startsAt")(e.target.value)} className={inputClass} />
      </Field>
      <Field label={t("prep.endsAt")} id="m-end" error={fields.endsAt}>
        <input id="m-end" type="datetime-local" required value={v.endsAt} onChange={(e) => set("endsAt")(e.target.value)} className={inputClass} />
      </Field>
      <Field label={t("prep.chair")} id="m-chair" error={fields.chairId}>
        <UserSelect id="m-chair" value={v.chairId ?? ""} onChange={set("chairId")} users={users} emptyLabel={t("prep.none")} />
      </Field>
      <Field label={t("prep.approver")} id="m-approver" error={fields.approverId}>
        <UserSelect id="m-approver" value={v.approverId ?? ""} onChange={set("approverId")} users={users} emptyLabel={t("prep.approverDefault")} />
      </Field>
      <div className="sm:col-span-2"><ErrorNote error={error} /></div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={busy} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white disabled:opacity-60">
          {busy ? t("prep.saving") : meetingId ? t("prep.save") : t("prep.create")}
        </button>
      </div>
    </form>
  );
}

"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call, ApiError } from "@/lib/http/client";
import { meetingOps } from "@/lib/meetings/operations";
import { meetingKind } from "@/lib/meetings/schema";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { ConflictView } from "@/components/ui/ConflictView";
import { conflictSnapshot, useAction } from "@/components/ui/useAction";
import { saveUnlessConflict } from "@/components/ui/conflict";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { DateTimeField } from "@/components/ui/DateTimeField";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { Field, inputClass } from "./fields";
import { PersonPicker } from "./PersonPicker";
import type { UserOption } from "./useUsers";

export interface MeetingFormValues {
  title: string; kind: (typeof meetingKind.options)[number]; startsAt: string; endsAt: string; location: string; chairId: string | null; approverId: string | null;
}

export const meetingFormValues = (m: MeetingSnapshot["meeting"]): MeetingFormValues => ({
  title: m.title, kind: m.kind, startsAt: m.startsAt, endsAt: m.endsAt, location: m.location, chairId: m.chair?.id ?? null, approverId: m.approver?.id ?? null,
});

/**
 * Create (no meetingId) or edit (with meetingId + baseVersion) a meeting's details. The form keeps what the user
 * typed and the version it was opened at: live changes elsewhere do not reset it, and saving over someone else's
 * newer save shows both versions instead of overwriting.
 */
export function MeetingForm({ initial, users, meetingId, baseVersion, onSaved }: {
  initial: MeetingFormValues; users: UserOption[]; meetingId?: string; baseVersion?: number; onSaved: (meeting: { id: string }) => void;
}) {
  const t = useTranslations();
  const [v, setV] = useState(initial);
  const dates = useDateFormat();
  const when = (iso: string) => (iso ? dates.dateTime(new Date(iso)) : "");
  /** What the form started from (or last saved): tells a real conflict from an unrelated change. */
  const [original, setOriginal] = useState(initial);
  const [base, setBase] = useState(baseVersion);
  const { error, pending, run, retry, clear } = useAction();
  const theirs = conflictSnapshot(error)?.meeting;
  const fields = error instanceof ApiError ? error.fields ?? {} : {};
  const set = (k: keyof typeof v) => (val: string) => setV((s) => ({ ...s, [k]: val }));
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name ?? (id ? id : t("prep.none"));

  async function save(version = base, from = original) {
    const body = { ...v, chairId: v.chairId || null, approverId: v.approverId || null };
    const res = await run(() => (meetingId
      ? saveUnlessConflict((baseVersion) => call(meetingOps.update, { params: { meetingId }, body: { ...body, baseVersion } }), version, from, (s) => meetingFormValues(s.meeting))
      : call(meetingOps.create, { body })));
    if (!res) return;
    if ("version" in res && typeof res.version === "number") setBase(res.version);
    setOriginal({ ...body, location: body.location });
    onSaved(res.meeting);
  }

  return (
    <form onSubmit={(e) => (e.preventDefault(), void save())} className="grid gap-3 sm:grid-cols-2" aria-label={t("prep.details")}>
      <div className="sm:col-span-2">
        <Field label={t("prep.meetingTitle")} id="m-title" error={fields.title}>
          <input id="m-title" required value={v.title} onChange={(e) => set("title")(e.target.value)} className={inputClass} />
        </Field>
      </div>
      <Field label={t("prep.kind")} id="m-kind" error={fields.kind}>
        <select id="m-kind" value={v.kind} onChange={(e) => set("kind")(e.target.value)} className={inputClass}>
          {meetingKind.options.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </Field>
      <Field label={t("prep.location")} id="m-location" error={fields.location}>
        <input id="m-location" value={v.location} onChange={(e) => set("location")(e.target.value)} className={inputClass} />
      </Field>
      <DateTimeField id="m-start" label={t("prep.startsAt")} value={v.startsAt} onChange={set("startsAt")} error={fields.startsAt} />
      <DateTimeField id="m-end" label={t("prep.endsAt")} value={v.endsAt} onChange={set("endsAt")} error={fields.endsAt} />
      <Field label={t("prep.chair")} id="m-chair" error={fields.chairId}>
        <PersonPicker id="m-chair" value={v.chairId ?? ""} onChange={set("chairId")} people={users} emptyLabel={t("prep.none")} />
      </Field>
      <Field label={t("prep.approver")} id="m-approver" error={fields.approverId}>
        <PersonPicker id="m-approver" value={v.approverId ?? ""} onChange={set("approverId")} people={users} emptyLabel={t("prep.approverDefault")} />
      </Field>
      <div className="sm:col-span-2">
        {theirs ? (
          <ConflictView
            fields={[
              { label: t("prep.meetingTitle"), mine: v.title, theirs: theirs.title },
              { label: t("prep.kind"), mine: t(`kind.${v.kind}`), theirs: t(`kind.${theirs.kind}`) },
              { label: t("prep.location"), mine: v.location, theirs: theirs.location },
              { label: t("prep.startsAt"), mine: when(v.startsAt), theirs: when(theirs.startsAt) },
              { label: t("prep.endsAt"), mine: when(v.endsAt), theirs: when(theirs.endsAt) },
              { label: t("prep.chair"), mine: userName(v.chairId), theirs: userName(theirs.chair?.id ?? null) },
              { label: t("prep.approver"), mine: userName(v.approverId), theirs: userName(theirs.approver?.id ?? null) },
            ]}
            onKeepMine={() => (setBase(theirs.version), setOriginal(meetingFormValues(theirs)), void save(theirs.version, meetingFormValues(theirs)))}
            onTakeTheirs={() => (setV(meetingFormValues(theirs)), setOriginal(meetingFormValues(theirs)), setBase(theirs.version), clear())} />
        ) : (
          <ErrorNote error={error} onRetry={retry} />
        )}
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white disabled:opacity-60">
          {pending ? t("prep.saving") : meetingId ? t("prep.save") : t("prep.create")}
        </button>
      </div>
    </form>
  );
}

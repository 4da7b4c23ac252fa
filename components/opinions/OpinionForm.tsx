"use client";
// Prepare or edit a request for written opinions: subject, explanation, questions, the members asked, the papers sent
// with it, the deadline (dd/mm/yyyy hh:mm, Hanoi time) and the approver. Secretariat only (the API refuses others).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { ApiError, call } from "@/lib/http/client";
import { opinionOps } from "@/lib/opinions/operations";
import type { linkablePapersJson } from "@/lib/opinions/schema";
import { MAX_QUESTIONS } from "@/lib/opinions/schema";
import { DateTimeField } from "@/components/ui/DateTimeField";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { Field, inputClass } from "@/components/prep/fields";
import { PersonPicker } from "@/components/prep/PersonPicker";
import { useUsers } from "@/components/prep/useUsers";

type Paper = z.output<typeof linkablePapersJson>["papers"][number];
export interface OpinionDraft {
  title: string;
  summary: string;
  deadline: string;
  questions: string[];
  recipientIds: string[];
  documentIds: string[];
  approverId: string | null;
}

export function OpinionForm({ opinionId, initial }: { opinionId?: string; initial: OpinionDraft }) {
  const t = useTranslations("opinions");
  const router = useRouter();
  const users = useUsers(true);
  const [papers, setPapers] = useState<Paper[]>([]);
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(false);
  const { error, pending, run } = useAction();
  useEffect(() => {
    call(opinionOps.papers).then((r) => setPapers(r.papers), () => setPapers([]));
  }, []);
  const set = <K extends keyof OpinionDraft>(key: K, value: OpinionDraft[K]) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const toggle = (key: "recipientIds" | "documentIds", id: string) =>
    set(key, form[key].includes(id) ? form[key].filter((x) => x !== id) : [...form[key], id]);
  const fieldErrors = error instanceof ApiError ? error.fields ?? {} : {};

  async function save() {
    const body = { ...form, questions: form.questions.map((q) => q.trim()).filter(Boolean) };
    const out = await run(() => (opinionId ? call(opinionOps.update, { params: { opinionId }, body }) : call(opinionOps.create, { body })));
    if (!out) return;
    setSaved(true);
    if (opinionId) router.refresh();
    else router.push(`/opinions/${out.id}`);
  }

  const members = users.filter((u) => u.role === "MEMBER");
  return (
    <form className="space-y-4" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="opinion-form">
      <Field label={t("fields.title")} id="opinion-title" error={fieldErrors.title}>
        <input id="opinion-title" value={form.title} onChange={(e) => set("title", e.target.value)} className={inputClass} />
      </Field>
      <Field label={t("fields.summary")} id="opinion-summary" error={fieldErrors.summary}>
        <textarea id="opinion-summary" rows={3} value={form.summary} onChange={(e) => set("summary", e.target.value)} className={inputClass} />
      </Field>
      <DateTimeField id="opinion-deadline" label={t("fields.deadline")} value={form.deadline} onChange={(v) => set("deadline", v)} error={fieldErrors.deadline} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("fields.questions")}</legend>
        <ol className="space-y-2">
          {form.questions.map((q, i) => (
            <li key={i} className="flex gap-2">
              <label className="sr-only" htmlFor={`opinion-q-${i}`}>{t("fields.question", { n: i + 1 })}</label>
              <textarea id={`opinion-q-${i}`} data-testid="opinion-question" rows={2} value={q} placeholder={t("fields.question", { n: i + 1 })}
                onChange={(e) => set("questions", form.questions.map((x, j) => (j === i ? e.target.value : x)))} className={`${inputClass} flex-1`} />
              {form.questions.length > 1 && (
                <button type="button" aria-label={t("fields.removeQuestion", { n: i + 1 })} onClick={() => set("questions", form.questions.filter((_, j) => j !== i))}
                  className="min-h-11 min-w-11 rounded-lg border border-slate-300 text-lg">×</button>
              )}
            </li>
          ))}
        </ol>
        {form.questions.length < MAX_QUESTIONS && (
          <button type="button" onClick={() => set("questions", [...form.questions, ""])} className="mt-2 min-h-11 rounded-lg border border-slate-300 px-3 font-medium">{t("fields.addQuestion")}</button>
        )}
        {fieldErrors.questions && <p className="mt-1 text-sm text-red-800">{fieldErrors.questions.join(" · ")}</p>}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("fields.recipients")}</legend>
        <ul className="grid gap-1 sm:grid-cols-2" data-testid="opinion-recipients">
          {members.map((u) => (
            <li key={u.id}>
              <label className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3">
                <input type="checkbox" className="size-5" checked={form.recipientIds.includes(u.id)} onChange={() => toggle("recipientIds", u.id)} />
                <span>{u.name}{u.title ? <span className="block text-xs text-slate-600">{u.title}</span> : null}</span>
              </label>
            </li>
          ))}
        </ul>
        {fieldErrors.recipientIds && <p className="mt-1 text-sm text-red-800">{fieldErrors.recipientIds.join(" · ")}</p>}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("fields.papers")}</legend>
        {papers.length === 0 && <p className="text-sm text-slate-600">{t("fields.noPapers")}</p>}
        <ul className="grid gap-1" data-testid="opinion-papers">
          {papers.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-200 px-3">
                <input type="checkbox" className="size-5" checked={form.documentIds.includes(p.id)} onChange={() => toggle("documentIds", p.id)} />
                <span>{p.title} <span className="text-xs text-slate-600">· {p.meetingTitle}</span></span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="max-w-md">
        <label htmlFor="opinion-approver" id="opinion-approver-label" className="mb-1 block text-sm font-medium">{t("fields.approver")}</label>
        <PersonPicker id="opinion-approver" value={form.approverId ?? ""} onChange={(v) => set("approverId", v || null)} people={members} emptyLabel={t("fields.chooseApprover")} />
      </div>
      <ErrorNote error={error} />
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white disabled:opacity-50" data-testid="opinion-save">{t("save")}</button>
        {saved && <span role="status" className="text-green-800">{t("saved")}</span>}
      </div>
    </form>
  );
}

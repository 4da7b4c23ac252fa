"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { call } from "@/lib/http/client";
import { documentOps } from "@/lib/documents/operations";
import { confidentiality } from "@/lib/documents/schema";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { uploadWithProgress } from "./xhrUpload";

/** The secretariat's tools for one paper: new version, confidentiality mark, restriction to named participants, delete. */
export function DocumentActions({ document, participants, allowed: allowedNow }: {
  document: { id: string; title: string; confidentiality: string; restricted: boolean };
  participants: { user: { id: string; name: string } }[];
  /** Who may see it now (when restricted): the panel starts from this list, so "Apply" never silently drops anyone. */
  allowed?: string[];
}) {
  const t = useTranslations("documents");
  const tc = useTranslations("confidentiality");
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const { error, run, retry } = useAction();
  const [allowed, setAllowed] = useState<Set<string> | null>(null);


  return (
    <div className="mt-1 flex flex-wrap items-center gap-2">
      <label htmlFor={`${id}-version`} className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 px-3 text-sm">{t("newVersion")}</label>
      <input id={`${id}-version`} type="file" accept="application/pdf,.pdf" className="sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (!file) return;
          const form = new FormData();
          form.set("file", file);
          setProgress(0);
          void run(() => uploadWithProgress(documentOps.addVersion, { documentId: document.id }, form, setProgress)).finally(() => setProgress(null));
        }} />
      {progress !== null && <progress max={1} value={progress} aria-label={t("progress", { file: document.title })} className="h-2 w-32" />}
      <select aria-label={`${t("confidentiality")}: ${document.title}`} value={document.confidentiality}
        onChange={(e) => run(() => call(documentOps.update, { params: { documentId: document.id }, body: { confidentiality: e.target.value as (typeof confidentiality.options)[number] } }))}
        className="min-h-11 rounded-lg border border-slate-300 px-2 text-sm">
        {confidentiality.options.map((c) => <option key={c} value={c}>{tc(c)}</option>)}
      </select>
      <details className="relative" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && allowed === null && setAllowed(new Set(allowedNow ?? []))}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 px-3 text-sm">
          {document.restricted ? t("restricted") : t("restrict")}
        </summary>
        <div className="absolute z-10 mt-1 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
          <p className="mb-2 text-sm">{t("restrictHint")}</p>
          {participants.map((p) => (
            <label key={p.user.id} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="h-5 w-5" checked={allowed?.has(p.user.id) ?? false}
                onChange={(e) => setAllowed((s) => { const n = new Set(s); if (e.target.checked) n.add(p.user.id); else n.delete(p.user.id); return n; })} />
              {p.user.name}
            </label>
          ))}
          <div className="mt-2 flex gap-2">
            <button type="button" className="min-h-11 rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white"
              onClick={() => run(() => call(documentOps.update, { params: { documentId: document.id }, body: { restricted: true, allowedUserIds: [...(allowed ?? [])] } }))}>{t("restrictSave")}</button>
            {document.restricted && (
              <button type="button" className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm"
                onClick={() => run(() => call(documentOps.update, { params: { documentId: document.id }, body: { restricted: false, allowedUserIds: [] } }))}>{t("unrestrict")}</button>
            )}
          </div>
        </div>
      </details>
      <ConfirmButton label={t("delete")} question={t("deleteQuestion", { title: document.title })} onConfirm={() => run(() => call(documentOps.remove, { params: { documentId: document.id }, body: {} }))} className="text-sm" />
      <ErrorNote error={error} onRetry={retry} />
    </div>
  );
}

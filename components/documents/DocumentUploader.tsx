"use client";
import { useMeetingLiveContext } from "@/components/meetings/live";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { documentOps } from "@/lib/documents/operations";
import { uploadWithProgress } from "./xhrUpload";

interface Pending { file: File; title: string; progress: number; state: "ready" | "uploading" | "done" | "failed"; error?: unknown }

// NFC: iPadOS/macOS pickers give decomposed Vietnamese names; the title field should hold what a keyboard types.
const titleOf = (name: string) => name.normalize("NFC").replace(/\.pdf$/i, "").replace(/[_-]+/g, " ").trim();

/** Pick one or many PDFs, adjust titles, upload them one by one with a progress bar each; a failure does not stop the rest. */
export function DocumentUploader({ meetingId, agendaItemId }: { meetingId: string; agendaItemId: string | null }) {
  const live = useMeetingLiveContext();
  const t = useTranslations("documents");
  const id = useId();
  const [items, setItems] = useState<Pending[]>([]);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<Pending>) => setItems((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  async function uploadAll() {
    setBusy(true);
    for (let i = 0; i < items.length; i++) {
      if (items[i].state === "done") continue;
      update(i, { state: "uploading", progress: 0, error: undefined });
      const form = new FormData();
      form.set("file", items[i].file);
      form.set("title", items[i].title);
      if (agendaItemId) form.set("agendaItemId", agendaItemId);
      try {
        const res = await uploadWithProgress(documentOps.upload, { meetingId }, form, (f) => update(i, { progress: f }));
        update(i, { state: "done", progress: 1 });
        live?.expect(res.meetingVersion);
      } catch (error) {
        update(i, { state: "failed", error });
      }
    }
    setBusy(false);
    setItems((list) => list.filter((p) => p.state !== "done"));
  }

  return (
    <div className="mt-2 rounded-lg border border-dashed border-slate-300 p-2" data-testid="uploader">
      <label htmlFor={id} className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-brand-600 px-3 font-medium text-brand-700 hover:bg-brand-50">
        {t("choose")}
      </label>
      <input id={id} type="file" accept="application/pdf,.pdf" multiple className="sr-only"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          setItems((list) => [...list, ...files.map((file) => ({ file, title: titleOf(file.name), progress: 0, state: "ready" as const }))]);
          e.target.value = "";
        }} />
      {items.length > 0 && (
        <ul className="mt-2 space-y-2">
          {items.map((p, i) => (
            <li key={`${p.file.name}-${i}`} className="rounded-lg bg-slate-50 p-2">
              <label className="mb-1 block text-sm font-medium" htmlFor={`${id}-title-${i}`}>{t("titleFor", { file: p.file.name })}</label>
              <input id={`${id}-title-${i}`} value={p.title} disabled={busy} onChange={(e) => update(i, { title: e.target.value })}
                className="min-h-11 w-full rounded-lg border border-slate-300 px-3" />
              <progress max={1} value={p.progress} aria-label={t("progress", { file: p.file.name })} className="mt-2 h-2 w-full accent-brand-600" />
              {p.state === "failed" && <ErrorNote error={p.error} />}
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <div className="mt-2 flex gap-2">
          <button type="button" disabled={busy} onClick={uploadAll} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">
            {busy ? t("uploading") : t("upload", { count: items.length })}
          </button>
          <button type="button" disabled={busy} onClick={() => setItems([])} className="min-h-11 rounded-lg border border-slate-300 px-3">{t("clear")}</button>
        </div>
      )}
    </div>
  );
}

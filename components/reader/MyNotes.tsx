"use client";
// "My notes": one's own notes on this paper (live: share / stop sharing, edit a note's words, delete) and on the
// meeting's other papers, each a 44 px target that jumps to its page. A note's words are edited here or in the page
// (pdf.js's editor); a tap on one of one's notes drawn from JSON (one pdf.js could not take back) opens it here.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { call } from "@/lib/http/client";
import { annotationOps } from "@/lib/annotations/operations";
import { href } from "@/lib/http/operation";
import type { AnnotationJson } from "@/lib/annotations/schema";

type MeetingNote = Awaited<ReturnType<typeof call<typeof annotationOps.mine>>>["notes"][number];
const ACTION = "inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium hover:bg-slate-100";
/** A note's words: as many as the API takes. */
const MAX_NOTE = 10_000;

export function MyNotes({ meetingId, documentId, notes, picked, onJump, onVisibility, onEdit, onDelete, onClose }: {
  meetingId: string; documentId: string; notes: AnnotationJson[];
  /** The note tapped on the page: shown first, ready to edit. */
  picked: string | null;
  onJump: (page: number) => void; onVisibility: (clientId: string, v: "PRIVATE" | "MEETING") => void;
  onEdit: (clientId: string, text: string) => Promise<void>; onDelete: (clientId: string) => Promise<void>; onClose: () => void;
}) {
  const t = useTranslations("reader.notes");
  const [elsewhere, setElsewhere] = useState<MeetingNote[]>([]);
  const [editing, setEditing] = useState<{ clientId: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pickedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    void call(annotationOps.mine, { params: { meetingId } }).then((r) => setElsewhere(r.notes.filter((n) => n.documentId !== documentId)), () => {});
  }, [meetingId, documentId]);
  useEffect(() => {
    const note = notes.find((n) => n.clientId === picked);
    if (!note) return;
    setEditing(note.kind === "NOTE" ? { clientId: note.clientId, text: note.text } : null);
    pickedRef.current?.scrollIntoView({ block: "nearest" });
    // Only when another note is tapped, not on every change of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);
  const here = [...notes].sort((a, b) => a.page - b.page || a.updatedAt.localeCompare(b.updatedAt));
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside aria-label={t("mine")} data-testid="my-notes" className="w-72 shrink-0 overflow-y-auto border-l border-slate-300 bg-white p-2">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{t("mine")}</h2>
        <button type="button" onClick={onClose} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-slate-100" aria-label={t("close")}>✕</button>
      </div>
      {here.length === 0 && elsewhere.length === 0 && <p className="text-sm text-slate-600">{t("mineEmpty")}</p>}
      {(here.length > 0 || elsewhere.length > 0) && (
        <a href={href(annotationOps.export, { params: { meetingId } })} download data-testid="export-notes"
          className="mb-1 inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-slate-100">{t("export")}</a>
      )}
      {(here.length > 0 || elsewhere.length > 0) && (
        <a href={href(annotationOps.exportPdf, { params: { meetingId } })} download data-testid="export-notes-pdf"
          className="mb-1 inline-flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-slate-100">{t("exportPdf")}</a>
      )}
      <ul className="space-y-1">
        {here.map((n) => (
          <li key={n.clientId} ref={n.clientId === picked ? pickedRef : undefined} data-testid="my-note"
            className={`rounded-lg border p-1 ${n.clientId === picked ? "border-brand-600 ring-2 ring-brand-200" : "border-slate-200"}`}>
            <button type="button" onClick={() => onJump(n.page)} className="flex min-h-11 w-full flex-col items-start rounded px-1 text-left hover:bg-slate-50">
              <span className="text-xs font-semibold text-slate-600">{t("page", { page: n.page })} · {t(`kind.${n.kind}`)} · {n.visibility === "MEETING" ? t("shared") : t("private")}</span>
              {n.text && editing?.clientId !== n.clientId && <span className="line-clamp-2 text-sm">{n.text}</span>}
            </button>
            {editing?.clientId === n.clientId && (
              <form className="space-y-1 px-1" onSubmit={(e) => {
                e.preventDefault();
                const text = editing.text.trim();
                if (text) void run(async () => { await onEdit(n.clientId, text); setEditing(null); });
              }}>
                <textarea value={editing.text} maxLength={MAX_NOTE} rows={3} autoFocus aria-label={t("noteText")} data-testid="note-text"
                  onChange={(e) => setEditing({ clientId: n.clientId, text: e.target.value })}
                  className="w-full rounded-lg border border-slate-300 p-2 text-sm" />
                <div className="flex gap-1">
                  <button type="submit" disabled={busy || !editing.text.trim()} className={`${ACTION} bg-brand-600 text-white hover:bg-brand-700 disabled:opacity-40`}>{t("save")}</button>
                  <button type="button" onClick={() => setEditing(null)} className={ACTION}>{t("cancel")}</button>
                </div>
              </form>
            )}
            {confirming === n.clientId ? (
              <div className="flex flex-wrap items-center gap-1 px-1" role="group" aria-label={t("confirmDelete")}>
                <span className="text-sm">{t("confirmDelete")}</span>
                <button type="button" disabled={busy} onClick={() => void run(async () => { await onDelete(n.clientId); setConfirming(null); })}
                  className={`${ACTION} bg-red-700 text-white hover:bg-red-800`}>{t("delete")}</button>
                <button type="button" onClick={() => setConfirming(null)} className={ACTION}>{t("cancel")}</button>
              </div>
            ) : (
              editing?.clientId !== n.clientId && (
                <div className="flex flex-wrap gap-1">
                  <button type="button" onClick={() => onVisibility(n.clientId, n.visibility === "MEETING" ? "PRIVATE" : "MEETING")}
                    className={`${ACTION} text-brand-700`}>{n.visibility === "MEETING" ? t("makePrivate") : t("makeShared")}</button>
                  {n.kind === "NOTE" && (
                    <button type="button" onClick={() => setEditing({ clientId: n.clientId, text: n.text })} className={`${ACTION} text-brand-700`}>{t("edit")}</button>
                  )}
                  <button type="button" onClick={() => setConfirming(n.clientId)} className={`${ACTION} text-red-800`}>{t("delete")}</button>
                </div>
              )
            )}
          </li>
        ))}
        {elsewhere.map((n) => (
          <li key={n.clientId}>
            <Link href={`/meetings/${meetingId}/papers/${n.documentId}?page=${n.page}`} className="flex min-h-11 flex-col justify-center rounded px-1 text-sm hover:bg-slate-50">
              <span className="text-xs font-semibold text-slate-600">{t("otherPaper", { title: n.documentTitle, page: n.page })}</span>
              {n.text && <span className="line-clamp-1">{n.text}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}

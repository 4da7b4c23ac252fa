"use client";
// "My notes": one's own notes on this paper (live, with share / stop sharing) and on the meeting's other papers,
// each a 44 px target that jumps to its page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { annotationOps } from "@/lib/annotations/operations";
import type { AnnotationJson } from "@/lib/annotations/schema";

type MeetingNote = Awaited<ReturnType<typeof call<typeof annotationOps.mine>>>["notes"][number];

export function MyNotes({ meetingId, documentId, notes, onJump, onVisibility, onClose }: {
  meetingId: string; documentId: string; notes: AnnotationJson[];
  onJump: (page: number) => void; onVisibility: (clientId: string, v: "PRIVATE" | "MEETING") => void; onClose: () => void;
}) {
  const t = useTranslations("reader.notes");
  const [elsewhere, setElsewhere] = useState<MeetingNote[]>([]);
  useEffect(() => {
    void call(annotationOps.mine, { params: { meetingId } }).then((r) => setElsewhere(r.notes.filter((n) => n.documentId !== documentId)), () => {});
  }, [meetingId, documentId]);
  const here = [...notes].sort((a, b) => a.page - b.page || a.updatedAt.localeCompare(b.updatedAt));
  return (
    <aside aria-label={t("mine")} data-testid="my-notes" className="w-72 shrink-0 overflow-y-auto border-l border-slate-300 bg-white p-2">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{t("mine")}</h2>
        <button type="button" onClick={onClose} className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-slate-100" aria-label={t("close")}>✕</button>
      </div>
      {here.length === 0 && elsewhere.length === 0 && <p className="text-sm text-slate-600">{t("mineEmpty")}</p>}
      <ul className="space-y-1">
        {here.map((n) => (
          <li key={n.clientId} className="rounded-lg border border-slate-200 p-1" data-testid="my-note">
            <button type="button" onClick={() => onJump(n.page)} className="flex min-h-11 w-full flex-col items-start rounded px-1 text-left hover:bg-slate-50">
              <span className="text-xs font-semibold text-slate-600">{t("page", { page: n.page })} · {t(`kind.${n.kind}`)} · {n.visibility === "MEETING" ? t("shared") : t("private")}</span>
              {n.text && <span className="line-clamp-2 text-sm">{n.text}</span>}
            </button>
            <button type="button" onClick={() => onVisibility(n.clientId, n.visibility === "MEETING" ? "PRIVATE" : "MEETING")}
              className="inline-flex min-h-11 items-center px-1 text-sm font-medium text-brand-700">{n.visibility === "MEETING" ? t("makePrivate") : t("makeShared")}</button>
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

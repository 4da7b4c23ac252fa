"use client";
// Who has read what, before the meeting: one row per participant, one column per paper; each cell says when they
// opened it and how many pages of the latest version they saw (or that they read an older version, or nothing yet).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { readingOps } from "@/lib/reading/operations";
import type { ReadingProgress } from "@/lib/reading/schema";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { paperState } from "./useMeetingReading";

export function ReadingProgressTable({ meetingId, initial }: { meetingId: string; initial: ReadingProgress }) {
  const t = useTranslations("reader.progress");
  const tr = useTranslations("role");
  const dates = useDateFormat();
  const [data, setData] = useState(initial);
  const refresh = async () => setData(await call(readingOps.progress, { params: { meetingId } }).catch(() => data));
  if (data.papers.length === 0) return <p className="text-slate-600">{t("noPapers")}</p>;
  const opened = (userId: string, documentId: string) =>
    data.receipts.filter((r) => r.userId === userId && r.documentId === documentId).sort((a, b) => b.version - a.version)[0];
  const deputyName = new Map(data.deputies.map((d) => [d.userId, d.name]));
  /** A deputy's reading of this paper in the member's place (the receipt names the member), if any. */
  const byDeputy = (memberId: string, paper: ReadingProgress["papers"][number]) => {
    const theirs = data.receipts.find((x) => x.onBehalfOf === memberId && x.documentId === paper.id);
    if (!theirs) return null;
    return { name: deputyName.get(theirs.userId) ?? "", state: paperState(data.receipts, theirs.userId, paper), last: opened(theirs.userId, paper.id) };
  };
  const readBy = (memberId: string, paperId: string) => data.receipts.some((x) => (x.userId === memberId || x.onBehalfOf === memberId) && x.documentId === paperId);
  return (
    <div className="space-y-2">
      <button type="button" onClick={refresh} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 font-medium hover:bg-slate-50">{t("refresh")}</button>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="reading-progress">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="p-2">{t("member")}</th>
              {data.papers.map((p) => {
                const read = data.readers.filter((r) => readBy(r.userId, p.id)).length;
                return (
                  <th key={p.id} scope="col" className="max-w-56 p-2 align-bottom">
                    <span className="line-clamp-2">{p.title}</span>
                    <span className="block font-normal text-slate-600">{t("summary", { read, total: data.readers.length })}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {data.readers.map((r) => (
              <tr key={r.userId} className="border-t border-slate-100" data-testid="reader-row">
                <th scope="row" className="p-2 text-left font-medium">{r.name}<span className="block text-xs font-normal text-slate-600">{tr(r.role)}</span></th>
                {data.papers.map((p) => {
                  const s = paperState(data.receipts, r.userId, p);
                  const last = opened(r.userId, p.id);
                  const deputy = byDeputy(r.userId, p);
                  return (
                    <td key={p.id} className="p-2 align-top" data-state={s.kind}>
                      {s.kind === "unread" ? (!deputy && <span className="text-slate-500">{t("unread")}</span>) : (
                        <>
                          <span className="block">{t("opened", { time: dates.time(new Date(last.firstOpenedAt)) + " " + dates.date(new Date(last.firstOpenedAt)) })}</span>
                          <span className="block font-semibold">{s.kind === "read" ? t("pages", { seen: s.seen, count: s.count }) : t("olderVersion", { version: s.version })}</span>
                        </>
                      )}
                      {deputy && deputy.state.kind !== "unread" && (
                        <span className="mt-1 block rounded bg-amber-50 p-1 text-amber-950" data-testid="read-by-deputy" data-state={deputy.state.kind}>
                          <span className="block">{t("byDeputy", { name: deputy.name, time: dates.time(new Date(deputy.last.firstOpenedAt)) + " " + dates.date(new Date(deputy.last.firstOpenedAt)) })}</span>
                          <span className="block font-semibold">{deputy.state.kind === "read" ? t("pages", { seen: deputy.state.seen, count: deputy.state.count }) : t("olderVersion", { version: deputy.state.version })}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

"use client";
// A participant's own reading on the meeting page (or a deputy's, reading in a member's place): each paper says
// unread / pages read / new version.
import { useTranslations } from "next-intl";
import { paperState, useMeetingReading } from "./useMeetingReading";

export function MyPaperBadge({ meetingId, paper }: { meetingId: string; paper: { id: string; version: number; pageCount: number } }) {
  const t = useTranslations("reader.mine");
  const progress = useMeetingReading(meetingId);
  if (!progress?.viewer.records) return null;
  const s = paperState(progress.receipts, progress.viewer.userId, paper);
  const [cls, text] =
    s.kind === "unread" ? ["bg-sky-100 text-sky-900", t("unread")]
    : s.kind === "older" ? ["bg-amber-100 text-amber-900", t("newVersion")]
    : ["bg-emerald-50 text-emerald-900", t("read", { seen: s.seen, count: s.count })];
  return <span className={`rounded px-1.5 text-xs font-semibold ${cls}`} data-testid="my-reading" data-state={s.kind}>{text}</span>;
}

"use client";
// The way to everyone's reading progress, for those the policy shows it to (meeting.readingProgress): the
// secretariat, the chair, the meeting's secretary. The page itself asks the server again.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MeetingSnapshot } from "@/lib/meetings/view";

export function ReadingProgressLink({ snapshot }: { snapshot: MeetingSnapshot }) {
  const t = useTranslations("reader.progress");
  const { viewer, meeting, me } = snapshot;
  const shown = viewer.role !== "MEMBER" || meeting.chair?.id === viewer.id || me?.role === "CHAIR" || me?.role === "SECRETARY";
  if (!shown) return null;
  return <Link href={`/meetings/${meeting.id}/reading`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700">{t("link")}</Link>;
}

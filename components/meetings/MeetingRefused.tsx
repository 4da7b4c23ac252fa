"use client";
import { useTranslations } from "next-intl";
import Link from "next/link";

/** The meeting is no longer this user's to see (access taken away, meeting gone): said once, with the way back. */
export function MeetingRefused() {
  const t = useTranslations();
  return (
    <div role="alert" data-testid="meeting-refused" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">{t("meeting.noLongerAvailable")}</p>
      <Link href="/meetings" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700">{t("errors.back")}</Link>
    </div>
  );
}

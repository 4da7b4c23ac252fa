import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { readingProgress } from "@/lib/reading/queries";
import { AppHeader } from "@/components/layout/AppHeader";
import { ReadingProgressTable } from "@/components/reader/ReadingProgressTable";

export const dynamic = "force-dynamic";

export default async function ReadingProgressPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  // Everyone's progress for the secretariat and those running the meeting; a member sees only their own row.
  const progress = await orNotFound(readingProgress(actor, meetingId));
  const t = await getTranslations("reader.progress");
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl space-y-3 p-4">
        <Link href={`/meetings/${meetingId}`} className="inline-flex min-h-11 items-center font-medium text-brand-700">← {t("back")}</Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <ReadingProgressTable meetingId={meetingId} initial={progress} />
      </main>
    </>
  );
}

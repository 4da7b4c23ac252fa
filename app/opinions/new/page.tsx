import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/page";
import { can } from "@/lib/policy";
import { fromWallTime, wallTime } from "@/lib/i18n/dates";
import { AppHeader } from "@/components/layout/AppHeader";
import { OpinionForm } from "@/components/opinions/OpinionForm";

export const dynamic = "force-dynamic";

export default async function NewOpinionPage() {
  const actor = await pageActor();
  if (!can(actor, "opinion.create")) notFound();
  const t = await getTranslations("opinions");
  // Three days from now at 17:00, Hanoi time: a usual answer-by time.
  const deadline = fromWallTime({ ...wallTime(new Date(Date.now() + 3 * 86_400_000)), hour: 17, minute: 0 }).toISOString();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl p-4">
        <h1 className="mb-4 text-2xl font-semibold">{t("newTitle")}</h1>
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <OpinionForm initial={{ title: "", summary: "", deadline, questions: [""], recipientIds: [], documentIds: [], approverId: null }} />
        </div>
      </main>
    </>
  );
}

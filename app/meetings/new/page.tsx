import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { pageActor } from "@/lib/auth/page";
import { can } from "@/lib/policy";
import { AppHeader } from "@/components/layout/AppHeader";
import { NewMeeting } from "@/components/prep/NewMeeting";

export const dynamic = "force-dynamic";

export default async function NewMeetingPage() {
  const actor = await pageActor();
  if (!can(actor, "meeting.create")) notFound();
  const t = await getTranslations("prep");
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-3xl p-4">
        <h1 className="mb-4 text-2xl font-semibold">{t("newMeeting")}</h1>
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"><NewMeeting /></div>
      </main>
    </>
  );
}

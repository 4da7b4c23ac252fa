import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requestActor } from "@/lib/auth/page";
import { LoginForm } from "@/components/auth/LoginForm";
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher";
import { userEventSchemas } from "@/lib/realtime/events";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  if (await requestActor()) redirect("/meetings");
  const t = await getTranslations("app");
  const tl = await getTranslations("login");
  // Why the last session ended, when the tablet was sent here for that (components/layout/SessionWatch.tsx).
  const ended = userEventSchemas["session.ended"].shape.reason.safeParse((await searchParams).ended);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-900 to-brand-700 p-6">
      <div className="w-full max-w-md rounded-2xl bg-white p-8 shadow-xl">
        <div className="mb-6 flex items-start justify-between gap-4">
          <div>
            <p className="text-2xl font-bold text-brand-900">{t("name")}</p>
            <p className="text-slate-600">{t("tagline")}</p>
          </div>
          <LocaleSwitcher signedIn={false} />
        </div>
        {ended.success && (
          <p role="status" data-testid="session-ended" className="mb-4 rounded-lg bg-amber-50 p-3 text-amber-950">{tl(`ended.${ended.data}`)}</p>
        )}
        <LoginForm />
      </div>
    </main>
  );
}

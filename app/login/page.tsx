import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/actor";
import { LoginForm } from "@/components/auth/LoginForm";
import { LocaleSwitcher } from "@/components/layout/LocaleSwitcher";

export default async function LoginPage() {
  if (await getActor(await headers())) redirect("/meetings");
  const t = await getTranslations("app");
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
        <LoginForm />
      </div>
    </main>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl p-8 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("NOT_FOUND")}</p>
      <Link href="/meetings" className="mt-6 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 text-white">
        {t("back")}
      </Link>
    </main>
  );
}

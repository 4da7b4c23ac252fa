import { getTranslations } from "next-intl/server";

/** What the server's HTML shows of a meeting until the browser renders its live view: the title and a busy notice. */
export async function MeetingLoading({ title }: { title: string }) {
  const t = await getTranslations("meeting");
  return (
    <section aria-busy="true" data-testid="meeting-loading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-semibold leading-snug">{title}</h1>
      <p role="status" className="mt-2 text-slate-600">{t("loading")}</p>
    </section>
  );
}

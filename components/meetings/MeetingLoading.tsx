import { useTranslations } from "next-intl";

/** What a meeting shows until its live view renders: the title and a busy notice (the server's HTML, then the browser's while the snapshot loads). */
export function MeetingLoading({ title }: { title: string }) {
  const t = useTranslations("meeting");
  return (
    <section aria-busy="true" data-testid="meeting-loading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h1 className="text-2xl font-semibold leading-snug">{title}</h1>
      <p role="status" className="mt-2 text-slate-600">{t("loading")}</p>
    </section>
  );
}

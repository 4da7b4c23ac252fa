"use client";
import { useLocale, useTranslations } from "next-intl";
import { LOCALES, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { call } from "@/lib/http/client";
import { userOps } from "@/lib/users/operations";

const LABEL: Record<Locale, string> = { vi: "Tiếng Việt", en: "English" };

/** Signed in: saved on the user (follows them to every tablet). Signed out: this device only. */
export function LocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("nav");
  const current = useLocale();
  async function choose(locale: Locale) {
    if (signedIn) {
      await call(userOps.updateMe, { body: { locale } }).catch(() => {}); // the reload shows whichever language stuck
    } else {
      document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
    }
    window.location.reload();
  }
  return (
    <div role="group" aria-label={t("language")} className="flex overflow-hidden rounded-lg border border-slate-300 text-sm">
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={current === l} onClick={() => choose(l)}
          className={`min-h-11 min-w-11 px-3 font-medium ${current === l ? "bg-brand-600 text-white" : "bg-white text-slate-700"}`}>
          <span aria-hidden>{l.toUpperCase()}</span>
          <span className="sr-only">{LABEL[l]}</span>
        </button>
      ))}
    </div>
  );
}

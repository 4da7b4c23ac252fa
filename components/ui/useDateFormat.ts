"use client";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { dateFormat, type DateWords } from "@/lib/i18n/dates";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";

/** lib/i18n/dates in a client component, in the page's language. */
export function useDateFormat() {
  const locale = useLocale();
  const t = useTranslations("dates");
  return useMemo(() => dateFormat(isLocale(locale) ? locale : DEFAULT_LOCALE, t as unknown as DateWords), [locale, t]);
}

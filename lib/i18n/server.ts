// Server components' side of lib/i18n/dates: the request's language and words.
import { getLocale, getTranslations } from "next-intl/server";
import { dateFormat, type DateWords } from "./dates.ts";
import { DEFAULT_LOCALE, isLocale } from "./config.ts";

export async function getDateFormat() {
  const locale = await getLocale();
  return dateFormat(isLocale(locale) ? locale : DEFAULT_LOCALE, (await getTranslations("dates")) as unknown as DateWords);
}

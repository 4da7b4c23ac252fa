// next-intl without locale routing: a signed-in user's own locale wins, else the device cookie, else Vietnamese.
import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { getActor } from "../auth/actor.ts";
import { loadMessages } from "./messages.ts";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, TIME_ZONE } from "./config.ts";

export default getRequestConfig(async () => {
  const actor = await getActor(await headers()).catch(() => null);
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(actor?.locale) ? actor.locale : isLocale(cookie) ? cookie : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
  };
});

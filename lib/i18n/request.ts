// next-intl without locale routing: the language lib/i18n/locale.ts resolves for this request.
import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { requestActor } from "../auth/page.ts";
import { loadMessages } from "./messages.ts";
import { requestLocale } from "./locale.ts";
import { TIME_ZONE } from "./config.ts";

export default getRequestConfig(async () => {
  const h = await headers();
  const actor = await requestActor().catch(() => null);
  const locale = requestLocale(h, actor);
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: await loadMessages(locale),
  };
});

// The one place error messages become text: message keys (lib/errors) → the requester's language.
import { createTranslator } from "next-intl";
import type { Message, Translate } from "../errors/index.ts";
import type { Locale } from "./config.ts";
import { readMessages } from "./messages.ts";

export function errorTranslator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: readMessages(locale), namespace: "errors" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (m: Message) => (typeof m === "string" ? t(m) : t(m.key, m.values));
}

"use client";
// The client components' messages come from the bundle (lib/i18n/bundled.ts), not from the page's answer: the server
// sends only the locale, so every page render stops serializing, escaping and shipping all the messages again.
import { NextIntlClientProvider } from "next-intl";
import { bundledMessages } from "@/lib/i18n/bundled";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";

export function IntlProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={bundledMessages[locale]} timeZone={TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}

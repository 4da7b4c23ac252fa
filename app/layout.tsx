import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { IntlProvider } from "@/components/layout/IntlProvider";
import type { Locale } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: `${t("name")} – ${t("tagline")}` };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as Locale; // lib/i18n/request.ts answers only with our locales
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <IntlProvider locale={locale}>{children}</IntlProvider>
      </body>
    </html>
  );
}

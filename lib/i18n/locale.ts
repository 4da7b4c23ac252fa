// Whose language a request speaks: the signed-in user's stored choice, else the device's cookie, else the browser's
// Accept-Language, else Vietnamese. Pages (lib/i18n/request.ts) and API errors (lib/http/route.ts) both ask here.
import { DEFAULT_LOCALE, isLocale, LOCALES, LOCALE_COOKIE, type Locale } from "./config.ts";

/** The best of our locales in an Accept-Language header ("en-US,en;q=0.9,vi;q=0.8"), by quality. */
export function acceptedLocale(header: string | null | undefined): Locale | null {
  const ranked = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return (ranked.map((r) => r.lang).find((l) => (LOCALES as readonly string[]).includes(l)) as Locale | undefined) ?? null;
}

export function resolveLocale(from: { user?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(from.user)) return from.user;
  if (isLocale(from.cookie)) return from.cookie;
  return acceptedLocale(from.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The locale cookie from a raw Cookie header; a malformed header counts as no cookie. */
export function localeCookie(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, v] = part.split("=", 2).map((s) => s?.trim());
    if (k === LOCALE_COOKIE) return v ?? null; // our own values are plain ASCII: nothing to decode
  }
  return null;
}

export function requestLocale(headers: Headers, user?: { locale: string } | null): Locale {
  return resolveLocale({ user: user?.locale, cookie: localeCookie(headers.get("cookie")), acceptLanguage: headers.get("accept-language") });
}

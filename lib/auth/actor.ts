// getActor: the one way HTTP routes, pages and socket handshakes learn who is asking (the same next-auth session).
import { getToken } from "next-auth/jwt";
import { db } from "../db/index.ts";
import { unauthenticated } from "../errors/index.ts";
import type { Actor } from "../policy/index.ts";
import { authSecret, secureCookies } from "./session.ts";

export function parseCookieHeader(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (k) out[k] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerValue(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join("; ") : v;
}

/** The signed-in, active user behind these request headers, or null. */
export async function getActor(headers: HeaderSource): Promise<Actor | null> {
  const cookies = parseCookieHeader(headerValue(headers, "cookie"));
  const plainHeaders = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const token = await getToken({
    req: { headers: plainHeaders, cookies } as never,
    secret: authSecret(),
    secureCookie: secureCookies,
  });
  if (!token?.sub) return null;
  const user = await db.user.findUnique({ where: { id: token.sub } });
  if (!user || !user.active) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email, locale: user.locale };
}

export async function requireActor(headers: HeaderSource): Promise<Actor> {
  const actor = await getActor(headers);
  if (!actor) throw unauthenticated();
  return actor;
}

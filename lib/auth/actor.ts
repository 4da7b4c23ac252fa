// getActor: the one way HTTP routes, pages and socket handshakes learn who is asking (the same next-auth session,
// live in the Session table).
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { unauthenticated } from "../errors/index.ts";
import { headerValue } from "../http/forwarding.ts";
import type { Actor } from "../policy/index.ts";
import { authSecret, secureCookies } from "./session.ts";
import { liveSession } from "./sessions.ts";

/** Cookies by name. Any app on the same host can set a cookie here, so a malformed value is kept as sent, not thrown. */
export function parseCookieHeader(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (k && !Object.hasOwn(out, k)) out[k] = decodeCookieValue(part.slice(i + 1).trim());
  }
  return out;
}

function decodeCookieValue(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // e.g. a stray "%": not ours to understand, and no reason to refuse the request
  }
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * Session tokens already decoded, by their text. The text is the token's whole content, encrypted and authenticated
 * with the secret, so it always decodes to the same claims: deriving the key and decrypting again on every request of
 * the same tablet is work for nothing (a measurable part of a page render). Expiry is checked on every use, as the
 * decoder does; whether the session is still live is asked of the database on every request all the same
 * (liveSession). Only tokens that decoded are kept, the oldest dropped first beyond DECODED_MAX.
 */
const decoded = new Map<string, { secret: JWTDecodeParams["secret"]; claims: JWT }>();
const DECODED_MAX = 5_000;
/** next-auth's decoder accepts a token up to 15 s past its expiry (clock skew between nodes); so does the cache. */
const CLOCK_TOLERANCE_MS = 15_000;

async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const hit = params.token ? decoded.get(params.token) : undefined;
  if (hit && hit.secret === params.secret) {
    const exp = hit.claims.exp;
    if (typeof exp === "number" && exp * 1000 + CLOCK_TOLERANCE_MS >= Date.now()) return hit.claims;
    decoded.delete(params.token!);
    return null;
  }
  const claims = await decode(params); // throws on a forged, foreign or expired token: getToken answers null
  if (claims && params.token && typeof claims.exp === "number") {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(params.token, { secret: params.secret, claims });
  }
  return claims;
}

/** The session id the request's JWT names (signature and expiry checked), or null. Whether it is live is not decided here. */
export async function sessionIdOf(headers: HeaderSource): Promise<string | null> {
  const cookies = parseCookieHeader(headerValue(headers, "cookie"));
  const plainHeaders = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const token = await getToken({
    req: { headers: plainHeaders, cookies } as never,
    secret: authSecret(),
    secureCookie: secureCookies,
    decode: decodeOnce,
  });
  return typeof token?.sid === "string" ? token.sid : null;
}

/** The signed-in, active user behind these request headers with the session they use, or null. */
export async function getSession(headers: HeaderSource): Promise<{ actor: Actor; sessionId: string; expiresAt: Date } | null> {
  const sessionId = await sessionIdOf(headers);
  const live = sessionId ? await liveSession(sessionId) : null;
  return live && sessionId ? { ...live, sessionId } : null;
}

/** The signed-in, active user behind these request headers, or null. */
export async function getActor(headers: HeaderSource): Promise<Actor | null> {
  return (await getSession(headers))?.actor ?? null;
}

export async function requireActor(headers: HeaderSource): Promise<Actor> {
  const actor = await getActor(headers);
  if (!actor) throw unauthenticated();
  return actor;
}

// Session facts shared by next-auth (inside Next) and the socket handshake (server.ts): cookie security, lifetime, secret.
import { publicUrl } from "../http/origin.ts";

export const secureCookies = (publicUrl() ?? "").startsWith("https://");
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;
/** A working day: the JWT and the server-side session row expire together. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** Set by server.ts (lib/auth/secret.ts) before Next starts, or by the environment. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (start through server.ts, which provides one)");
  return secret;
}

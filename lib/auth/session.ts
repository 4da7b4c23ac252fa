// Session facts shared by next-auth (inside Next) and the socket handshake (server.ts): cookie security and secret.
export const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

/** Set by server.ts (lib/auth/secret.ts) before Next starts, or by the environment. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set (start through server.ts, which provides one)");
  return secret;
}

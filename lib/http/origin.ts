// Which origins are ours: the one the request came in on, and the configured public URL (PUBLIC_URL). Links and
// redirects follow the request (a tablet reaching the server by its LAN address stays on that address); checks of
// an Origin header (socket handshake, API writes) accept either.
import { headerValue, requestHost, requestProtocol } from "./forwarding.ts";

type HeaderSource = Parameters<typeof requestHost>[0];

/** PUBLIC_URL (NEXTAUTH_URL is accepted as its older name), without a trailing slash; undefined when not configured. */
export function publicUrl(): string | undefined {
  const v = (process.env.PUBLIC_URL || process.env.NEXTAUTH_URL || "").trim();
  return v ? v.replace(/\/+$/, "") : undefined;
}

/** The origin this request was made to, e.g. http://10.0.0.5:3000. */
export function requestOrigin(h: HeaderSource): string | undefined {
  const host = requestHost(h);
  return host ? `${requestProtocol(h)}://${host}` : undefined;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Whether an Origin header names this server: the host the request came in on, or the public URL's host. */
export function isOwnOrigin(origin: string, h: HeaderSource): boolean {
  const host = hostOf(origin);
  if (!host) return false;
  return host === requestHost(h) || host === hostOf(publicUrl());
}

/** Browsers send Origin on cross-site requests and on every WebSocket handshake; its absence means a non-browser client. */
export function foreignOrigin(h: HeaderSource): string | undefined {
  const origin = headerValue(h, "origin");
  return origin !== undefined && !isOwnOrigin(origin, h) ? origin : undefined;
}

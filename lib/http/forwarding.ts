// Who is the client, and which host did they come in on. Only a reverse proxy we were told about (TRUST_PROXY) may
// say so through X-Forwarded-* headers; from anyone else those headers are forged and are dropped at the door.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const FORWARDING = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/** How many reverse proxies stand in front of this server (TRUST_PROXY: a count, or true for one). 0: none. */
export function trustedProxyHops(): number {
  const v = (process.env.TRUST_PROXY ?? "").trim().toLowerCase();
  if (v === "true") return 1;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

export function headerValue(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

/**
 * server.ts calls this on every request before Next sees it. Without a trusted proxy the X-Forwarded-* headers are
 * deleted, so Next fills them from the connection itself (remote address, Host, http): from then on every reader
 * inside Next (next-auth's redirects, the sign-in throttle) may use them.
 */
export function forgetUntrustedForwarding(headers: Record<string, string | string[] | undefined>): void {
  if (trustedProxyHops() > 0) return;
  for (const name of FORWARDING) delete headers[name];
}

/** The first value of a forwarded header, only when a proxy is trusted to have set it. */
function forwarded(h: HeaderSource, name: string): string | undefined {
  if (trustedProxyHops() === 0) return undefined;
  return headerValue(h, name)?.split(",")[0]?.trim() || undefined;
}

/** The host (and port) the client asked for. */
export function requestHost(h: HeaderSource): string | undefined {
  return forwarded(h, "x-forwarded-host") ?? headerValue(h, "host");
}

/** "http" or "https", as the client connected (this server itself only speaks http). */
export function requestProtocol(h: HeaderSource): "http" | "https" {
  return forwarded(h, "x-forwarded-proto") === "https" ? "https" : "http";
}

/**
 * The client's address. Each trusted proxy appends the address it saw to X-Forwarded-For, so with n proxies the
 * client is the n-th entry from the right; entries further left are whatever the client chose to send. Without a
 * proxy it is the connection's address (inside Next: the X-Forwarded-For Next filled in after the door cleared it).
 */
export function clientAddress(h: HeaderSource, remoteAddress?: string): string {
  const hops = trustedProxyHops();
  const list = (headerValue(h, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const raw = hops === 0 ? (remoteAddress ?? list.at(-1)) : (list[list.length - hops] ?? list[0] ?? remoteAddress);
  return (raw ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
}

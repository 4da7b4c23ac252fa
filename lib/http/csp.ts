// The Content-Security-Policy of pages, made per request by proxy.ts. Scripts run only from this origin or with the
// request's nonce (Next puts it on its own inline bootstrap scripts), never 'unsafe-inline'. Connections go only to
// this origin and its own WebSocket, not to any ws:/wss: host.
import { publicUrl, requestOrigin } from "./origin.ts";

type HeaderSource = Parameters<typeof requestOrigin>[0];

/** ws:// and wss:// for a host: behind a TLS proxy the page may be https even where this server only sees http. */
const sockets = (origin: string | undefined) => {
  const host = origin && URL.canParse(origin) ? new URL(origin).host : undefined;
  return host ? [`ws://${host}`, `wss://${host}`] : [];
};

export function pagePolicy(nonce: string, h: HeaderSource, dev = process.env.NODE_ENV !== "production"): string {
  const connect = [...new Set(["'self'", ...sockets(requestOrigin(h)), ...sockets(publicUrl())])];
  return [
    "default-src 'self'",
    // 'strict-dynamic': the chunks Next's nonce'd scripts load are trusted too. Dev's React refresh needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (drag and drop transforms) are inline styles: they cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

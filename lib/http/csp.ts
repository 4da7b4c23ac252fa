// The Content-Security-Policy of pages, made per request by server.ts (withPagePolicy). Scripts run only from this
// origin or with the request's nonce (Next puts it on its own inline bootstrap scripts), never 'unsafe-inline'.
// Connections go only to this origin and its own WebSocket, not to any ws:/wss: host.
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
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

/** API answers and static files get next.config.js's static policy; a prefetch is not a page the browser shows. */
const notAPage = /^\/(api\/|_next\/static|_next\/image|favicon\.ico)/;

export function isPageRequest(url: string, headers: IncomingMessage["headers"]): boolean {
  const path = url.split("?", 1)[0];
  return !notAPage.test(path) && headers["next-router-prefetch"] === undefined && headers.purpose !== "prefetch";
}

/**
 * A page request gets a fresh nonce and its policy: on the response, and on the request, where Next reads the nonce
 * for its scripts. Done here, before Next, rather than in a Next proxy (middleware): the proxy's request and response
 * objects and its second pass over the headers cost a page render more than the policy itself.
 */
export function withPagePolicy(req: IncomingMessage, res: ServerResponse): void {
  if (!isPageRequest(req.url ?? "/", req.headers)) {
    delete req.headers["content-security-policy"]; // a client's own would only tell Next a nonce to use
    return;
  }
  const policy = pagePolicy(crypto.randomBytes(16).toString("base64"), req.headers);
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
}

// The security headers of every answer that is not a page (pages get theirs, with a per-request nonce, from
// lib/http/csp.ts). Plain JavaScript: next.config.js (headers()) and server.ts (the answers it gives itself,
// lib/http/direct.ts) take them from here.

/** API answers and files: no inline script at all. */
export const apiPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Headers for every answer.
 * @param {boolean} dev no HSTS in development (plain http on localhost)
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders(dev) {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
  ];
}

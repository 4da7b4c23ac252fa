// Runs before every page: a fresh nonce and the page's Content-Security-Policy (lib/http/csp.ts). Next reads the
// nonce from the request's policy header and puts it on its scripts; the browser gets the same policy.
import { NextResponse, type NextRequest } from "next/server";
import { pagePolicy } from "./lib/http/csp.ts";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = pagePolicy(nonce, request.headers);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers and files get the static policy of next.config.js; static assets need none.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

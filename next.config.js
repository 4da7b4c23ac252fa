// Next.js config: security headers for every response, next-intl, native/server-only packages kept external.
// Pages get their Content-Security-Policy (with a per-request nonce) from server.ts (lib/http/csp.ts); everything else
// gets the static one of lib/http/headers.js.
import createNextIntlPlugin from "next-intl/plugin";
import { apiPolicy, securityHeaders } from "./lib/http/headers.js";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");
const dev = process.env.NODE_ENV !== "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pdfjs-dist"],
  async headers() {
    return [
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
      { source: "/:path*", headers: securityHeaders(dev) },
    ];
  },
};

export default withNextIntl(nextConfig);

// HTTP load with a real load generator (autocannon): `connections` concurrent users, each its own session, each
// connection kept alive and sending its next request as soon as the answer arrives.
import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than the expected status, connection errors and timeouts. */
  failed: number;
}

export async function load(opts: {
  url: string;
  seconds: number;
  cookies: string[];
  /** Per user (same index as cookies): extra headers, e.g. If-None-Match. */
  headers?: Record<string, string>[];
  expect: number;
}): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: opts.url,
    connections: opts.cookies.length,
    duration: opts.seconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        // Each connection is one user: the first request picks the next user, later ones keep it.
        setupRequest: (req, context) => {
          const ctx = context as { user?: number };
          ctx.user ??= next++ % opts.cookies.length;
          req.headers = { ...req.headers, cookie: opts.cookies[ctx.user], ...(opts.headers?.[ctx.user] ?? {}) };
          return req;
        },
      },
    ],
  });
  const expected = result.statusCodeStats?.[String(opts.expect) as `${number}`]?.count ?? 0;
  const total = Object.values(result.statusCodeStats ?? {}).reduce((n, s) => n + (s.count ?? 0), 0);
  return {
    requests: total,
    perSecond: expected / opts.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: total - expected + result.errors + result.timeouts,
  };
}

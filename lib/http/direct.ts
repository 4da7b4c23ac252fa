// The hottest requests, answered by server.ts itself before Next: a tablet's snapshot fetch is one of a room's worth
// at once, and a live meeting's writes (an item renamed, the current item moved, a ballot) are each followed by an
// event to every tablet of the room, which waits for the write first. Next's router, its request and response wrappers and its compression cost a route handler about as much CPU
// as the snapshot read itself (bench/page-cpu.ts: /api/health 0.9 ms, the snapshot 1.0 ms per request). The handler
// is the route file's own export, bound from its operation declaration (lib/http/route.ts): the same session, policy,
// ETag/304 and localized errors; only the transport is this module's. It adds what Next adds to an API answer: the
// security headers of next.config.js (lib/http/headers.js), and gzip for a text body of 1 KB or more when the client
// accepts it (Next's compression; a Wi-Fi room of tablets shares its air time, so the bytes count). The reader's first
// page picture comes this way too: every member opening a paper asks for it first, and waits for it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { apiPolicy, securityHeaders } from "./headers.js";
import { accepts, COMPRESS_FROM, compressible } from "./encoding.ts";
import { API_BASE, paramNames } from "./operation.ts";
import type { RouteHandler } from "./route.ts";

const gzipped = promisify(gzip);

interface DirectRoute {
  method: string;
  handler: RouteHandler;
  pattern: RegExp;
  names: string[];
}

/** Methods answered here; Next answers HEAD (and OPTIONS) for a route file by itself, so those go on to Next. */
const DIRECT_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

function routeOf(handler: RouteHandler): DirectRoute {
  const op = handler.operation;
  if (!DIRECT_METHODS.has(op.method)) throw new Error(`${op.id}: ${op.method} is left to Next`);
  // A JSON body or none: the route wrapper reads it from the request's stream with its own cap (lib/http/body.ts).
  if (op.body && op.body.kind !== "json") throw new Error(`${op.id}: only JSON bodies are answered directly`);
  const source = (API_BASE + op.path).replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{\w+\\?\}/g, "([^/]+)");
  return { method: op.method, handler, pattern: new RegExp(`^${source}$`), names: paramNames(op.path) };
}

/** The request as a route handler takes it; null when it cannot be one (Next then answers as it always did). */
function webRequest(req: IncomingMessage): Request | null {
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.append(name, value);
      else if (value) for (const v of value) headers.append(name, v);
    }
    const url = `http://${req.headers.host ?? "localhost"}${req.url}`;
    if (req.method === "GET") return new Request(url, { method: req.method, headers });
    // The body stays a stream: the handler reads it (or refuses it unread) as it would through Next.
    return new Request(url, { method: req.method, headers, body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } as RequestInit);
  } catch {
    return null;
  }
}

async function send(req: IncomingMessage, res: ServerResponse, answer: Response, dev: boolean): Promise<void> {
  let body: Buffer = Buffer.from(await answer.arrayBuffer());
  const headers: Record<string, string | string[]> = { "Content-Security-Policy": apiPolicy };
  for (const { key, value } of securityHeaders(dev)) headers[key] = value;
  for (const [name, value] of answer.headers) headers[name] = value;
  const vary = answer.headers.get("vary");
  headers.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  if (body.length >= COMPRESS_FROM && compressible(answer.headers.get("content-type")) && accepts(req, "gzip") && !answer.headers.has("content-encoding")) {
    body = await gzipped(body);
    headers["content-encoding"] = "gzip";
  }
  if (answer.status !== 304) headers["content-length"] = String(body.length);
  res.writeHead(answer.status, headers);
  res.end(answer.status === 304 ? undefined : body);
}

/**
 * A request handler for server.ts: answers a request for one of `handlers`' operations (method and path) and returns
 * true, or returns false and leaves the request to Next (every other method and path, and anything it could not turn
 * into a Request).
 */
export function directRoutes(handlers: RouteHandler[], dev = process.env.NODE_ENV !== "production") {
  const routes = handlers.map(routeOf);
  const methods = new Set(routes.map((r) => r.method));
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!methods.has(req.method ?? "")) return false;
    const path = (req.url ?? "/").split("?", 1)[0];
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const request = webRequest(req);
      if (!request) return false;
      // Decoded as Next decodes a dynamic segment (server.ts has refused paths whose escapes do not decode).
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
      route.handler(request, { params: Promise.resolve(params) })
        .then((answer) => send(req, res, answer, dev))
        .catch((e) => {
          // The handler answers every error itself; this is the connection failing under us.
          console.error("[direct] answer failed", e instanceof Error ? e.message : e);
          res.destroy();
        });
      return true;
    }
    return false;
  };
}

// Route handlers are bindings of operation declarations (lib/<domain>/operations.ts) to lib services. The one wrapper
// here does, for every operation: actor (401), same-origin check for writes (403), path ids (404), query (422), body
// (415, 413, 422), the handler, the answer with the declared status; errors → status + JSON in one place.
import { ZodError, type z } from "zod";
import { AppError, notFound, parseWith, validationError } from "../errors/index.ts";
import { requireActor } from "../auth/actor.ts";
import { errorTranslator } from "../i18n/errors.ts";
import { requestLocale } from "../i18n/locale.ts";
import { DEFAULT_LOCALE, type Locale } from "../i18n/config.ts";
import type { Actor } from "../policy/index.ts";
import { readJson } from "./body.ts";
import { isOwnOrigin } from "./origin.ts";
import { paramNames, type BodyOutput, type Operation, type PathParams, type QueryOutput } from "./operation.ts";

export interface HandlerContext<O extends Operation> {
  req: Request;
  actor: Actor;
  params: PathParams<O>;
  query: QueryOutput<O>;
  body: BodyOutput<O>;
  /** Extra headers for the answer (a Set-Cookie, say). */
  headers: Headers;
}

/** The declared answer as a handler may return it: dates may still be Date objects (JSON turns them into strings). */
type Serializable<T> = T extends string ? T | Date : T extends readonly (infer U)[] ? Serializable<U>[] : T extends object ? { [K in keyof T]: Serializable<T[K]> } : T;
export type HandlerResult<O extends Operation> = O["response"] extends { kind: "json"; schema: infer S extends z.ZodType }
  ? O extends { conditional: true }
    ? Conditional<Serializable<z.input<S>>>
    : Serializable<z.input<S>>
  : O extends { conditional: true }
    ? Conditional<Uint8Array>
    : Response;
/** A conditional operation's answer: the current ETag, and the body unless the request's If-None-Match is current. */
export interface Conditional<T> {
  etag: string;
  body: T | null;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = ((req: Request, context: RouteContext) => Promise<Response>) & { operation: Operation };

export interface Bound<O extends Operation = Operation> {
  operation: O;
  handler: RouteHandler;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The API takes the browser's session cookie, so a write must come from our own pages (CSRF). Browsers send Origin
 * on writes; without it, Fetch Metadata or a same-origin Referer must vouch for the request; with none of them it is
 * refused (a script sets Origin itself).
 */
function assertSameOrigin(req: Request) {
  if (!MUTATING.has(req.method)) return;
  const crossSite = () => new AppError("FORBIDDEN", "crossSite", undefined, { reason: "CROSS_SITE" });
  const origin = req.headers.get("origin");
  if (origin !== null) {
    if (!isOwnOrigin(origin, req.headers)) throw crossSite();
    return;
  }
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return;
    throw crossSite();
  }
  const referer = req.headers.get("referer");
  if (referer && isOwnOrigin(referer, req.headers)) return;
  throw crossSite();
}

/** Our ids are short printable ASCII (cuids, the demo's slugs); anything else names nothing: 404, like an unknown id. */
const ID = /^[\x21-\x7e]{1,100}$/;

function pathParams(op: Operation, raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of paramNames(op.path)) {
    const v = raw[name];
    if (typeof v !== "string" || !ID.test(v)) throw notFound();
    out[name] = v;
  }
  return out;
}

/** The error JSON, its messages in the requester's language. */
export function errorResponse(e: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  const t = errorTranslator(locale);
  if (e instanceof AppError) return Response.json(e.toJSON(t), { status: e.status });
  if (e instanceof ZodError) return errorResponse(validationError(e), locale);
  console.error("[api] unexpected error", e);
  return Response.json({ error: { code: "INTERNAL", message: t("INTERNAL") } }, { status: 500 });
}

/** Private answers are never stored by a browser or proxy cache, unless the route chose its own caching (ETag). */
function privateAnswer(res: Response): Response {
  if (!res.headers.has("cache-control")) res.headers.set("cache-control", "private, no-store");
  return res;
}

/** Kept by the browser, but asked again every time (no-cache): a 304 costs the server one small read. */
function conditionalAnswer(op: Operation, { etag, body }: Conditional<unknown>, headers: Headers): Response {
  headers.set("etag", etag);
  headers.set("cache-control", "private, no-cache");
  headers.set("vary", "Cookie");
  if (body === null) return new Response(null, { status: 304, headers });
  if (op.response.kind !== "file") return Response.json(body, { status: op.status, headers });
  headers.set("content-type", op.response.mediaType);
  return new Response(body as Uint8Array<ArrayBuffer>, { status: op.status, headers });
}

export function bind<O extends Operation>(op: O, handler: (ctx: HandlerContext<O>) => Promise<HandlerResult<O>>): Bound<O> {
  const run = async (req: Request, context: RouteContext): Promise<Response> => {
    let actor: Actor | null = null;
    try {
      actor = await requireActor(req.headers);
      assertSameOrigin(req);
      const params = pathParams(op, (await context?.params) ?? {});
      const query = op.query ? parseWith(op.query, Object.fromEntries(new URL(req.url).searchParams)) : {};
      const body = op.body?.kind === "json" ? parseWith(op.body.schema, await readJson(req)) : undefined;
      const headers = new Headers();
      const out = await handler({ req, actor, params, query, body, headers } as HandlerContext<O>);
      if (out instanceof Response) return privateAnswer(out);
      if (op.conditional) return conditionalAnswer(op, out as Conditional<unknown>, headers);
      return privateAnswer(Response.json(out ?? null, { status: op.status, headers }));
    } catch (e) {
      // A hidden meeting's item answers exactly like a made-up id: whichever layer found nothing, the one 404.
      const error = e instanceof AppError && e.code === "NOT_FOUND" ? notFound() : e;
      return privateAnswer(errorResponse(error, requestLocale(req.headers, actor)));
    }
  };
  return { operation: op, handler: Object.assign(run, { operation: op as Operation }) };
}

type MethodsOf<B extends Bound[]> = B[number]["operation"]["method"];

/** A route file's exports: one handler per method, each the binding of one declaration of the same path. */
export function routes<B extends Bound[]>(...bound: B): { [M in MethodsOf<B>]: RouteHandler } {
  const out: Partial<Record<string, RouteHandler>> = {};
  for (const { operation, handler } of bound) {
    if (operation.path !== bound[0].operation.path) throw new Error(`${operation.id}: one route file serves one path`);
    if (out[operation.method]) throw new Error(`${operation.id}: ${operation.method} bound twice`);
    out[operation.method] = handler;
  }
  return out as { [M in MethodsOf<B>]: RouteHandler };
}

// The one wrapper every route handler uses: same-origin check, actor, error → status + JSON, in one place.
import { ZodError } from "zod";
import { AppError, forbidden, parseWith } from "../errors/index.ts";
import { requireActor } from "../auth/actor.ts";
import type { Actor } from "../policy/index.ts";
import type { z } from "zod";

type Params = Record<string, string>;
interface Ctx<P extends Params> {
  req: Request;
  params: P;
  actor: Actor;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The API takes the browser's session cookie, so cross-site writes must be refused (CSRF). */
function assertSameOrigin(req: Request) {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin) return; // non-browser clients (scripts, tests) send no Origin
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden("a cross-site request");
  }
  if (originHost !== host) throw forbidden("a cross-site request");
}

export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return Response.json(e.toJSON(), { status: e.status });
  if (e instanceof ZodError) return errorResponse(new AppError("VALIDATION", "The request is not valid."));
  console.error("[api] unexpected error", e);
  return Response.json({ error: { code: "INTERNAL", message: "Something went wrong on the server." } }, { status: 500 });
}

export function route<P extends Params = Params>(handler: (ctx: Ctx<P>) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const actor = await requireActor(req.headers);
      const params = (await context?.params) ?? ({} as P);
      const out = await handler({ req, params, actor });
      if (out instanceof Response) return out;
      return Response.json(out ?? null, { status: req.method === "POST" ? 201 : 200 });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** Reads and validates a JSON body; malformed JSON is a 422 like any other bad input. */
export async function jsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    const text = await req.text();
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("VALIDATION", "The request body is not valid JSON.", { _: ["Invalid JSON"] });
  }
  return parseWith(schema, raw);
}

// One declaration per API operation: method, path, input and output schemas, the policy action, the statuses.
// Pure (zod only), so the browser imports the same declarations: the route handlers bind them (lib/http/route.ts),
// the OpenAPI document is generated from them (lib/http/openapi.ts), the UI calls them (lib/http/client.ts), and the
// authorization and fuzz tests walk every one of them.
import type { z } from "zod";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface MultipartPart {
  type: "string";
  format?: "binary";
  description?: string;
  required?: boolean;
}

export type RequestBody =
  | { kind: "json"; schema: z.ZodType }
  /** Read by the handler itself (after the policy check, before a possibly large body is read). */
  | { kind: "multipart"; parts: Record<string, MultipartPart>; fields?: z.ZodType };

export type ResponseBody =
  | { kind: "json"; schema: z.ZodType }
  /** A generated PDF, offered as a download. */
  | { kind: "pdf"; description: string }
  /** A stored file, streamed; `ranges`: answers Range requests with 206 (pdf.js reads large papers in pieces). */
  | { kind: "file"; mediaType: string; description: string; ranges: boolean };

export interface Operation {
  /** Unique, stable: "meetings.update". */
  id: string;
  method: Method;
  /** Under /api/v1, with `{param}` placeholders: "/meetings/{meetingId}". */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  body?: RequestBody;
  response: ResponseBody;
  status: 200 | 201;
  /**
   * The policy action the operation checks (a name from lib/policy), on the resource its path names, or globally when
   * the path names none. null: any signed-in user, acting only on their own data or through the policy's scope
   * filters (their notifications, the meetings they may see).
   */
  action: string | null;
  /** Statuses the handler itself can answer; those the wrapper adds (401, 403 cross-site, 404, 413, 415, 422) are implied. */
  errors: readonly number[];
  /**
   * A conditional GET: the handler returns `{ etag, body }`, body null when the request's If-None-Match is current;
   * the wrapper answers with the ETag, and 304 without a body when not modified (tablets re-fetching cheaply). A file
   * answer's body is its bytes.
   */
  conditional?: true;
}

/** A JSON body or answer described by `schema`. */
export const json = <S extends z.ZodType>(schema: S) => ({ kind: "json" as const, schema });

/** Declares an operation, keeping its literal types (path, method, schemas) for the typed client and the handler. */
export const operation = <const O extends Operation>(o: O): O => o;

export const API_BASE = "/api/v1";

type ParamNames<P extends string> = P extends `${string}{${infer K}}${infer Rest}` ? K | ParamNames<Rest> : never;
export type PathParams<O extends Operation> = { [K in ParamNames<O["path"]>]: string };
export type QueryInput<O extends Operation> = O["query"] extends z.ZodType ? z.input<O["query"]> : never;
export type QueryOutput<O extends Operation> = O["query"] extends z.ZodType ? z.output<O["query"]> : Record<string, never>;
export type BodyInput<O extends Operation> = O["body"] extends { kind: "json"; schema: infer S extends z.ZodType } ? z.input<S> : never;
export type BodyOutput<O extends Operation> = O["body"] extends { kind: "json"; schema: infer S extends z.ZodType } ? z.output<S> : undefined;
/** What the client receives (the JSON wire form: dates are ISO strings). */
export type Output<O extends Operation> = O["response"] extends { kind: "json"; schema: infer S extends z.ZodType } ? z.output<S> : Response;

/** The names of the path's parameters, in order. */
export const paramNames = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** What a call of the operation takes: its path params, query and JSON body, each only when it has them. */
export type CallInput<O extends Operation> = (keyof PathParams<O> extends never ? unknown : { params: PathParams<O> }) &
  (O["query"] extends z.ZodType ? { query?: z.input<O["query"]> } : unknown) &
  (O["body"] extends { kind: "json" } ? { body: BodyInput<O> } : unknown);
/** Optional when there is nothing to give. */
export type CallArgs<O extends Operation> = unknown extends CallInput<O> ? [input?: CallInput<O>] : [input: CallInput<O>];
/** A URL needs the path params and query only (the body travels separately). */
type UrlInput<O extends Operation> = Omit<CallInput<O>, "body">;
type UrlArgs<O extends Operation> = {} extends UrlInput<O> ? [input?: UrlInput<O>] : [input: UrlInput<O>];
export interface CallInputLoose {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** The URL of an operation, typed: for links and downloads (the agenda PDF, a paper's file) and XHR uploads. */
export function href<O extends Operation>(op: O, ...[input]: UrlArgs<O>): string {
  const { params, query } = (input ?? {}) as CallInputLoose;
  return operationUrl(op, params, query);
}

/** The URL of an operation with its path parameters (percent-encoded) and query filled in. */
export function operationUrl(op: Operation, params: Record<string, string> = {}, query?: Record<string, unknown>): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== "string") throw new Error(`${op.id}: missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) search.set(k, String(v));
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ""}`;
}

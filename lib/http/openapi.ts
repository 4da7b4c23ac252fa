// The OpenAPI 3.1 document, generated from the operation declarations (the same zod schemas the routes validate with).
import { z } from "zod";
import { errorStatus } from "../errors/index.ts";
import { apiOperations } from "./api.ts";
import { MAX_JSON_BYTES } from "./body.ts";
import { API_BASE, paramNames, type Operation } from "./operation.ts";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: Object.keys(errorStatus) },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "The problems, per field" },
        details: { description: "Machine-readable extras: `reason` (a stable key), or the fresh state on a 409" },
      },
    },
  },
};

const errorText: Record<number, string> = {
  400: "The body was cut off before it arrived in full",
  401: "Not signed in",
  403: "Not allowed, or a cross-site write",
  404: "Not found (or not visible to you: the same answer)",
  409: "Stale baseVersion: `details.meeting` carries the fresh state",
  413: "Too large",
  429: "Too many attempts: try again later",
  415: "The body is not JSON (send Content-Type: application/json)",
  422: "Validation failed: `fields` lists the problems; nothing was written",
};

function jsonSchema(s: z.ZodType, io: "input" | "output") {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(s, {
    io,
    unrepresentable: "any",
    // `format: date-time` says it; zod's long regex for the same thing only bloats the document.
    override: ({ jsonSchema }) => void (jsonSchema.format === "date-time" && delete jsonSchema.pattern),
  });
  return schema;
}
const schemaOf = (s: z.ZodType) => jsonSchema(s, "input");
const answerSchemaOf = (s: z.ZodType) => jsonSchema(s, "output");

/** The statuses the wrapper (lib/http/route.ts) can answer for this operation, besides its own. */
function impliedErrors(op: Operation): number[] {
  const out = [401];
  if (paramNames(op.path).length) out.push(404);
  if (op.method !== "GET") out.push(403);
  if (op.query) out.push(422);
  if (op.body?.kind === "json") out.push(400, 413, 415, 422);
  return out;
}

function requestBody(op: Operation) {
  if (op.body?.kind === "json") {
    return { required: true, description: `At most ${MAX_JSON_BYTES / 1024} KB`, content: { "application/json": { schema: schemaOf(op.body.schema) } } };
  }
  if (op.body?.kind === "multipart") {
    const parts = Object.entries(op.body.parts);
    const properties = Object.fromEntries(parts.map(([k, { required: _required, ...v }]) => [k, v]));
    const required = parts.filter(([, v]) => v.required).map(([k]) => k);
    return { required: true, content: { "multipart/form-data": { schema: { type: "object", properties, required } } } };
  }
  return undefined;
}

const etagHeader = { ETag: { schema: { type: "string" }, description: "Send it back as If-None-Match to be answered 304 while it is current" } };

function success(op: Operation) {
  const r = op.response;
  if (r.kind === "json" && op.conditional) {
    return {
      [op.status]: { description: "OK", headers: etagHeader, content: { "application/json": { schema: answerSchemaOf(r.schema) } } },
      304: { description: "Not modified: what you have (If-None-Match) is current; no body", headers: etagHeader },
    };
  }
  if (r.kind === "json") return { [op.status]: { description: "OK", content: { "application/json": { schema: answerSchemaOf(r.schema) } } } };
  const pdf = { "application/pdf": { schema: { type: "string", format: "binary" } } };
  if (r.kind === "pdf") {
    return { [op.status]: { description: r.description, headers: { "Content-Disposition": { schema: { type: "string" }, description: "attachment, with the file name" } }, content: pdf } };
  }
  const binary = { [r.mediaType]: { schema: { type: "string", format: "binary" } } };
  const file = { [op.status]: { description: r.description, headers: { ETag: { schema: { type: "string" } } }, content: binary } };
  if (op.conditional) return { ...file, 304: { description: "Not modified: what you have (If-None-Match) is current; no body", headers: etagHeader } };
  if (!r.ranges) return file;
  return {
    ...file,
    206: { description: "The requested byte range (Range: bytes=start-end)", headers: { "Content-Range": { schema: { type: "string" } } }, content: { [r.mediaType]: { schema: { type: "string", format: "binary" } } } },
    416: { description: "The range is outside the file" },
  };
}

function parameters(op: Operation) {
  const path = paramNames(op.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
  const shape = op.query ? schemaOf(op.query) : null;
  const properties = (shape?.properties ?? {}) as Record<string, object>;
  const required = new Set((shape?.required as string[] | undefined) ?? []);
  const query = Object.entries(properties).map(([name, schema]) => ({ name, in: "query", required: required.has(name), schema }));
  const conditional = op.conditional ? [{ name: "If-None-Match", in: "header", required: false, schema: { type: "string" }, description: "The ETag of what you have" }] : [];
  const ranges = op.response.kind === "file" && op.response.ranges
    ? [
        { name: "Range", in: "header", required: false, schema: { type: "string" }, description: "One byte range, bytes=start-end, bytes=start- or bytes=-suffix (206)" },
        { name: "If-Range", in: "header", required: false, schema: { type: "string" }, description: "The ETag you hold: the range applies only if the file is still that one" },
      ]
    : [];
  return [...path, ...query, ...conditional, ...ranges];
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    const responses: Record<string, unknown> = success(op);
    for (const s of [...new Set([...impliedErrors(op), ...op.errors])].sort()) {
      responses[s] = { description: errorText[s], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    const body = requestBody(op);
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      ...(op.action ? { "x-policy-action": op.action } : {}),
      parameters: parameters(op),
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenCabinet API",
      version: "1",
      description:
        "Session cookie auth. Writes must come from the same origin (Origin, or Sec-Fetch-Site / Referer). Errors: { error: { code, message, fields?, details? } }. Answers are Cache-Control: private, no-store; conditional ones (ETag, If-None-Match → 304) private, no-cache.",
    },
    servers: [{ url: API_BASE }],
    components: { schemas: { Error: errorSchema }, securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ session: [] }],
    paths,
  };
}

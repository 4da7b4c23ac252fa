// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
import { z } from "zod";
import { operations as meetingOperations } from "../meetings/openapi.ts";
import { operations as agendaOperations } from "../agenda/openapi.ts";
import { operations as documentOperations } from "../documents/openapi.ts";
import { operations as userOperations } from "../users/openapi.ts";

// Each domain lists its operations in lib/<domain>/openapi.ts; this module only assembles the document.
export interface Operation {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  summary: string;
  tag: string;
  body?: z.ZodType;
  multipart?: Record<string, { type: string; format?: string; description?: string; required?: boolean }>;
  success: number;
  errors: number[];
}

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", enum: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "TOO_LARGE", "VALIDATION", "RATE_LIMITED"] },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
        details: {},
      },
    },
  },
};

const errorText: Record<number, string> = {
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found (or not visible to you)",
  409: "Stale version: the body carries the fresh state",
  413: "Too large",
  422: "Validation failed: `fields` lists the problems",
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of [...meetingOperations, ...agendaOperations, ...documentOperations, ...userOperations]) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const requestBody = op.body
      ? { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } }
      : op.multipart
        ? {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  properties: Object.fromEntries(Object.entries(op.multipart).map(([k, v]) => [k, { type: v.type, format: v.format, description: v.description }])),
                  required: Object.entries(op.multipart).filter(([, v]) => v.required).map(([k]) => k),
                },
              },
            },
          }
        : undefined;
    const responses: Record<string, unknown> = { [op.success]: { description: "OK" } };
    for (const s of op.errors) responses[s] = { description: errorText[s], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    (paths[op.path] ??= {})[op.method] = { summary: op.summary, tags: [op.tag], parameters: params, ...(requestBody ? { requestBody } : {}), responses };
  }
  return {
    openapi: "3.1.0",
    info: { title: "OpenCabinet API", version: "1", description: "Session cookie auth (same-origin). Errors: { error: { code, message, fields? } }." },
    servers: [{ url: "/api/v1" }],
    components: { schemas: { Error: errorSchema }, securitySchemes: { session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" } } },
    security: [{ session: [] }],
    paths,
  };
}

// The declarations are the API: every route export is the binding of one, every one is bound at its path, and the
// OpenAPI document describes each (query parameters and non-JSON answers included).
import { describe, expect, it } from "vitest";
import { apiOperations } from "@/lib/http/api";
import { href, operationUrl } from "@/lib/http/operation";
import { agendaOps } from "@/lib/agenda/operations";
import { documentOps } from "@/lib/documents/operations";
import { openApiDocument } from "@/lib/http/openapi";
import type { RouteHandler } from "@/lib/http/route";
import { routeModules } from "./routes";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// Public and outside the declarations: the document that describes them.
const UNDECLARED = new Set(["GET /openapi.json"]);

describe("operation declarations", () => {
  it("every declared operation is bound at its path and method, and every route export is a declared operation", async () => {
    const modules = await routeModules();
    for (const op of apiOperations) {
      const handler = modules.get(op.path)?.[op.method] as RouteHandler | undefined;
      expect(handler?.operation, `${op.id}: ${op.method} ${op.path}`).toBe(op);
    }
    for (const [path, mod] of modules) {
      for (const method of METHODS.filter((m) => m in mod)) {
        if (UNDECLARED.has(`${method} ${path}`)) continue;
        expect(apiOperations, `${method} ${path} is exported but not declared`).toContain((mod[method] as RouteHandler).operation);
      }
    }
  });

  it("builds URLs from the declaration, percent-encoding the ids and the query", () => {
    expect(operationUrl(agendaOps.update, { itemId: "a/b c" })).toBe("/api/v1/agenda-items/a%2Fb%20c");
    expect(href(agendaOps.pdf, { params: { meetingId: "m1" }, query: { locale: "en" } })).toBe("/api/v1/meetings/m1/agenda.pdf?locale=en");
    expect(href(documentOps.file, { params: { documentId: "d1" } })).toBe("/api/v1/documents/d1/file");
    expect(() => operationUrl(agendaOps.update, {})).toThrow(/itemId/);
  });
});

describe("OpenAPI from the declarations", () => {
  const doc = openApiDocument() as any;

  it("has every operation once, with its id, policy action, parameters and statuses", () => {
    for (const op of apiOperations) {
      const entry = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(entry, op.id).toBeDefined();
      expect(entry.operationId).toBe(op.id);
      if (op.action) expect(entry["x-policy-action"]).toBe(op.action);
      expect(Object.keys(entry.responses)).toContain(String(op.status));
      expect(Object.keys(entry.responses)).toContain("401");
      const pathParams = entry.parameters.filter((p: { in: string }) => p.in === "path").map((p: { name: string }) => p.name);
      expect(pathParams).toEqual([...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      if (op.body?.kind === "json") expect(Object.keys(entry.responses)).toEqual(expect.arrayContaining(["413", "415", "422"]));
    }
  });

  it("describes query parameters and non-JSON answers", () => {
    const pdf = doc.paths["/meetings/{meetingId}/agenda.pdf"].get;
    expect(pdf.parameters).toContainEqual(expect.objectContaining({ name: "locale", in: "query", required: false, schema: expect.objectContaining({ enum: ["vi", "en"] }) }));
    expect(Object.keys(pdf.responses["200"].content)).toEqual(["application/pdf"]);
    const file = doc.paths["/documents/{documentId}/file"].get;
    expect(file.parameters).toContainEqual(expect.objectContaining({ name: "version", in: "query" }));
    expect(file.responses["200"].content["application/pdf"].schema).toMatchObject({ type: "string", format: "binary" });
    expect(Object.keys(file.responses)).toEqual(expect.arrayContaining(["200", "206", "416"]));
    expect(file.parameters).toContainEqual(expect.objectContaining({ name: "Range", in: "header" }));
    const upload = doc.paths["/meetings/{meetingId}/documents"].post;
    expect(upload.requestBody.content["multipart/form-data"].schema.required).toEqual(["file", "title"]);
  });

  it("describes JSON answers, dates as date-time strings", () => {
    const list = doc.paths["/meetings"].get.responses["200"].content["application/json"].schema;
    expect(list.properties.meetings.items.properties.startsAt).toMatchObject({ type: "string", format: "date-time" });
    const snapshot = doc.paths["/meetings/{meetingId}"].get.responses["200"].content["application/json"].schema;
    expect(snapshot.properties.agenda).toBeDefined();
  });
});

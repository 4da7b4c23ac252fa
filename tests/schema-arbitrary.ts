// fast-check arbitraries from the operations' zod schemas (through their JSON Schema), with hostile values mixed in
// at every level: lone surrogates, bidi overrides, %, NUL, huge and non-integer numbers, far dates, wrong types,
// deep nesting. Mostly close to valid, so requests get past the first check and reach the deeper code.
import fc from "fast-check";
import { z } from "zod";

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

/** Text that has broken servers before, and that can travel in a URL (no lone surrogates: a URL cannot carry them). */
export const hostileUrlText = fc.constantFrom(
  "%", "%E0%A4%A", "%00", "\u0000", "\u202eexe.pdf", "\u200f", "Đ", "../../etc/passwd", "a".repeat(5000), " ", "",
  "+010000-01-01T00:00:00Z", "-1", "1e309", "9".repeat(40), "NaN", "null", "[]", "{}", "<script>", "'; DROP TABLE Meeting;--",
);

const deep = (n: number): unknown => {
  let v: unknown = "x";
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileUrlText,
  fc.constantFrom(
    "a \ud800 b", "\udc00", "\ud83d", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "+275760-09-13T00:00:00Z", "2026-02-30T08:00:00Z",
    1e308, -1e308, 2 ** 31, 2 ** 53, -(2 ** 53), 0.5, -1, 0, true, false, null, [], {}, { nested: { deeper: [1, "2"] } },
  ),
  fc.constant(deep(2000)),
  fc.string({ unit: "binary", maxLength: 20 }), // any code units, lone surrogates included
  fc.integer(),
  fc.double(),
);

const EARLIEST = Date.parse("0000-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

function validish(s: JsonSchema): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => fromJsonSchema(a)));
  if (s.allOf?.length) return fromJsonSchema(s.allOf[0]);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "object": {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromJsonSchema(v)]));
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    case "array":
      return fc.array(s.items ? fromJsonSchema(s.items) : hostileValue, { maxLength: Math.min(s.maxItems ?? 4, 4) });
    case "string":
      if (s.format === "date-time") return fc.integer({ min: EARLIEST, max: LATEST }).map((t) => new Date(t).toISOString());
      return fc.oneof(
        fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) }),
        fc.constant("x".repeat(s.maxLength ?? 300)),
        fc.constant("y".repeat((s.maxLength ?? 300) + 1)),
      );
    case "integer":
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -(2 ** 40)), max: Math.min(s.maximum ?? 1000, 2 ** 40) });
    case "number":
      return fc.double({ noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      return hostileValue;
  }
}

/** Values for this schema: mostly shaped like it, with a hostile value (or a missing key) now and then, at any depth. */
export function fromJsonSchema(s: JsonSchema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 5, arbitrary: validish(s) }, { weight: 1, arbitrary: hostileValue });
}

export const arbitraryFor = (schema: z.ZodType) => fromJsonSchema(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema);

/** Hostile text a field may receive: what breaks storage, display or parsing. */
export const hostileText: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom("a \ud800 b", "\udc00", "\ud83d", "\u202eexe.pdf", "\u0000", "%", "+010000-01-01T00:00:00Z", "-000001-01-01T00:00:00Z"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 12 }),
);

/**
 * Bodies for an operation: its valid body with one field changed (to a value from its schema, hostile text or any
 * hostile value), so that requests reach past validation into the code behind it; or a whole body from the schema.
 */
export function bodiesFor(schema: z.ZodType, valid: unknown): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const shapes = [json, ...(json.anyOf ?? json.oneOf ?? [])];
  const keys = [...new Set([...Object.keys((valid as object) ?? {}), ...shapes.flatMap((sh) => Object.keys(sh.properties ?? {}))])];
  const propertySchema = (k: string) => shapes.map((sh) => sh.properties?.[k]).find(Boolean);
  const oneChanged = keys.length
    ? fc.constantFrom(...keys).chain((k) => {
        const own = propertySchema(k);
        const value = own ? fc.oneof(fromJsonSchema(own), hostileText, hostileValue) : fc.oneof(hostileText, hostileValue);
        return value.map((v) => ({ ...(valid as object), [k]: v }));
      })
    : fc.constant(valid);
  return fc.oneof({ weight: 3, arbitrary: oneChanged }, { weight: 1, arbitrary: fromJsonSchema(json) }, { weight: 1, arbitrary: hostileValue });
}

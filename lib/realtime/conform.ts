// A zod schema's rules as plain data, checked by one small function: how a tablet validates the events it receives
// (hundreds of tablets run in one benchmark process, one event each; zod's own parse makes a result object per
// field and runs many small functions, which cost most of a tablet's first events while they are not yet compiled).
// Not a second validator: the rules are read from the schemas in events.ts, and `conforms` answers only "yes, zod
// accepts this value as it is" (every field valid, no key zod would strip). For anything else the caller asks zod,
// which decides (and strips); lib/realtime/conform.test.ts checks on random and broken payloads that a yes is
// never wrong.
import type { z } from "zod";

const STRING = 0;
const NUMBER = 1;
const BOOLEAN = 2;
const ENUM = 3;
const NULLABLE = 4;
const OPTIONAL = 5;
const ARRAY = 6;
const RECORD = 7;
const OBJECT = 8;

/** One node of a schema, in one shape for every kind (the checker's property reads stay monomorphic). */
interface Rule {
  kind: number;
  /** NULLABLE, OPTIONAL: the inner type; ARRAY: the element; RECORD: the value. */
  inner: Rule | null;
  /** OBJECT: its keys and their rules. */
  keys: string[];
  fields: Rule[];
  /** ENUM: the allowed values. */
  values: ReadonlySet<unknown> | null;
  /** NUMBER: a safe integer; at least (`minInclusive`) or more than `min`. */
  int: boolean;
  min: number;
  minInclusive: boolean;
}

interface Def {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: { check: string; format?: string; value?: unknown; inclusive?: boolean } } }[];
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
}
interface Schema {
  _zod: { def: Def; values?: ReadonlySet<unknown> };
}

const rule = (kind: number): Rule => ({ kind, inner: null, keys: [], fields: [], values: null, int: false, min: -Infinity, minInclusive: true });

/** The schema's rules; null when it uses something this does not read (then zod checks every value). */
export function rulesOf(schema: z.ZodType): Rule | null {
  try {
    return compile(schema as unknown as Schema, new Map());
  } catch {
    return null;
  }
}

function compile(schema: Schema, done: Map<Schema, Rule>): Rule {
  const known = done.get(schema);
  if (known) return known;
  const def = schema._zod.def;
  if (def.coerce) throw new Error("coerce");
  const checks = def.checks ?? [];
  const out = (r: Rule) => (done.set(schema, r), r);
  switch (def.type) {
    case "string":
    case "boolean":
      if (checks.length) throw new Error("checks");
      return out(rule(def.type === "string" ? STRING : BOOLEAN));
    case "number": {
      const r = out(rule(NUMBER));
      for (const { _zod: { def: c } } of checks) {
        if (c.check === "number_format" && c.format === "safeint") r.int = true;
        else if (c.check === "greater_than" && typeof c.value === "number" && r.min === -Infinity) {
          r.min = c.value;
          r.minInclusive = c.inclusive === true;
        } else throw new Error(`check ${c.check}`);
      }
      return r;
    }
    case "enum": {
      if (checks.length || !schema._zod.values) throw new Error("enum");
      const r = out(rule(ENUM));
      r.values = schema._zod.values;
      return r;
    }
    case "nullable":
    case "optional":
    case "array": {
      if (checks.length) throw new Error("checks");
      const r = out(rule(def.type === "nullable" ? NULLABLE : def.type === "optional" ? OPTIONAL : ARRAY));
      r.inner = compile((def.type === "array" ? def.element : def.innerType)!, done);
      return r;
    }
    case "record": {
      if (checks.length || def.keyType!._zod.def.type !== "string" || def.keyType!._zod.def.checks?.length) throw new Error("record");
      const r = out(rule(RECORD));
      r.inner = compile(def.valueType!, done);
      return r;
    }
    case "object": {
      if (checks.length) throw new Error("checks");
      const r = out(rule(OBJECT));
      for (const [key, field] of Object.entries(def.shape!)) {
        // A key every object has (toString, __proto__): its absence cannot be seen by reading it.
        if (key in Object.prototype) throw new Error(key);
        r.keys.push(key);
        r.fields.push(compile(field, done));
      }
      return r;
    }
    default:
      throw new Error(def.type);
  }
}

/** Whether zod accepts `value` as it is: valid, and with no key it would strip. (false: ask zod.) */
export function conforms(r: Rule, value: unknown): boolean {
  switch (r.kind) {
    case STRING:
      return typeof value === "string";
    case NUMBER:
      return typeof value === "number" && Number.isFinite(value) && (!r.int || Number.isSafeInteger(value)) && (r.minInclusive ? value >= r.min : value > r.min);
    case BOOLEAN:
      return typeof value === "boolean";
    case ENUM:
      return r.values!.has(value);
    case NULLABLE:
      return value === null || conforms(r.inner!, value);
    case OPTIONAL:
      return value === undefined || conforms(r.inner!, value);
    case ARRAY: {
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) if (!conforms(r.inner!, value[i])) return false;
      return true;
    }
    case RECORD: {
      if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
      const record = value as Record<string, unknown>;
      for (const key in record) if (key === "__proto__" || !Object.hasOwn(record, key) || !conforms(r.inner!, record[key])) return false;
      return true;
    }
    case OBJECT: {
      if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
      const object = value as Record<string, unknown>;
      let present = 0;
      for (let i = 0; i < r.keys.length; i++) {
        const field = object[r.keys[i]];
        if (field !== undefined) present++;
        if (!conforms(r.fields[i], field)) return false;
      }
      // Every key is one of the schema's, with a value (zod would strip any other, or keep an undefined one).
      let keys = 0;
      for (const _ in object) keys++;
      return keys === present;
    }
    default:
      return false;
  }
}

// conform.ts may say "yes" only where zod accepts the value unchanged: checked on random valid events of every kind
// and on the same events broken at a random place (a wrong type, a missing or extra key, NaN, a float, ...).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { z } from "zod";
import { conforms, rulesOf } from "./conform.ts";
import { MEETING_EVENT_NAMES, meetingEventSchemas, parseMeetingEvent } from "./events.ts";

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; format?: string; value?: number; inclusive?: boolean } } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def; values?: Set<unknown> } })._zod;

/** Values the schema accepts (what the server sends), from its definition. */
function valid(s: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const { def, values } = defOf(s);
  switch (def.type) {
    case "string": return fc.string({ maxLength: 8 });
    case "boolean": return fc.boolean();
    case "number": {
      const min = def.checks?.find((c) => c._zod.def.check === "greater_than")?._zod.def;
      return fc.integer({ min: min ? min.value! + (min.inclusive ? 0 : 1) : -1000, max: 1_000_000 });
    }
    case "enum": return fc.constantFrom(...values!);
    case "nullable": return fc.option(valid(def.innerType!, depth), { nil: null });
    case "optional": return fc.option(valid(def.innerType!, depth), { nil: undefined });
    case "array": return fc.array(valid(def.element!, depth + 1), { maxLength: depth > 1 ? 1 : 2 });
    case "record": return fc.dictionary(fc.string({ maxLength: 4 }), valid(def.valueType!, depth + 1), { maxKeys: 2, noNullPrototype: true });
    case "object": {
      const shape = Object.entries(def.shape!);
      const optional = shape.filter(([, f]) => defOf(f).def.type === "optional").map(([k]) => k);
      return fc
        .record(Object.fromEntries(shape.map(([k, f]) => [k, valid(f, depth + 1)])), { requiredKeys: shape.map(([k]) => k).filter((k) => !optional.includes(k)) })
        // An absent optional key, not one present with undefined (JSON has no undefined).
        .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default: throw new Error(`no generator for ${def.type}`);
  }
}

/** Every place in a value: [parent, key] pairs. */
function places(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out)));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (out.push([v as Record<string, unknown>, k]), places(x, out));
  return out;
}

const broken = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, 0.5, -1, -0, 2 ** 53, "", "1", null, undefined, [], {}, true),
);

describe("conforms: a yes only where zod accepts the value unchanged", () => {
  for (const name of MEETING_EVENT_NAMES) {
    const schema = meetingEventSchemas[name];
    const rules = rulesOf(schema)!;

    it(`${name}: every valid event conforms, and zod accepts it unchanged`, () => {
      expect(rules).not.toBeNull();
      fc.assert(
        fc.property(valid(schema), (event) => {
          expect(conforms(rules, event)).toBe(true);
          expect(schema.parse(event)).toStrictEqual(event);
          expect(parseMeetingEvent(name, event)).toBe(event);
        }),
        { numRuns: 200 },
      );
    });

    it(`${name}: broken at a random place, it conforms only if zod accepts it unchanged`, () => {
      fc.assert(
        fc.property(valid(schema), fc.nat(), broken, fc.constantFrom("replace", "delete", "add"), (event, at, bad, how) => {
          const spots = places(event);
          if (how === "add" || spots.length === 0) (event as Record<string, unknown>)[`extra${at % 3}`] = bad;
          else {
            const [parent, key] = spots[at % spots.length];
            if (how === "delete" && !Array.isArray(parent)) delete parent[key as string];
            else (parent as Record<string | number, unknown>)[key] = bad;
          }
          const zod = schema.safeParse(event);
          if (conforms(rules, event)) {
            expect(zod.success).toBe(true);
            expect(zod.data).toStrictEqual(event);
          }
          // And what the client takes is zod's verdict either way.
          expect(parseMeetingEvent(name, event)).toEqual(zod.success ? zod.data : null);
        }),
        { numRuns: 500 },
      );
    });
  }

  it("reads only what it knows: a schema with other rules is left to zod", async () => {
    const { z } = await import("zod");
    expect(rulesOf(z.object({ a: z.string().min(1) }))).toBeNull();
    expect(rulesOf(z.object({ a: z.union([z.string(), z.number()]) }))).toBeNull();
    expect(rulesOf(z.object({ a: z.number().max(3) }))).toBeNull();
    expect(rulesOf(z.object({ toString: z.string() }))).toBeNull();
    expect(rulesOf(z.object({ a: z.coerce.number() }))).toBeNull();
  });
});

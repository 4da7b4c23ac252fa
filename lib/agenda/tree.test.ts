import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyPlacement, MAX_AGENDA_DEPTH, planDelete, planInsert, planMove, TreeError, treeViolation, type TreeRow } from "./tree";

type Op =
  | { kind: "insert"; parent: number; position: number }
  | { kind: "move"; item: number; parent: number; position: number }
  | { kind: "delete"; item: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), parent: fc.integer({ min: -1, max: 30 }), position: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant("move" as const), item: fc.nat(30), parent: fc.integer({ min: -1, max: 30 }), position: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant("delete" as const), item: fc.nat(30) }),
);

/** -1 (or an index past the end) picks the root; otherwise the n-th existing row. */
const pick = (rows: TreeRow[], n: number) => (n < 0 || rows.length === 0 ? null : rows[n % rows.length].id);

describe("agenda tree (property)", () => {
  it("any sequence of inserts, moves and deletes keeps a valid tree with dense positions 0..n-1", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let rows: TreeRow[] = [];
        let next = 0;
        for (const o of ops) {
          try {
            if (o.kind === "insert") {
              const id = `i${next++}`;
              rows = applyPlacement(rows, planInsert(rows, id, pick(rows, o.parent), o.position));
              expect(rows.some((r) => r.id === id)).toBe(true);
            } else if (o.kind === "move") {
              const id = pick(rows, o.item);
              if (!id) continue;
              const before = rows.length;
              rows = applyPlacement(rows, planMove(rows, id, pick(rows, o.parent), o.position));
              expect(rows.length).toBe(before);
            } else {
              const id = pick(rows, o.item);
              if (!id) continue;
              const { deleted, placement } = planDelete(rows, id);
              rows = applyPlacement(rows, placement, deleted);
              expect(rows.some((r) => r.id === id)).toBe(false);
            }
          } catch (e) {
            // Refusals (cycle, too deep) are allowed; they must leave the tree untouched, which they do: rows is unchanged.
            if (!(e instanceof TreeError)) throw e;
          }
          expect(treeViolation(rows)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses moving an item under its own descendant, and nesting deeper than the limit", () => {
    let rows: TreeRow[] = [];
    rows = applyPlacement(rows, planInsert(rows, "a", null));
    rows = applyPlacement(rows, planInsert(rows, "b", "a"));
    rows = applyPlacement(rows, planInsert(rows, "c", "b"));
    expect(() => planMove(rows, "a", "c", 0)).toThrow(TreeError);
    expect(MAX_AGENDA_DEPTH).toBe(3);
    expect(() => planInsert(rows, "d", "c")).toThrow("agenda.tooDeep");
  });

  it("moving within the same parent reorders without gaps", () => {
    let rows: TreeRow[] = [];
    for (const id of ["a", "b", "c", "d"]) rows = applyPlacement(rows, planInsert(rows, id, null));
    rows = applyPlacement(rows, planMove(rows, "a", null, 3));
    const order = [...rows].sort((x, y) => x.position - y.position).map((r) => r.id);
    expect(order).toEqual(["b", "c", "d", "a"]);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyPlacement, planMove, treeViolation, type TreeRow } from "@/lib/agenda/tree";
import { dropMove, flatten, indentMove, outdentMove, type TreeNodeLike } from "./agendaMoves";

function toTree(rows: TreeRow[], parentId: string | null = null): TreeNodeLike[] {
  return rows.filter((r) => r.parentId === parentId).sort((a, b) => a.position - b.position).map((r) => ({ id: r.id, title: r.id, children: toTree(rows, r.id) }));
}

function isUnder(rows: TreeRow[], id: string, ancestor: string): boolean {
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let cur = byId.get(id); cur?.parentId; cur = byId.get(cur.parentId)) if (cur.parentId === ancestor) return true;
  return false;
}

const rowsA: TreeRow[] = [
  { id: "a", parentId: null, position: 0 }, { id: "b", parentId: null, position: 1 }, { id: "c", parentId: null, position: 2 },
  { id: "b1", parentId: "b", position: 0 }, { id: "b2", parentId: "b", position: 1 },
];

describe("drag-and-drop → move", () => {
  it("dropping on a later sibling puts the item right after it; on an earlier one, right before it", () => {
    const flat = flatten(toTree(rowsA));
    expect(dropMove(flat, "a", "c")).toEqual({ parentId: null, position: 2 });
    expect(dropMove(flat, "c", "a")).toEqual({ parentId: null, position: 0 });
  });

  it("dropping on an item under another parent moves it into that parent", () => {
    const flat = flatten(toTree(rowsA));
    expect(dropMove(flat, "c", "b1")).toEqual({ parentId: "b", position: 0 });
    expect(dropMove(flat, "a", "b2")).toEqual({ parentId: "b", position: 2 });
  });

  it("never drops an item into its own subtree", () => {
    expect(dropMove(flatten(toTree(rowsA)), "b", "b1")).toBeNull();
  });

  it("indent / outdent", () => {
    const flat = flatten(toTree(rowsA));
    expect(indentMove(flat, "c")).toEqual({ parentId: "b", position: 2 });
    expect(indentMove(flat, "a")).toBeNull();
    expect(outdentMove(flat, "b2")).toEqual({ parentId: null, position: 2 });
  });

  it("the item always lands where it was dropped (the flattened order shows it next to the target)", () => {
    fc.assert(
      fc.property(fc.nat(4), fc.nat(4), (i, j) => {
        const flat = flatten(toTree(rowsA));
        const move = dropMove(flat, flat[i].id, flat[j].id);
        if (!move) return;
        const after = applyPlacement(rowsA, planMove(rowsA, flat[i].id, move.parentId, move.position));
        expect(treeViolation(after)).toBeNull();
        const order = flatten(toTree(after)).map((f) => f.id);
        const [a, o] = [order.indexOf(flat[i].id), order.indexOf(flat[j].id)];
        // Moving down lands after the target (past its subtree); moving up lands right before it (with its own subtree).
        const subtree = 1 + rowsA.filter((r) => isUnder(rowsA, r.id, flat[i].id)).length;
        if (i < j) expect(a).toBeGreaterThan(o);
        else expect(o - a).toBe(subtree);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timePlan, type TimePlanNode } from "./timeplan";

interface Node extends TimePlanNode {
  id: string;
  children: Node[];
}

const n = (id: string, plannedMinutes: number, children: Node[] = []): Node => ({ id, plannedMinutes, children });

/** Agenda trees up to 3 levels deep (as the app allows), minutes 0–240. */
const tree = (depth: number): fc.Arbitrary<Node[]> =>
  fc.array(
    fc.record({
      id: fc.uuid(),
      plannedMinutes: fc.integer({ min: 0, max: 240 }),
      children: depth > 1 ? tree(depth - 1) : fc.constant([] as Node[]),
    }),
    { maxLength: depth === 3 ? 8 : 4 },
  );

const startArb = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });

function preorder(nodes: Node[]): Node[] {
  return nodes.flatMap((x) => [x, ...preorder(x.children)]);
}
const sum = (nodes: Node[]): number => nodes.reduce((s, x) => s + x.plannedMinutes + sum(x.children), 0);

describe("timePlan", () => {
  it("the demo agenda: parents' own minutes before their sub-items", () => {
    const agenda = [
      n("open", 10),
      n("egov", 15, [n("report", 20), n("infra", 15, [n("deep", 5)]), n("economy", 10)]),
      n("close", 15),
    ];
    const plan = timePlan("2026-11-10T01:00:00Z", agenda); // 08:00 in Hanoi
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    expect(plan.items.map((i) => [i.number, i.node.id, hhmm(i.start), hhmm(i.end), hhmm(i.subtreeEnd)])).toEqual([
      ["1.", "open", "01:00", "01:10", "01:10"],
      ["2.", "egov", "01:10", "01:25", "02:15"],
      ["2.1.", "report", "01:25", "01:45", "01:45"],
      ["2.2.", "infra", "01:45", "02:00", "02:05"],
      ["2.2.1.", "deep", "02:00", "02:05", "02:05"],
      ["2.3.", "economy", "02:05", "02:15", "02:15"],
      ["3.", "close", "02:15", "02:30", "02:30"],
    ]);
    expect(plan.totalMinutes).toBe(90);
    expect(plan.end.toISOString()).toBe("2026-11-10T02:30:00.000Z");
  });

  it("an empty agenda takes no time", () => {
    const plan = timePlan(new Date("2026-01-01T00:00:00Z"), []);
    expect(plan).toMatchObject({ items: [], totalMinutes: 0 });
    expect(plan.end.getTime()).toBe(plan.start.getTime());
  });

  it("negative or fractional minutes never move the plan backwards", () => {
    const plan = timePlan(0, [n("a", -5), n("b", 2.7), n("c", Number.NaN)]);
    expect(plan.items.map((i) => i.minutes)).toEqual([0, 2, 0]);
    expect(plan.totalMinutes).toBe(2);
  });

  it("items are contiguous in reading order, and the last ends at start + total minutes", () => {
    fc.assert(
      fc.property(startArb, tree(3), (start, agenda) => {
        const plan = timePlan(start, agenda);
        // Every item exactly once, depth-first, parents before their children.
        expect(plan.items.map((i) => i.node)).toEqual(preorder(agenda));
        expect(plan.totalMinutes).toBe(sum(agenda));
        expect(plan.end.getTime()).toBe(start.getTime() + sum(agenda) * 60_000);
        let cursor = start.getTime();
        for (const item of plan.items) {
          expect(item.start.getTime()).toBe(cursor);
          expect(item.end.getTime() - item.start.getTime()).toBe(item.node.plannedMinutes * 60_000);
          cursor = item.end.getTime();
        }
        expect(cursor).toBe(plan.end.getTime());
        if (plan.items.length) expect(plan.items.at(-1)!.end.getTime()).toBe(plan.end.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("a parent's span covers exactly its sub-items; numbers follow the nesting", () => {
    fc.assert(
      fc.property(startArb, tree(3), (start, agenda) => {
        const plan = timePlan(start, agenda);
        const byNode = new Map(plan.items.map((i) => [i.node, i]));
        for (const item of plan.items) {
          const kids = item.node.children.map((c) => byNode.get(c)!);
          expect(item.subtreeEndOffset - item.startOffset).toBe(sum([item.node]));
          expect(item.subtreeEnd.getTime()).toBe(kids.length ? kids.at(-1)!.subtreeEnd.getTime() : item.end.getTime());
          if (kids.length) expect(kids[0].start.getTime()).toBe(item.end.getTime());
          kids.forEach((k, i) => {
            expect(k.number).toBe(`${item.number}${i + 1}.`);
            expect(k.depth).toBe(item.depth + 1);
          });
        }
        agenda.forEach((root, i) => expect(byNode.get(root)).toMatchObject({ number: `${i + 1}.`, depth: 0 }));
      }),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agendaOrder, enqueue, moveInQueue, queueOrder, stepFrom, type QueueEntry } from "./queue";

describe("agenda order", () => {
  it("walks depth first, each level by position, and steps along it", () => {
    const items = [
      { id: "b", parentId: null, position: 1 },
      { id: "a", parentId: null, position: 0 },
      { id: "a2", parentId: "a", position: 1 },
      { id: "a1", parentId: "a", position: 0 },
      { id: "a1x", parentId: "a1", position: 0 },
    ];
    const order = agendaOrder(items);
    expect(order).toEqual(["a", "a1", "a1x", "a2", "b"]);
    expect(stepFrom(order, null, 1)).toBe("a");
    expect(stepFrom(order, "a2", 1)).toBe("b");
    expect(stepFrom(order, "b", 1)).toBeNull();
    expect(stepFrom(order, "a", -1)).toBeNull();
    expect(stepFrom(order, "a1x", -1)).toBe("a1");
  });
});

const entry = (id: string, kind: QueueEntry["kind"], position: number, t: number): QueueEntry => ({ id, kind, position, requestedAt: new Date(t) });

describe("queue", () => {
  it("a point of order goes after waiting points of order, ahead of every ordinary request", () => {
    const q = [entry("s1", "SPEAK", 1, 1), entry("p1", "POINT_OF_ORDER", 0, 2), entry("s2", "SPEAK", 2, 3)];
    expect(enqueue(q, entry("p2", "POINT_OF_ORDER", -1, 4)).map((e) => e.id)).toEqual(["p1", "p2", "s1", "s2"]);
    expect(enqueue(q, entry("s3", "SPEAK", -1, 4)).map((e) => e.id)).toEqual(["p1", "s1", "s2", "s3"]);
    expect(enqueue([], entry("p", "POINT_OF_ORDER", -1, 4)).map((e) => e.id)).toEqual(["p"]);
  });

  it("moving keeps every request exactly once, and puts the moved one where asked (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.nat(), fc.nat({ max: 40 }), (n, pick, index) => {
      const q = Array.from({ length: n }, (_, i) => entry(`r${i}`, "SPEAK", i, i));
      const id = `r${pick % n}`;
      const out = moveInQueue(q, id, index);
      expect(out.map((e) => e.id).sort()).toEqual(q.map((e) => e.id).sort());
      expect(out.findIndex((e) => e.id === id)).toBe(Math.min(index, n - 1));
    }));
  });

  it("orders by position, then by time of request", () => {
    expect(queueOrder([entry("late", "SPEAK", 0, 9), entry("b", "SPEAK", 1, 1), entry("early", "SPEAK", 0, 2)]).map((e) => e.id)).toEqual(["early", "late", "b"]);
  });
});

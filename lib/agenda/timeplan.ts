// The time plan of an agenda: when each item starts and ends, from the meeting start and the planned minutes.
// Pure (no I/O), so the PDF, the print page and the live UI compute the same numbers.
//
// Order is depth-first (the order the agenda is read in); an item's own minutes come before its sub-items', so a
// parent "2." with 15 minutes starting at 08:10 is followed by "2.1." at 08:25.

export interface TimePlanNode {
  plannedMinutes: number;
  children: readonly TimePlanNode[];
}

export interface PlannedItem<N extends TimePlanNode = TimePlanNode> {
  node: N;
  /** "1.", "2.1.", "2.1.3." — the number printed before the title. */
  number: string;
  /** 0 for top-level items. */
  depth: number;
  /** The item's own minutes (negative or fractional inputs count as their whole, non-negative part). */
  minutes: number;
  /** Minutes from the meeting start at which the item begins. */
  startOffset: number;
  /** startOffset + minutes: where the item's own slot ends (and the next item in reading order starts). */
  endOffset: number;
  /** Where the item ends together with all its sub-items. */
  subtreeEndOffset: number;
  start: Date;
  end: Date;
  subtreeEnd: Date;
}

export interface TimePlan<N extends TimePlanNode = TimePlanNode> {
  items: PlannedItem<N>[];
  start: Date;
  end: Date;
  totalMinutes: number;
}

const MINUTE = 60_000;

export const ownMinutes = (n: TimePlanNode) => (Number.isFinite(n.plannedMinutes) ? Math.max(0, Math.floor(n.plannedMinutes)) : 0);

export function timePlan<N extends TimePlanNode>(startsAt: Date | string | number, roots: readonly N[]): TimePlan<N> {
  const start = new Date(startsAt);
  const base = start.getTime();
  const at = (offset: number) => new Date(base + offset * MINUTE);
  const items: PlannedItem<N>[] = [];
  let cursor = 0;

  const walk = (nodes: readonly N[], prefix: string, depth: number) => {
    nodes.forEach((node, i) => {
      const minutes = ownMinutes(node);
      const entry: PlannedItem<N> = {
        node,
        number: `${prefix}${i + 1}.`,
        depth,
        minutes,
        startOffset: cursor,
        endOffset: cursor + minutes,
        subtreeEndOffset: 0,
        start: at(cursor),
        end: at(cursor + minutes),
        subtreeEnd: start,
      };
      items.push(entry);
      cursor += minutes;
      walk(node.children as readonly N[], entry.number, depth + 1);
      entry.subtreeEndOffset = cursor;
      entry.subtreeEnd = at(cursor);
    });
  };
  walk(roots, "", 0);
  return { items, start, end: at(cursor), totalMinutes: cursor };
}

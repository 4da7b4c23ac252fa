// The order of things during a meeting, pure: the agenda as the chair walks it, and the queue of requests to speak.
import type { SpeakerKind } from "./schema.ts";

interface ItemPlace {
  id: string;
  parentId: string | null;
  position: number;
}

/** Agenda items in the order the meeting takes them: depth first, each level by position (1, 1.1, 1.2, 2, …). */
export function agendaOrder(items: readonly ItemPlace[]): string[] {
  const children = new Map<string | null, ItemPlace[]>();
  const ids = new Set(items.map((i) => i.id));
  for (const i of items) {
    const parent = i.parentId && ids.has(i.parentId) ? i.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(i);
  }
  const out: string[] = [];
  const walk = (parent: string | null) => {
    const level = (children.get(parent) ?? []).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
    for (const i of level) {
      out.push(i.id);
      walk(i.id);
    }
  };
  walk(null);
  return out;
}

/** The item one step from `from` (the first item when nothing is current); null past either end. */
export function stepFrom(order: readonly string[], from: string | null, direction: 1 | -1): string | null {
  if (from === null) return direction === 1 ? (order[0] ?? null) : null;
  const i = order.indexOf(from);
  if (i < 0) return order[0] ?? null;
  return order[i + direction] ?? null;
}

export interface QueueEntry {
  id: string;
  kind: SpeakerKind;
  position: number;
  requestedAt: string | Date;
}

const time = (d: string | Date) => (typeof d === "string" ? Date.parse(d) : d.getTime());

/** A waiting queue in speaking order: by position, then by time of request. */
export function queueOrder<T extends QueueEntry>(queue: readonly T[]): T[] {
  return [...queue].sort((a, b) => a.position - b.position || time(a.requestedAt) - time(b.requestedAt) || (a.id < b.id ? -1 : 1));
}

/**
 * Where a new request goes: an ordinary one at the end; a point of order ahead of every ordinary request, after
 * the points of order already waiting. Returns the queue in its new order (positions are then 0, 1, 2, …).
 */
export function enqueue<T extends QueueEntry>(queue: readonly T[], entry: T): T[] {
  const ordered = queueOrder(queue);
  if (entry.kind === "SPEAK") return [...ordered, entry];
  const firstOrdinary = ordered.findIndex((e) => e.kind === "SPEAK");
  const at = firstOrdinary < 0 ? ordered.length : firstOrdinary;
  return [...ordered.slice(0, at), entry, ...ordered.slice(at)];
}

/** The queue with one request moved to `index` (clamped). */
export function moveInQueue<T extends QueueEntry>(queue: readonly T[], id: string, index: number): T[] {
  const ordered = queueOrder(queue);
  const from = ordered.findIndex((e) => e.id === id);
  if (from < 0) return ordered;
  const [entry] = ordered.splice(from, 1);
  ordered.splice(Math.min(index, ordered.length), 0, entry);
  return ordered;
}

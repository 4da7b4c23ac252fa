// Pure agenda-tree arithmetic: positions are dense (0..n-1) among siblings, parents exist, no cycles, bounded depth.
// Commands plan a change here, then write only the rows whose parent or position changed.
import { messageKey, type Message } from "../errors/index.ts";

export interface TreeRow {
  id: string;
  parentId: string | null;
  position: number;
}

export const MAX_AGENDA_DEPTH = 3;

export type Placement = Map<string, { parentId: string | null; position: number }>;

/** A plan that breaks a tree rule; `text` says which, for the user. */
export class TreeError extends Error {
  constructor(readonly text: Message) {
    super(messageKey(text));
  }
}
const tooDeep = () => new TreeError({ key: "agenda.tooDeep", values: { max: MAX_AGENDA_DEPTH } });

function siblings(rows: TreeRow[], parentId: string | null, exceptId?: string): TreeRow[] {
  return rows.filter((r) => r.parentId === parentId && r.id !== exceptId).sort((a, b) => a.position - b.position);
}

export function depthOf(rows: TreeRow[], id: string | null): number {
  let d = 0;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (let cur = id ? byId.get(id) : undefined; cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) d++;
  return d;
}

export function subtreeIds(rows: TreeRow[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) if (r.parentId && out.has(r.parentId) && !out.has(r.id)) (out.add(r.id), (grew = true));
  }
  return out;
}

function subtreeHeight(rows: TreeRow[], id: string): number {
  const kids = rows.filter((r) => r.parentId === id);
  return 1 + Math.max(0, ...kids.map((k) => subtreeHeight(rows, k.id)));
}

function renumber(list: TreeRow[], parentId: string | null, out: Placement) {
  list.forEach((r, i) => {
    if (r.position !== i || r.parentId !== parentId) out.set(r.id, { parentId, position: i });
  });
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

/** Where to put a new item: its position, and the siblings that shift to make room. */
export function planInsert(rows: TreeRow[], newId: string, parentId: string | null, position?: number): Placement {
  if (parentId && !rows.some((r) => r.id === parentId)) throw new TreeError("agenda.parentNotFound");
  if (depthOf(rows, parentId) + 1 > MAX_AGENDA_DEPTH) throw tooDeep();
  const list = siblings(rows, parentId);
  const at = clamp(position ?? list.length, list.length);
  list.splice(at, 0, { id: newId, parentId, position: -1 });
  const out: Placement = new Map();
  renumber(list, parentId, out);
  return out;
}

/** Move an item (with its subtree) under a new parent at a position; positions stay dense on both sides. */
export function planMove(rows: TreeRow[], id: string, parentId: string | null, position: number): Placement {
  const item = rows.find((r) => r.id === id);
  if (!item) throw new TreeError("agenda.itemNotFound");
  if (parentId && !rows.some((r) => r.id === parentId)) throw new TreeError("agenda.parentNotFound");
  if (parentId && subtreeIds(rows, id).has(parentId)) throw new TreeError("agenda.underItself");
  if (depthOf(rows, parentId) + subtreeHeight(rows, id) > MAX_AGENDA_DEPTH) {
    throw tooDeep();
  }
  const out: Placement = new Map();
  const target = siblings(rows, parentId, id);
  target.splice(clamp(position, target.length), 0, item);
  if (item.parentId !== parentId) renumber(siblings(rows, item.parentId, id), item.parentId, out);
  renumber(target, parentId, out);
  return out;
}

/** Delete an item and its subtree; later siblings close the gap. */
export function planDelete(rows: TreeRow[], id: string): { deleted: Set<string>; placement: Placement } {
  const item = rows.find((r) => r.id === id);
  if (!item) throw new TreeError("agenda.itemNotFound");
  const placement: Placement = new Map();
  renumber(siblings(rows, item.parentId, id), item.parentId, placement);
  return { deleted: subtreeIds(rows, id), placement };
}

/** Apply a placement to rows (used by tests and by callers that keep a local copy). */
export function applyPlacement(rows: TreeRow[], p: Placement, deleted: Set<string> = new Set()): TreeRow[] {
  const out = rows.filter((r) => !deleted.has(r.id)).map((r) => ({ ...r, ...(p.get(r.id) ?? {}) }));
  for (const [id, v] of p) if (!out.some((r) => r.id === id)) out.push({ id, ...v });
  return out;
}

/** Checks the invariants; returns a description of the first violation, or null. */
export function treeViolation(rows: TreeRow[]): string | null {
  const ids = new Set(rows.map((r) => r.id));
  const groups = new Map<string | null, number[]>();
  for (const r of rows) {
    if (r.parentId !== null && !ids.has(r.parentId)) return `${r.id}: missing parent`;
    if (subtreeIds(rows, r.id).has(r.parentId ?? "")) return `${r.id}: cycle`;
    if (depthOf(rows, r.id) > MAX_AGENDA_DEPTH) return `${r.id}: too deep`;
    groups.set(r.parentId, [...(groups.get(r.parentId) ?? []), r.position]);
  }
  for (const [parent, positions] of groups) {
    const sorted = [...positions].sort((a, b) => a - b);
    if (sorted.some((p, i) => p !== i)) return `children of ${parent}: positions ${sorted.join(",")}`;
  }
  return null;
}

// Turns drag-and-drop gestures on the flattened agenda into server moves { parentId, position }.
export interface FlatItem {
  id: string;
  parentId: string | null;
  depth: number;
  /** Index among its siblings. */
  index: number;
  title: string;
}

export interface TreeNodeLike { id: string; title: string; children: TreeNodeLike[] }

export function flatten(nodes: TreeNodeLike[], parentId: string | null = null, depth = 0): FlatItem[] {
  return nodes.flatMap((n, index) => [{ id: n.id, parentId, depth, index, title: n.title }, ...flatten(n.children, n.id, depth + 1)]);
}

function isDescendant(flat: FlatItem[], id: string, ancestorId: string): boolean {
  const byId = new Map(flat.map((f) => [f.id, f]));
  for (let cur = byId.get(id); cur?.parentId; cur = byId.get(cur.parentId)) if (cur.parentId === ancestorId) return true;
  return false;
}

/** Dropping `activeId` on `overId`: it joins over's parent, before over when moving up, after it when moving down. */
export function dropMove(flat: FlatItem[], activeId: string, overId: string): { parentId: string | null; position: number } | null {
  if (activeId === overId) return null;
  const from = flat.findIndex((f) => f.id === activeId);
  const to = flat.findIndex((f) => f.id === overId);
  const over = flat[to];
  if (from < 0 || to < 0 || isDescendant(flat, overId, activeId)) return null;
  const active = flat[from];
  const sameParent = active.parentId === over.parentId;
  let position = over.index + (from < to ? 1 : 0);
  // Leaving a slot before over among the same siblings shifts over one place up.
  if (sameParent && active.index < over.index) position -= 1;
  return { parentId: over.parentId, position };
}

/** Indent: become the last child of the sibling above. */
export function indentMove(flat: FlatItem[], id: string): { parentId: string; position: number } | null {
  const item = flat.find((f) => f.id === id);
  if (!item || item.index === 0) return null;
  const above = flat.find((f) => f.parentId === item.parentId && f.index === item.index - 1)!;
  const childCount = flat.filter((f) => f.parentId === above.id).length;
  return { parentId: above.id, position: childCount };
}

/** Outdent: become the sibling right after the current parent. */
export function outdentMove(flat: FlatItem[], id: string): { parentId: string | null; position: number } | null {
  const item = flat.find((f) => f.id === id);
  if (!item?.parentId) return null;
  const parent = flat.find((f) => f.id === item.parentId)!;
  return { parentId: parent.parentId, position: parent.index + 1 };
}

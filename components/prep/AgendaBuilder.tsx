"use client";
// The secretariat's agenda editor: nested items reordered by drag and drop (pointer, touch and keyboard via dnd-kit),
// indent/outdent buttons for nesting without dragging, inline editing, delete with confirmation.
import { DndContext, KeyboardSensor, PointerSensor, TouchSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { call } from "@/lib/http/client";
import { agendaOps } from "@/lib/agenda/operations";
import type { AgendaNode } from "@/lib/meetings/view";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { conflictSnapshot, useAction } from "@/components/ui/useAction";
import { ConflictView } from "@/components/ui/ConflictView";
import { saveUnlessConflict } from "@/components/ui/conflict";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import type { MeetingSnapshot as SnapshotJson } from "@/lib/meetings/view";
import { dropMove, flatten, indentMove, outdentMove, type FlatItem } from "./agendaMoves";
import { Field, inputClass } from "./fields";
import { PersonPicker } from "./PersonPicker";
import type { UserOption } from "./useUsers";

type Node = AgendaNode;
const MAX_DEPTH = 3;

function index(nodes: Node[], out = new Map<string, Node>()) {
  for (const n of nodes) (out.set(n.id, n), index(n.children, out));
  return out;
}

function numbering(flat: FlatItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of flat) out.set(f.id, `${f.parentId ? out.get(f.parentId) : ""}${f.index + 1}.`);
  return out;
}

export function AgendaBuilder({ snapshot, users, renderDocuments, changed, slots }: {
  snapshot: SnapshotJson; users: UserOption[]; renderDocuments: (node: Node) => ReactNode; changed: Set<string>;
  /** "08:10–08:25" per item: the running time plan. */
  slots: Map<string, string>;
}) {
  const t = useTranslations("prep");
  const flat = useMemo(() => flatten(snapshot.agenda), [snapshot.agenda]);
  const nodes = useMemo(() => index(snapshot.agenda), [snapshot.agenda]);
  const numbers = useMemo(() => numbering(flat), [flat]);
  const { error, run, retry } = useAction();
  /** The item being edited and the meeting version when its form opened (what the save is based on). */
  const [editing, setEditing] = useState<{ id: string; version: number } | null>(null);
  const version = snapshot.meeting.version;
  /** The add-item form stays open while the officer adds one item after another (open at first on an empty agenda). */
  const [adding, setAdding] = useState(flat.length === 0);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const move = (id: string, to: { parentId: string | null; position: number } | null) =>
    to && run(() => call(agendaOps.move, { params: { itemId: id }, body: { ...to, baseVersion: version } }));

  function onDragEnd({ active, over }: DragEndEvent) {
    if (over) void move(String(active.id), dropMove(flat, String(active.id), String(over.id)));
  }

  return (
    <div>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={flat.map((f) => f.id)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" data-testid="agenda-list" aria-label={t("agendaBuilder")}>
            {flat.map((f) => {
              const node = nodes.get(f.id)!;
              return (
                <SortableRow key={f.id} item={f} number={numbers.get(f.id)!} node={node} changed={changed.has(f.id)} slot={slots.get(f.id)}
                  canIndent={f.index > 0 && f.depth + 1 < MAX_DEPTH} onIndent={() => move(f.id, indentMove(flat, f.id))}
                  onOutdent={() => move(f.id, outdentMove(flat, f.id))}
                  onDelete={() => run(() => call(agendaOps.remove, { params: { itemId: f.id }, body: { baseVersion: version } }))}
                  onEdit={() => setEditing(editing?.id === f.id ? null : { id: f.id, version })}>
                  {editing?.id === f.id && (
                    <ItemEditor users={users} node={node} openedAt={editing.version} onDone={() => setEditing(null)} />
                  )}
                  {renderDocuments(node)}
                </SortableRow>
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="mt-2"><ErrorNote error={error} onRetry={retry} /></div>
      <details className="mt-4 rounded-lg border border-dashed border-slate-300 p-3" open={adding} onToggle={(e) => setAdding(e.currentTarget.open)}>
        <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">+ {t("addItem")}</summary>
        <ItemForm users={users} idKey="new" parents={flat.filter((f) => f.depth + 1 < MAX_DEPTH).map((f) => ({ id: f.id, label: `${numbers.get(f.id)} ${f.title}` }))}
          submitLabel={t("addItem")}
          onSubmit={(body) => run(() => call(agendaOps.create, { params: { meetingId: snapshot.meeting.id }, body: { ...body, baseVersion: version } }))} />
      </details>
    </div>
  );
}

function SortableRow({ item, number, node, changed, slot, canIndent, onIndent, onOutdent, onDelete, onEdit, children }: {
  item: FlatItem; number: string; node: Node; changed: boolean; slot?: string; canIndent: boolean;
  onIndent: () => void; onOutdent: () => void; onDelete: () => void; onEdit: () => void; children: ReactNode;
}) {
  const t = useTranslations();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const style = { transform: CSS.Transform.toString(transform), transition, marginLeft: `${item.depth * 1.75}rem` };
  return (
    <li ref={setNodeRef} style={style} data-testid="agenda-item" data-item-id={item.id} data-depth={item.depth}
      className={`rounded-lg border bg-white p-2 ${isDragging ? "z-10 shadow-lg ring-2 ring-brand-600" : "border-slate-200"} ${changed ? "ring-2 ring-amber-300" : ""}`}>
      <div className="flex flex-wrap items-center gap-2">
        <button ref={setActivatorNodeRef} type="button" {...attributes} {...listeners} data-testid="drag-handle"
          aria-label={t("prep.dragHandle", { title: item.title })}
          className="flex min-h-11 min-w-11 touch-none cursor-grab items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100">
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><circle cx="7" cy="5" r="1.5" /><circle cx="13" cy="5" r="1.5" /><circle cx="7" cy="10" r="1.5" /><circle cx="13" cy="10" r="1.5" /><circle cx="7" cy="15" r="1.5" /><circle cx="13" cy="15" r="1.5" /></svg>
        </button>
        <span className="font-semibold text-brand-700">{number}</span>
        <span className="min-w-40 flex-1 font-medium" data-testid="agenda-title">{item.title}</span>
        {node.plannedMinutes > 0 && <span className="text-sm text-slate-600" data-testid="time-slot">{slot} · {t("meeting.minutes", { count: node.plannedMinutes })}</span>}
        {node.presenter && <span className="text-sm text-slate-600">{t("meeting.presenter", { name: node.presenter.name })}</span>}
        <div className="flex gap-1">
          <button type="button" onClick={onOutdent} disabled={item.depth === 0} aria-label={`${t("prep.outdent")}: ${item.title}`} title={t("prep.outdent")}
            className="min-h-11 min-w-11 rounded-lg border border-slate-300 disabled:opacity-30">←</button>
          <button type="button" onClick={onIndent} disabled={!canIndent} aria-label={`${t("prep.indent")}: ${item.title}`} title={t("prep.indent")}
            className="min-h-11 min-w-11 rounded-lg border border-slate-300 disabled:opacity-30">→</button>
          <button type="button" onClick={onEdit} className="min-h-11 rounded-lg border border-slate-300 px-3">{t("prep.edit")}</button>
          <ConfirmButton label={t("prep.delete")} question={t("prep.deleteItemQuestion", { title: item.title })} onConfirm={onDelete} />
        </div>
      </div>
      {node.description && <p className="ml-12 text-sm text-slate-700">{node.description}</p>}
      <div className="ml-12">{children}</div>
    </li>
  );
}

interface ItemBody { title: string; plannedMinutes: number; presenterId: string | null; description: string; parentId?: string | null }

const itemValues = (n: Node): ItemBody => ({ title: n.title, plannedMinutes: n.plannedMinutes, presenterId: n.presenter?.id ?? null, description: n.description });

function findNode(nodes: Node[], id: string): Node | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = findNode(n.children, id);
    if (inner) return inner;
  }
  return null;
}

/**
 * Edits one item from the state it had when the form opened: live changes do not reset what is typed, a save over an
 * unrelated change simply goes through, and a save over someone else's edit of this item shows both versions.
 */
function ItemEditor({ users, node, openedAt, onDone }: { users: UserOption[]; node: Node; openedAt: number; onDone: () => void }) {
  const t = useTranslations();
  const [start, setStart] = useState(() => ({ values: itemValues(node), version: openedAt, form: 0 }));
  const [mine, setMine] = useState<ItemBody | null>(null);
  const { error, run, retry, clear } = useAction();
  const fresh = conflictSnapshot(error);
  const theirs = fresh && findNode(fresh.agenda, node.id);
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name ?? t("prep.none");

  async function save(body: ItemBody, from = start) {
    setMine(body);
    const res = await run(() => saveUnlessConflict(
      (baseVersion) => call(agendaOps.update, { params: { itemId: node.id }, body: { ...body, baseVersion } }),
      from.version, from.values, (s) => { const n = findNode(s.agenda, node.id); return n && itemValues(n); },
    ));
    if (res) onDone();
  }

  return (
    <div>
      <ItemForm key={start.form} users={users} idKey={node.id} initial={start.values} submitLabel={t("prep.save")} onSubmit={(b) => save(b)} />
      <div className="mt-2">
        {fresh && theirs && mine ? (
          <ConflictView
            fields={[
              { label: t("prep.itemTitle"), mine: mine.title, theirs: theirs.title },
              { label: t("prep.plannedMinutes"), mine: String(mine.plannedMinutes), theirs: String(theirs.plannedMinutes) },
              { label: t("prep.presenter"), mine: userName(mine.presenterId), theirs: userName(theirs.presenter?.id ?? null) },
              { label: t("prep.description"), mine: mine.description, theirs: theirs.description },
            ]}
            onKeepMine={() => {
              const next = { values: itemValues(theirs), version: fresh.meeting.version, form: start.form };
              setStart(next);
              void save(mine, next);
            }}
            onTakeTheirs={() => (setStart({ values: itemValues(theirs), version: fresh.meeting.version, form: start.form + 1 }), setMine(null), clear())} />
        ) : (
          <ErrorNote error={error} onRetry={retry} />
        )}
      </div>
    </div>
  );
}

function ItemForm({ users, idKey, initial, parents, submitLabel, onSubmit }: {
  users: UserOption[]; idKey: string; initial?: ItemBody; parents?: { id: string; label: string }[]; submitLabel: string;
  /** Resolves to undefined when the write failed: the form then keeps what was typed. */
  onSubmit: (b: ItemBody) => Promise<unknown>;
}) {
  const t = useTranslations("prep");
  const key = idKey;
  const titleInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState(initial?.title ?? "");
  const [minutes, setMinutes] = useState(String(initial?.plannedMinutes ?? 15));
  const [presenterId, setPresenterId] = useState(initial?.presenterId ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [parentId, setParentId] = useState("");
  return (
    <form className="mt-2 grid gap-3 sm:grid-cols-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const body: ItemBody = { title, plannedMinutes: Number(minutes), presenterId: presenterId || null, description };
        if (parents) body.parentId = parentId || null;
        const saved = await onSubmit(body);
        if (!initial && saved !== undefined) {
          // Ready for the next item: the form stays open, emptied, with the title focused. The new item may show (its
          // live event) before this answer: what was typed for the next one meanwhile is kept, only what was sent goes.
          setTitle((now) => (now === body.title ? "" : now));
          setDescription((now) => (now === body.description ? "" : now));
          setParentId((now) => (now === (body.parentId ?? "") ? "" : now));
          titleInput.current?.focus();
        }
      }}>
      <div className="sm:col-span-2">
        <Field label={t("itemTitle")} id={`item-title-${key}`}>
          <input ref={titleInput} id={`item-title-${key}`} value={title} onChange={(e) => setTitle(e.target.value)} required className={inputClass} />
        </Field>
      </div>
      {parents && (
        <Field label={t("parent")} id="item-parent">
          <select id="item-parent" value={parentId} onChange={(e) => setParentId(e.target.value)} className={inputClass}>
            <option value="">{t("topLevel")}</option>
            {parents.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </Field>
      )}
      <Field label={t("plannedMinutes")} id={`item-minutes-${key}`}>
        <input id={`item-minutes-${key}`} type="number" min={0} max={1440} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} className={inputClass} />
      </Field>
      <Field label={t("presenter")} id={`item-presenter-${key}`}>
        <PersonPicker id={`item-presenter-${key}`} value={presenterId} onChange={setPresenterId} people={users} emptyLabel={t("none")} />
      </Field>
      <div className="sm:col-span-2">
        <Field label={t("description")} id={`item-description-${key}`}>
          <textarea id={`item-description-${key}`} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} className={`${inputClass} py-2`} />
        </Field>
      </div>
      <div><button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white">{submitLabel}</button></div>
    </form>
  );
}

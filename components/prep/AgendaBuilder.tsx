"use client";
// The secretariat's agenda editor: nested items reordered by drag and drop (pointer, touch and keyboard via dnd-kit),
// indent/outdent buttons for nesting without dragging, inline editing, delete with confirmation.
import { DndContext, KeyboardSensor, PointerSensor, TouchSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useMemo, useState, type ReactNode } from "react";
import { api } from "@/lib/http/client";
import type { AgendaNode } from "@/lib/meetings/queries";
import type { Jsonified } from "@/lib/http/json";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import type { SnapshotJson } from "@/components/meetings/MeetingView";
import { dropMove, flatten, indentMove, outdentMove, type FlatItem } from "./agendaMoves";
import { Field, inputClass, UserSelect } from "./fields";
import type { UserOption } from "./useUsers";

type Node = Jsonified<AgendaNode>;
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

export function AgendaBuilder({ snapshot, users, onChanged, renderDocuments, changed, slots }: {
  snapshot: SnapshotJson; users: UserOption[]; onChanged: () => void; renderDocuments: (node: Node) => ReactNode; changed: Set<string>;
  /** "08:10–08:25" per item: the running time plan. */
  slots: Map<string, string>;
}) {
  const t = useTranslations("prep");
  const flat = useMemo(() => flatten(snapshot.agenda), [snapshot.agenda]);
  const nodes = useMemo(() => index(snapshot.agenda), [snapshot.agenda]);
  const numbers = useMemo(() => numbering(flat), [flat]);
  const { error, run } = useAction(onChanged);
  const [editing, setEditing] = useState<string | null>(null);
  const version = snapshot.meeting.version;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const move = (id: string, to: { parentId: string | null; position: number } | null) =>
    to && run(() => api("POST", `/api/v1/agenda-items/${id}/move`, { ...to, baseVersion: version }));

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
                  onDelete={() => run(() => api("DELETE", `/api/v1/agenda-items/${f.id}`, { baseVersion: version }))}
                  onEdit={() => setEditing(editing === f.id ? null : f.id)}>
                  {editing === f.id && (
                    <ItemForm users={users} node={node} submitLabel={t("save")}
                      onSubmit={(body) => run(async () => {
                        await api("PATCH", `/api/v1/agenda-items/${f.id}`, { ...body, baseVersion: version });
                        setEditing(null);
                      })} />
                  )}
                  {renderDocuments(node)}
                </SortableRow>
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      <div className="mt-2"><ErrorNote error={error} /></div>
      <details className="mt-4 rounded-lg border border-dashed border-slate-300 p-3" open={flat.length === 0}>
        <summary className="min-h-11 cursor-pointer content-center font-semibold text-brand-700">+ {t("addItem")}</summary>
        <ItemForm users={users} parents={flat.filter((f) => f.depth + 1 < MAX_DEPTH).map((f) => ({ id: f.id, label: `${numbers.get(f.id)} ${f.title}` }))}
          submitLabel={t("addItem")}
          onSubmit={(body) => run(() => api("POST", `/api/v1/meetings/${snapshot.meeting.id}/agenda-items`, { ...body, baseVersion: version }))} />
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

function ItemForm({ users, node, parents, submitLabel, onSubmit }: {
  users: UserOption[]; node?: Node; parents?: { id: string; label: string }[]; submitLabel: string; onSubmit: (b: ItemBody) => Promise<void> | void;
}) {
  const t = useTranslations("prep");
  const key = node?.id ?? "new";
  const [title, setTitle] = useState(node?.title ?? "");
  const [minutes, setMinutes] = useState(String(node?.plannedMinutes ?? 15));
  const [presenterId, setPresenterId] = useState(node?.presenter?.id ?? "");
  const [description, setDescription] = useState(node?.description ?? "");
  const [parentId, setParentId] = useState("");
  return (
    <form className="mt-2 grid gap-3 sm:grid-cols-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const body: ItemBody = { title, plannedMinutes: Number(minutes), presenterId: presenterId || null, description };
        if (parents) body.parentId = parentId || null;
        await onSubmit(body);
        if (!node) (setTitle(""), setDescription(""), setParentId(""));
      }}>
      <div className="sm:col-span-2">
        <Field label={t("itemTitle")} id={`item-title-${key}`}>
          <input id={`item-title-${key}`} value={title} onChange={(e) => setTitle(e.target.value)} required className={inputClass} />
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
        <UserSelect id={`item-presenter-${key}`} value={presenterId} onChange={setPresenterId} users={users} emptyLabel={t("none")} />
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

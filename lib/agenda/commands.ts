// Agenda writes. Each is one meeting change (policy + version bump + stored event + audit, emitted after commit).
import type { AgendaItemStatus, Tx } from "../db/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../policy/index.ts";
import { meetingEvent } from "../meetings/change.ts";
import { editMeeting, editMeetingSql } from "../meetings/edit.ts";
import { readConsistent, sql } from "../db/read.ts";
import { dbDate } from "../db/write.ts";
import { db } from "../db/index.ts";
import { meetingPeople } from "../users/queries.ts";
import type { CreateAgendaItem, MoveAgendaItem, UpdateAgendaItem } from "./schema.ts";
import { planDelete, planInsert, planMove, TreeError, type Placement } from "./tree.ts";

async function rowsOf(tx: Tx, meetingId: string) {
  return tx.agendaItem.findMany({ where: { meetingId }, select: { id: true, parentId: true, position: true } });
}

/** Writes only the rows whose parent or position the plan changed; returns their ids (the event carries them). */
async function writePlacement(tx: Tx, placement: Placement, skip: string | null, version: number): Promise<string[]> {
  const written: string[] = [];
  for (const [id, p] of placement) {
    if (id === skip) continue;
    await tx.agendaItem.update({ where: { id }, data: { parentId: p.parentId, position: p.position, changedAtVersion: version } });
    written.push(id);
  }
  return written;
}

function treeCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TreeError) throw invalid(e.text, { parentId: [e.text] });
    throw e;
  }
}

async function checkPresenter(tx: Tx, presenterId: string | null | undefined) {
  if (presenterId && !(await tx.user.findFirst({ where: { id: presenterId, ...meetingPeople }, select: { id: true } }))) {
    throw invalid("VALIDATION", { presenterId: ["field.unknownUser"] });
  }
}

/** The meeting an agenda item belongs to (404 when there is no such item). */
export async function meetingIdOfItem(itemId: string): Promise<string> {
  const [[item]] = readConsistent([sql`SELECT "meetingId" FROM "AgendaItem" WHERE "id" = ${itemId}`]);
  if (!item) throw notFound();
  return item.meetingId as string;
}

export async function createAgendaItem(actor: Actor, meetingId: string, input: CreateAgendaItem) {
  return editMeeting(actor, meetingId, input.baseVersion, async (tx, { version }) => {
    await checkPresenter(tx, input.presenterId);
    const rows = await rowsOf(tx, meetingId);
    const tempId = "__new__";
    const placement = treeCall(() => planInsert(rows, tempId, input.parentId ?? null, input.position));
    const moved = await writePlacement(tx, placement, tempId, version);
    const at = placement.get(tempId)!;
    const item = await tx.agendaItem.create({
      data: {
        meetingId,
        parentId: at.parentId,
        position: at.position,
        title: input.title,
        description: input.description ?? "",
        presenterId: input.presenterId ?? null,
        plannedMinutes: input.plannedMinutes ?? 0,
        changedAtVersion: version,
      },
    });
    return {
      result: item,
      event: meetingEvent("agenda.changed", "created"),
      touched: { items: [...moved, item.id] },
      audit: { action: "agenda.create", subjectType: "AgendaItem", subjectId: item.id, data: { title: item.title, parentId: item.parentId } },
    };
  });
}

// The columns an edit may set (UpdateAgendaItem's fields), in SQL: the hot path of a live agenda (lib/db/write.ts).
const EDITABLE = ["title", "description", "presenterId", "plannedMinutes", "status"] as const;

export async function updateAgendaItem(actor: Actor, itemId: string, input: UpdateAgendaItem) {
  const meetingId = await meetingIdOfItem(itemId);
  const { baseVersion, ...changes } = input;
  if (changes.presenterId) await checkPresenter(db, changes.presenterId);
  return editMeetingSql(actor, meetingId, baseVersion, (w, { version }) => {
    const select = sql`SELECT "id", "meetingId", "parentId", "position", "title", "description", "presenterId", "plannedMinutes", "status", "changedAtVersion" FROM "AgendaItem" WHERE "id" = ${itemId}`;
    const before = w.get(select);
    if (!before || before.meetingId !== meetingId) throw notFound();
    const columns = EDITABLE.filter((k) => changes[k] !== undefined);
    const set = columns.map((k) => `"${k}" = ?`).join(", ");
    w.run({
      sql: `UPDATE "AgendaItem" SET ${set}, "changedAtVersion" = ?, "updatedAt" = ? WHERE "id" = ?`,
      params: [...columns.map((k) => changes[k] ?? null), version, dbDate(new Date()), itemId],
    });
    const row = w.get(select)!;
    const item = {
      id: row.id as string, meetingId, parentId: (row.parentId ?? null) as string | null, position: Number(row.position),
      title: row.title as string, description: row.description as string, presenterId: (row.presenterId ?? null) as string | null,
      plannedMinutes: Number(row.plannedMinutes), status: row.status as AgendaItemStatus, changedAtVersion: Number(row.changedAtVersion),
    };
    const diff: Record<string, unknown> = {};
    for (const k of columns) diff[k] = { from: before[k] ?? null, to: item[k] };
    return {
      result: item,
      event: meetingEvent("agenda.changed", "updated"),
      touched: { items: [itemId] },
      audit: { action: "agenda.update", subjectType: "AgendaItem", subjectId: itemId, data: diff },
    };
  });
}

export async function moveAgendaItem(actor: Actor, itemId: string, input: MoveAgendaItem) {
  const meetingId = await meetingIdOfItem(itemId);
  return editMeeting(actor, meetingId, input.baseVersion, async (tx, { version }) => {
    const rows = await rowsOf(tx, meetingId);
    const placement = treeCall(() => planMove(rows, itemId, input.parentId, input.position));
    const moved = await writePlacement(tx, placement, null, version);
    const item = await tx.agendaItem.update({ where: { id: itemId }, data: { changedAtVersion: version } });
    return {
      result: item,
      event: meetingEvent("agenda.changed", "moved"),
      touched: { items: [...moved, itemId] },
      audit: { action: "agenda.move", subjectType: "AgendaItem", subjectId: itemId, data: { parentId: input.parentId, position: item.position } },
    };
  });
}

export async function deleteAgendaItem(actor: Actor, itemId: string, baseVersion?: number) {
  const meetingId = await meetingIdOfItem(itemId);
  return editMeeting(actor, meetingId, baseVersion, async (tx, { version }) => {
    const rows = await rowsOf(tx, meetingId);
    const { deleted, placement } = treeCall(() => planDelete(rows, itemId));
    const item = await tx.agendaItem.findUniqueOrThrow({ where: { id: itemId } });
    // Papers of deleted items stay with the meeting (agendaItemId is set null by the relation), never lost.
    await tx.agendaItem.deleteMany({ where: { id: { in: [...deleted] } } });
    const moved = await writePlacement(tx, placement, null, version);
    return {
      result: { id: itemId, deleted: [...deleted] },
      event: meetingEvent("agenda.changed", "deleted"),
      touched: { items: moved, removedItems: [...deleted] },
      audit: { action: "agenda.delete", subjectType: "AgendaItem", subjectId: itemId, data: { title: item.title, deleted: deleted.size } },
    };
  });
}

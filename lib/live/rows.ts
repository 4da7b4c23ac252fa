// Database rows of the running meeting → the JSON rows of lib/live/schema.ts (what events carry and tablets keep).
// The snapshot reads the same columns with plain SQL (lib/meetings/snapshot.ts) through `liveRowOf` / `speakerRowOf`.
import type { Prisma, Tx } from "../db/index.ts";
import { liveState } from "./clock.ts";
import { NOT_STARTED, type LiveRow, type SpeakerRow } from "./schema.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Stored per-item times, whatever the JSON column holds (a malformed value counts as none). */
export function spentOf(value: unknown): Record<string, number> {
  if (typeof value === "string") {
    try {
      return spentOf(JSON.parse(value));
    } catch {
      return {};
    }
  }
  const out: Record<string, number> = {};
  if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) if (typeof v === "number" && v >= 0) out[k] = Math.round(v);
  return out;
}

export interface LiveColumns {
  startedAt: string | null;
  pausedAt: string | null;
  closedAt: string | null;
  pausedMs: number;
  itemRunningSince: string | null;
  itemSpentMs: unknown;
  quorumRule: string;
  quorumCountsDeputies: boolean;
  deputiesVote: boolean;
  speakingLimitSeconds: number | null;
  presenter: { id: string; name: string } | null;
  shownDocumentId: string | null;
  shownPage: number;
  displayTokenHash: string | null;
}

/** The live row from its columns (null: the meeting has never been run). */
export function liveRowOf(currentItemId: string | null, c: LiveColumns | null): LiveRow {
  if (!c) return { ...NOT_STARTED, currentItemId };
  return {
    state: liveState(c),
    startedAt: c.startedAt,
    pausedAt: c.pausedAt,
    closedAt: c.closedAt,
    pausedMs: c.pausedMs,
    currentItemId,
    itemRunningSince: c.itemRunningSince,
    itemSpentMs: spentOf(c.itemSpentMs),
    quorumRule: c.quorumRule === "MAJORITY" ? "MAJORITY" : "TWO_THIRDS",
    quorumCountsDeputies: c.quorumCountsDeputies,
    deputiesVote: c.deputiesVote,
    speakingLimitSeconds: c.speakingLimitSeconds,
    presenter: c.presenter,
    shown: c.shownDocumentId ? { documentId: c.shownDocumentId, page: c.shownPage } : null,
    display: c.displayTokenHash !== null,
  };
}

export async function readLiveRow(tx: Tx, meetingId: string): Promise<LiveRow> {
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { currentAgendaItemId: true, live: true } });
  const l = m.live;
  if (!l) return liveRowOf(m.currentAgendaItemId, null);
  const presenter = l.presenterUserId ? await tx.user.findUnique({ where: { id: l.presenterUserId }, select: { id: true, name: true } }) : null;
  return liveRowOf(m.currentAgendaItemId, {
    ...l,
    startedAt: iso(l.startedAt),
    pausedAt: iso(l.pausedAt),
    closedAt: iso(l.closedAt),
    itemRunningSince: iso(l.itemRunningSince),
    presenter,
  });
}

export async function readSpeakerRows(tx: Tx, where: Prisma.SpeakerRequestWhereInput): Promise<SpeakerRow[]> {
  const rows = await tx.speakerRequest.findMany({ where, include: { user: { select: { id: true, name: true } }, onBehalfOf: { select: { id: true, name: true } } }, orderBy: { requestedAt: "asc" } });
  return rows.map((s) => ({
    id: s.id,
    agendaItemId: s.agendaItemId,
    user: s.user,
    onBehalfOf: s.onBehalfOf,
    kind: s.kind,
    status: s.status,
    position: s.position,
    requestedAt: s.requestedAt.toISOString(),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
  }));
}

// What a live screen shows, derived from a meeting snapshot (pure; the tablet, the chair's console and the room
// display all use it): the current item, the agenda in meeting order, the queue, who speaks, the quorum.
import type { AgendaNode, MeetingSnapshot } from "../meetings/view.ts";
import { attendsFor, quorum } from "./attendance.ts";
import { queueOrder } from "./queue.ts";
import type { SpeakerRow } from "./schema.ts";

export interface NumberedItem {
  node: AgendaNode;
  /** "1.", "1.2." — the number printed on the agenda. */
  number: string;
  depth: number;
}

/** The agenda in meeting order (depth first), each item with its number. */
export function numberedAgenda(agenda: AgendaNode[]): NumberedItem[] {
  const out: NumberedItem[] = [];
  const walk = (nodes: AgendaNode[], prefix: string, depth: number) =>
    nodes.forEach((node, i) => {
      const number = `${prefix}${i + 1}.`;
      out.push({ node, number, depth });
      walk(node.children, number, depth + 1);
    });
  walk(agenda, "", 0);
  return out;
}

export function liveView(s: MeetingSnapshot) {
  const items = numberedAgenda(s.agenda);
  const index = items.findIndex((i) => i.node.id === s.live.currentItemId);
  const current = index >= 0 ? items[index] : null;
  const onItem = (r: SpeakerRow) => r.agendaItemId === (s.live.currentItemId ?? null);
  const queue = queueOrder(s.speakers.filter((r) => r.status === "WAITING" && onItem(r)));
  const speaking = s.speakers.find((r) => r.status === "SPEAKING") ?? null;
  const mine = s.speakers.find((r) => r.user.id === s.viewer.id && onItem(r) && (r.status === "WAITING" || r.status === "SPEAKING")) ?? null;
  const me = s.me ? (s.participants.find((p) => p.id === s.me!.participantId) ?? null) : null;
  /** The seats the viewer attends for as the deputy named in a member's answer. */
  const deputyFor = s.participants.filter((p) => attendsFor(p, s.viewer.id));
  /** Who spoke on each item, in order: the record for the minutes. */
  const spoken = s.speakers.filter((r) => r.startedAt).sort((a, b) => (a.startedAt! < b.startedAt! ? -1 : 1));
  return {
    items,
    index,
    current,
    queue,
    speaking,
    mine,
    me,
    deputyFor,
    spoken,
    quorum: quorum(s.participants, s.live.quorumRule, s.live.quorumCountsDeputies),
    shownDocument: s.live.shown ? findDocument(s, s.live.shown.documentId) : null,
  };
}
export type LiveView = ReturnType<typeof liveView>;

function findDocument(s: MeetingSnapshot, id: string) {
  const all = [...s.meetingDocuments, ...numberedAgenda(s.agenda).flatMap((i) => i.node.documents)];
  return all.find((d) => d.id === id) ?? null;
}

// Who is in the room now, for whoever needs it on the server (voting eligibility, the minutes): one query, the same
// rules as the attendance list on every tablet (lib/live/attendance.ts).
import type { Tx } from "../db/index.ts";
import { attendanceOf, countsForQuorum, quorum, type Attendance, type Quorum } from "./attendance.ts";
import type { QuorumRule } from "./schema.ts";

export interface Presence {
  participantId: string;
  userId: string;
  role: "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";
  mayVote: boolean;
  attendance: Attendance;
  /** Counted by the meeting's quorum (a member with the right to vote). */
  member: boolean;
  /** When PRESENT or DEPUTY: checked in at. */
  checkedInAt: Date | null;
  /** When DEPUTY: who attends in their place. */
  deputy: { userId: string | null; name: string | null } | null;
}

/**
 * Every participant of the meeting with their attendance now, and the quorum by the meeting's rule. Present in
 * person: `attendance === "PRESENT"`; represented: `"DEPUTY"` (whether a deputy counts or votes is the caller's rule;
 * the quorum counts deputies only when the meeting says so).
 */
export async function meetingPresence(tx: Tx, meetingId: string): Promise<{ participants: Presence[]; quorum: Quorum }> {
  const [rows, live] = await Promise.all([
    tx.participant.findMany({ where: { meetingId }, orderBy: { createdAt: "asc" } }),
    tx.meetingLive.findUnique({ where: { meetingId }, select: { quorumRule: true, quorumCountsDeputies: true } }),
  ]);
  const participants = rows.map((p): Presence => {
    const attendance = attendanceOf(p);
    return {
      participantId: p.id,
      userId: p.userId,
      role: p.role,
      mayVote: p.mayVote,
      attendance,
      member: countsForQuorum(p),
      checkedInAt: p.checkedInAt,
      deputy: attendance === "DEPUTY" ? { userId: p.deputyUserId, name: p.deputyName } : null,
    };
  });
  const rule: QuorumRule = live?.quorumRule === "MAJORITY" ? "MAJORITY" : "TWO_THIRDS";
  return { participants, quorum: quorum(rows, rule, live?.quorumCountsDeputies ?? false) };
}

// Attendance and quorum, pure: who is here (in person or by deputy), who is excused, and whether the meeting's rule
// is met. The server, every tablet and the room display compute it from the same participant rows.
import type { QuorumRule } from "./schema.ts";

export type Attendance = "PRESENT" | "DEPUTY" | "EXCUSED" | "ABSENT";

/** What attendance needs of a participant row. */
export interface AttendanceFacts {
  role: "CHAIR" | "SECRETARY" | "MEMBER" | "OBSERVER";
  mayVote: boolean;
  rsvp: string;
  checkedInAt: string | Date | null;
  checkedInDeputy: boolean;
}

/**
 * PRESENT: checked in, in person. DEPUTY: the deputy named in their answer is checked in for them. EXCUSED: answered
 * absent (with a reason) and not here. ABSENT: not (yet) here.
 */
export function attendanceOf(p: AttendanceFacts): Attendance {
  if (p.checkedInAt) return p.checkedInDeputy ? "DEPUTY" : "PRESENT";
  return p.rsvp === "ABSENT" ? "EXCUSED" : "ABSENT";
}

/**
 * The seats a user attends for as deputy: participants whose answer names that user's account (the same rule as the
 * policy's deputySeatOf query filter).
 */
export const attendsFor = (p: { user: { id: string }; rsvp: string; deputyUserId: string | null }, userId: string) =>
  p.rsvp === "DELEGATE" && p.deputyUserId === userId && p.user.id !== userId;

/**
 * The seat a user is checked in for as deputy now: they attend in that member's place and may ask to speak for them
 * (the policy's `deputySeatCheckedIn`; the same rule as its checkedInDeputySeatOf query filter).
 */
export const speaksFor = (p: Parameters<typeof attendsFor>[0] & AttendanceFacts, userId: string) =>
  attendsFor(p, userId) && attendanceOf(p) === "DEPUTY";

/** A participant's place in a vote now (the one rule for who may vote and who casts the ballot). */
export interface VotingSeat {
  voterId: string;
  /** Present in person, or by a deputy who votes at this meeting, or remote votes allowed. */
  eligible: boolean;
  /** When a deputy attends for the member and the meeting lets deputies vote: the deputy's account, who casts the member's one ballot. */
  castBy: string | null;
}

/**
 * Who may vote: members with a vote (not observers) who are present in person, or represented by a checked-in deputy
 * who casts their ballot when the meeting lets deputies vote (`deputiesVote`); with remote votes allowed, every member
 * with a vote (a member whose deputy does not vote then casts their own ballot). Null: no vote in this meeting.
 */
export function votingSeat(
  p: (AttendanceFacts & { userId: string; deputyUserId: string | null }) | undefined, allowRemote: boolean, deputiesVote: boolean,
): VotingSeat | null {
  if (!p || !countsForQuorum(p)) return null;
  const attendance = attendanceOf(p);
  const byDeputy = attendance === "DEPUTY" && deputiesVote;
  return { voterId: p.userId, eligible: allowRemote || attendance === "PRESENT" || byDeputy, castBy: byDeputy ? p.deputyUserId : null };
}

/** The members the quorum counts: those with the right to vote (observers and staff without it are not counted). */
export const countsForQuorum = (p: AttendanceFacts) => p.mayVote && p.role !== "OBSERVER";

/**
 * The quorum presets, in one place: how many of the members must be present, and how a member's deputy checked in
 * for them is counted.
 *
 * Whether a deputy counts is the meeting's own setting (`quorumCountsDeputies`, on the chair's console), starting at the
 * preset's default whenever the preset is chosen: the law does not settle it. The Government's rule (Law on Government
 * Organisation 2015, art. 46) is that at least two thirds of the members of the Government attend; it counts members,
 * and a deputy minister sent in a minister's place (the Government's working regulation lets one attend) is not a
 * member of the Government, so by default a deputy does not count. A body whose own rules let a deputy hold the seat
 * for the quorum turns the setting on for its meeting.
 *
 * Whether a deputy votes is a second setting (`deputiesVote`), reset the same way: under our reading of the
 * Government's working regulation the person sent in a member's place attends and may speak but does not vote, so it
 * is off under both presets; a body whose rules let the deputy cast the member's ballot turns it on.
 */
export const QUORUM_PRESETS: Record<QuorumRule, { required: (members: number) => number; deputiesCountByDefault: boolean; deputiesVoteByDefault: boolean }> = {
  // At least two thirds: 3·present ≥ 2·members.
  TWO_THIRDS: { required: (members) => Math.ceil((2 * members) / 3), deputiesCountByDefault: false, deputiesVoteByDefault: false },
  // More than half: 2·present > members.
  MAJORITY: { required: (members) => Math.floor(members / 2) + 1, deputiesCountByDefault: false, deputiesVoteByDefault: false },
};

/** The fewest members present that meet the rule, out of `members`. */
export function required(rule: QuorumRule, members: number): number {
  return members <= 0 ? 0 : QUORUM_PRESETS[rule].required(members);
}

/** Whether a seat counts as present for the quorum: in person, or by a checked-in deputy when the meeting counts deputies. */
export const presentForQuorum = (p: AttendanceFacts, countsDeputies: boolean) => {
  const a = attendanceOf(p);
  return a === "PRESENT" || (a === "DEPUTY" && countsDeputies);
};

export interface Quorum {
  rule: QuorumRule;
  members: number;
  present: number;
  required: number;
  met: boolean;
  /** Members whose deputy is checked in for them (in `present` only when `countsDeputies`). */
  deputies: number;
  countsDeputies: boolean;
}

export function quorum(participants: readonly AttendanceFacts[], rule: QuorumRule, countsDeputies: boolean): Quorum {
  let members = 0;
  let present = 0;
  let deputies = 0;
  for (const p of participants) {
    if (!countsForQuorum(p)) continue;
    members++;
    if (presentForQuorum(p, countsDeputies)) present++;
    if (attendanceOf(p) === "DEPUTY") deputies++;
  }
  const need = required(rule, members);
  return { rule, members, present, required: need, met: members > 0 && present >= need, deputies, countsDeputies };
}

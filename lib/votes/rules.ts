// How a vote is decided: the majority and quorum rules, pure and exact (integer arithmetic, no floating point).
// A rule is data stored with each vote, so a result can always be recomputed and explained in words.
//
// Terms:
// - members: everyone who may vote in the meeting (participants with a vote), present or not;
// - present: those of them checked in, as at the close; a member's checked-in deputy counts for them only when the
//   meeting counts deputies (lib/live/attendance.ts, QUORUM_PRESETS), though the deputy casts the member's ballot;
// - cast: ballots received; abstentions are ballots too, and the rule says whether they count in the base.
import { z } from "zod";

export const MAJORITY_BASES = ["CAST", "PRESENT", "MEMBERS"] as const;
export const THRESHOLDS = ["SIMPLE", "ABSOLUTE", "TWO_THIRDS", "UNANIMOUS"] as const;
export const QUORUM_KINDS = ["NONE", "HALF_PRESENT", "TWO_THIRDS_PRESENT", "HALF_CAST"] as const;

export const voteRuleSchema = z.object({
  /** What the majority is counted against. */
  base: z.enum(MAJORITY_BASES),
  /**
   * SIMPLE: more "for" than "against" (custom options: one option strictly ahead of every other);
   * ABSOLUTE: "for" more than half of the base; TWO_THIRDS: at least two thirds of the base; UNANIMOUS: all of it.
   */
  threshold: z.enum(THRESHOLDS),
  /** With base CAST: whether abstentions are part of the base. (PRESENT and MEMBERS count people, not ballots.) */
  abstentionsCount: z.boolean(),
  /** On a tie between "for" and "against", the side the chair voted for wins (open and named votes only). */
  chairBreaksTie: z.boolean(),
  /** Needed for the result to stand: more than half / at least two thirds of members present, or more than half cast. */
  quorum: z.enum(QUORUM_KINDS),
});
export type VoteRule = z.infer<typeof voteRuleSchema>;

/**
 * Presets. The Government: a decision needs "for" from more than half of all members of the Government; on a tie the
 * side the Prime Minister voted for wins (Government working rules); a session needs at least two thirds of its members
 * (Law on Government Organisation 2015, art. 46). A simple council: more for than against among those who voted,
 * abstentions aside, with more than half of the members present.
 */
export const RULE_PRESETS = {
  GOVERNMENT: { base: "MEMBERS", threshold: "ABSOLUTE", abstentionsCount: true, chairBreaksTie: true, quorum: "TWO_THIRDS_PRESENT" },
  COUNCIL: { base: "CAST", threshold: "SIMPLE", abstentionsCount: false, chairBreaksTie: false, quorum: "HALF_PRESENT" },
} as const satisfies Record<string, VoteRule>;
export type RulePreset = keyof typeof RULE_PRESETS;

/** The options of a vote; `for`/`against`/`abstain` name the standard ones (absent for custom options). */
export interface OptionRoles {
  forIndex: number | null;
  againstIndex: number | null;
  abstainIndex: number | null;
}
export const STANDARD_ROLES: OptionRoles = { forIndex: 0, againstIndex: 1, abstainIndex: 2 };

export interface Tally {
  /** Ballots per option, in the vote's option order. */
  counts: number[];
  members: number;
  present: number;
  /** The chair's choice (option index), when the chair voted and the vote is not secret. */
  chairChoice: number | null;
}

export interface VoteOutcome {
  counts: number[];
  cast: number;
  members: number;
  present: number;
  quorumMet: boolean;
  /** The size of the base the threshold was applied to. */
  base: number;
  /** The fewest ballots the leading option needed (for ABSOLUTE/TWO_THIRDS/UNANIMOUS; SIMPLE: null). */
  needed: number | null;
  /** The option that carried it (for yes/no votes: the "for" option when it passed), or null. */
  winner: number | null;
  passed: boolean;
  /** The chair's side decided a tie. */
  decidedByChair: boolean;
}

/** Smallest integer strictly greater than n·p/q. */
const moreThan = (n: number, p: number, q: number) => Math.floor((n * p) / q) + 1;
/** Smallest integer at least n·p/q. */
const atLeast = (n: number, p: number, q: number) => Math.ceil((n * p) / q);

export function quorumMet(rule: Pick<VoteRule, "quorum">, t: { members: number; present: number; cast: number }): boolean {
  switch (rule.quorum) {
    case "NONE": return true;
    case "HALF_PRESENT": return t.members > 0 && t.present >= moreThan(t.members, 1, 2);
    case "TWO_THIRDS_PRESENT": return t.members > 0 && t.present >= atLeast(t.members, 2, 3);
    case "HALF_CAST": return t.members > 0 && t.cast >= moreThan(t.members, 1, 2);
  }
}

/** Decides a vote. Counts are trusted to be non-negative integers, one per option. */
export function decide(rule: VoteRule, roles: OptionRoles, t: Tally): VoteOutcome {
  const counts = t.counts;
  const cast = counts.reduce((a, b) => a + b, 0);
  const abstained = roles.abstainIndex === null ? 0 : (counts[roles.abstainIndex] ?? 0);
  const base = rule.base === "MEMBERS" ? t.members : rule.base === "PRESENT" ? t.present : rule.abstentionsCount ? cast : cast - abstained;
  const q = quorumMet(rule, { members: t.members, present: t.present, cast });
  // The option that leads, if one leads strictly (abstain never "wins").
  const contenders = counts.map((c, i) => ({ c, i })).filter(({ i }) => i !== roles.abstainIndex);
  const top = Math.max(0, ...contenders.map((x) => x.c));
  const leaders = contenders.filter((x) => x.c === top && top > 0);
  const forCount = roles.forIndex === null ? null : counts[roles.forIndex];
  // Yes/no votes are about "for"; custom options about the leading option.
  const subject = roles.forIndex !== null ? (roles.forIndex as number) : leaders.length === 1 ? leaders[0].i : null;
  const subjectCount = subject === null ? 0 : counts[subject];
  let needed: number | null = null;
  let carried: boolean;
  switch (rule.threshold) {
    case "SIMPLE":
      carried = subject !== null && subjectCount > 0 && contenders.every((x) => x.i === subject || x.c < subjectCount);
      break;
    case "ABSOLUTE":
      needed = moreThan(base, 1, 2);
      carried = subject !== null && base > 0 && subjectCount >= needed;
      break;
    case "TWO_THIRDS":
      needed = atLeast(base, 2, 3);
      carried = subject !== null && base > 0 && subjectCount >= needed;
      break;
    case "UNANIMOUS":
      needed = base;
      carried = subject !== null && base > 0 && subjectCount >= needed;
      break;
  }
  let decidedByChair = false;
  // A tie between for and against: the chair's side, where the rule says so (never in a secret vote: no chairChoice).
  if (!carried && rule.chairBreaksTie && roles.forIndex !== null && roles.againstIndex !== null && t.chairChoice !== null) {
    const against = counts[roles.againstIndex];
    if (forCount === against && forCount! > 0 && (t.chairChoice === roles.forIndex || t.chairChoice === roles.againstIndex)) {
      decidedByChair = true;
      carried = t.chairChoice === roles.forIndex;
    }
  }
  const passed = q && carried;
  return { counts: [...counts], cast, members: t.members, present: t.present, quorumMet: q, base, needed, winner: passed ? subject : null, passed, decidedByChair };
}

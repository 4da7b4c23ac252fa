// Every majority and quorum rule against a plain reference written the other way round (cross-multiplied
// fractions instead of "the fewest ballots needed"), over random tallies including ties, zero ballots, all abstain.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decide, MAJORITY_BASES, QUORUM_KINDS, RULE_PRESETS, STANDARD_ROLES, THRESHOLDS, type OptionRoles, type VoteRule } from "./rules";

const rule: fc.Arbitrary<VoteRule> = fc.record({
  base: fc.constantFrom(...MAJORITY_BASES),
  threshold: fc.constantFrom(...THRESHOLDS),
  abstentionsCount: fc.boolean(),
  chairBreaksTie: fc.boolean(),
  quorum: fc.constantFrom(...QUORUM_KINDS),
});

/** A meeting: members, of whom some present, of whom some voted (each ballot one option). */
const meeting = (options: number) =>
  fc
    .integer({ min: 0, max: 40 })
    .chain((members) => fc.tuple(fc.constant(members), fc.integer({ min: 0, max: members })))
    .chain(([members, present]) =>
      fc.tuple(
        fc.constant(members),
        fc.constant(present),
        fc.array(fc.integer({ min: 0, max: options - 1 }), { maxLength: present }),
        fc.option(fc.integer({ min: 0, max: options - 1 })),
      ),
    )
    .map(([members, present, ballots, chairChoice]) => {
      const counts = Array.from({ length: options }, (_, i) => ballots.filter((b) => b === i).length);
      return { members, present, counts, chairChoice };
    });

function reference(r: VoteRule, roles: OptionRoles, t: { members: number; present: number; counts: number[]; chairChoice: number | null }) {
  const cast = t.counts.reduce((a, b) => a + b, 0);
  const abst = roles.abstainIndex === null ? 0 : t.counts[roles.abstainIndex];
  let quorum = true;
  if (r.quorum === "HALF_PRESENT") quorum = t.members > 0 && 2 * t.present > t.members;
  if (r.quorum === "TWO_THIRDS_PRESENT") quorum = t.members > 0 && 3 * t.present >= 2 * t.members;
  if (r.quorum === "HALF_CAST") quorum = t.members > 0 && 2 * cast > t.members;
  let base = cast - abst;
  if (r.base === "CAST" && r.abstentionsCount) base = cast;
  if (r.base === "PRESENT") base = t.present;
  if (r.base === "MEMBERS") base = t.members;
  // Which option is decided on.
  let subject: number | null = roles.forIndex;
  if (subject === null) {
    const top = Math.max(...t.counts);
    const at = t.counts.flatMap((c, i) => (c === top ? [i] : []));
    subject = top > 0 && at.length === 1 ? at[0] : null;
  }
  const v = subject === null ? 0 : t.counts[subject];
  let carried = false;
  if (subject !== null) {
    if (r.threshold === "SIMPLE") carried = v > 0 && t.counts.every((c, i) => i === subject || i === roles.abstainIndex || c < v);
    if (r.threshold === "ABSOLUTE") carried = base > 0 && 2 * v > base;
    if (r.threshold === "TWO_THIRDS") carried = base > 0 && 3 * v >= 2 * base;
    if (r.threshold === "UNANIMOUS") carried = base > 0 && v >= base;
  }
  let byChair = false;
  if (!carried && r.chairBreaksTie && roles.forIndex !== null && roles.againstIndex !== null) {
    const f = t.counts[roles.forIndex];
    const a = t.counts[roles.againstIndex];
    if (f === a && f > 0 && (t.chairChoice === roles.forIndex || t.chairChoice === roles.againstIndex)) {
      byChair = true;
      carried = t.chairChoice === roles.forIndex;
    }
  }
  return { quorumMet: quorum, passed: quorum && carried, decidedByChair: byChair, base, cast };
}

describe("majority and quorum rules", () => {
  it("for / against / abstain: equal to the reference for every rule and tally", () => {
    fc.assert(
      fc.property(rule, meeting(3), (r, t) => {
        const out = decide(r, STANDARD_ROLES, t);
        expect({ quorumMet: out.quorumMet, passed: out.passed, decidedByChair: out.decidedByChair, base: out.base, cast: out.cast }).toEqual(reference(r, STANDARD_ROLES, t));
        if (out.passed) expect(out.winner).toBe(0);
      }),
      { numRuns: 5000 },
    );
  });

  it("custom options (no for/against): the leading option must lead alone and meet the threshold", () => {
    const roles: OptionRoles = { forIndex: null, againstIndex: null, abstainIndex: null };
    fc.assert(
      fc.property(rule, fc.integer({ min: 2, max: 5 }).chain((n) => meeting(n)), (r, t) => {
        const out = decide(r, roles, t);
        expect({ quorumMet: out.quorumMet, passed: out.passed, decidedByChair: out.decidedByChair, base: out.base, cast: out.cast }).toEqual(reference(r, roles, t));
        if (out.passed) expect(t.counts.filter((c) => c >= t.counts[out.winner!]).length).toBe(1);
      }),
      { numRuns: 3000 },
    );
  });

  it("edge cases, in words", () => {
    const gov = RULE_PRESETS.GOVERNMENT;
    // 27 members, all present: 14 for is more than half of all members; 13 is not.
    expect(decide(gov, STANDARD_ROLES, { counts: [14, 13, 0], members: 27, present: 27, chairChoice: null }).passed).toBe(true);
    expect(decide(gov, STANDARD_ROLES, { counts: [13, 10, 4], members: 27, present: 27, chairChoice: 0 }).passed).toBe(false);
    // A tie: the Prime Minister's side wins.
    const tie = decide(gov, STANDARD_ROLES, { counts: [13, 13, 1], members: 27, present: 27, chairChoice: 0 });
    expect([tie.passed, tie.decidedByChair]).toEqual([true, true]);
    expect(decide(gov, STANDARD_ROLES, { counts: [13, 13, 1], members: 27, present: 27, chairChoice: 1 }).passed).toBe(false);
    // A secret vote has no chair choice: a tie fails.
    expect(decide(gov, STANDARD_ROLES, { counts: [13, 13, 1], members: 27, present: 27, chairChoice: null }).decidedByChair).toBe(false);
    // Quorum: 17 of 27 present is less than two thirds (18).
    expect(decide(gov, STANDARD_ROLES, { counts: [17, 0, 0], members: 27, present: 17, chairChoice: null }).quorumMet).toBe(false);
    expect(decide(gov, STANDARD_ROLES, { counts: [18, 0, 0], members: 27, present: 18, chairChoice: null }).passed).toBe(true);
    const council = RULE_PRESETS.COUNCIL;
    // Zero ballots: nothing passes. All abstain: nothing passes.
    expect(decide(council, STANDARD_ROLES, { counts: [0, 0, 0], members: 9, present: 9, chairChoice: null }).passed).toBe(false);
    expect(decide(council, STANDARD_ROLES, { counts: [0, 0, 9], members: 9, present: 9, chairChoice: null }).passed).toBe(false);
    // Abstentions aside: 2 for, 1 against, 6 abstain passes by simple majority.
    expect(decide(council, STANDARD_ROLES, { counts: [2, 1, 6], members: 9, present: 9, chairChoice: null }).passed).toBe(true);
    // Unanimity with abstentions counted: one abstention breaks it.
    const unanimous: VoteRule = { ...council, threshold: "UNANIMOUS", abstentionsCount: true };
    expect(decide(unanimous, STANDARD_ROLES, { counts: [8, 0, 1], members: 9, present: 9, chairChoice: null }).passed).toBe(false);
    expect(decide({ ...unanimous, abstentionsCount: false }, STANDARD_ROLES, { counts: [8, 0, 1], members: 9, present: 9, chairChoice: null }).passed).toBe(true);
  });
});

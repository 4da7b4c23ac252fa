import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceOf, attendsFor, presentForQuorum, speaksFor, quorum, QUORUM_PRESETS, required, votingSeat, type AttendanceFacts } from "./attendance";
import { NOT_STARTED, quorumRules } from "./schema";

const member = (over: Partial<AttendanceFacts> = {}): AttendanceFacts => ({ role: "MEMBER", mayVote: true, rsvp: "PENDING", checkedInAt: null, checkedInDeputy: false, ...over });

describe("quorum", () => {
  it("two thirds: the fewest present with 3·present ≥ 2·members (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
      const r = required("TWO_THIRDS", n);
      expect(3 * r >= 2 * n).toBe(true);
      expect(3 * (r - 1) >= 2 * n).toBe(false);
    }));
  });

  it("more than half: the fewest present with 2·present > members (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
      const r = required("MAJORITY", n);
      expect(2 * r > n).toBe(true);
      expect(2 * (r - 1) > n).toBe(false);
    }));
  });

  it("the Government's 27 members: 18 present meet two thirds, 17 do not; 14 are more than half", () => {
    const with_ = (present: number) => Array.from({ length: 27 }, (_, i) => member({ checkedInAt: i < present ? "2026-11-26T01:00:00.000Z" : null }));
    expect(quorum(with_(18), "TWO_THIRDS", false)).toMatchObject({ members: 27, present: 18, required: 18, met: true });
    expect(quorum(with_(17), "TWO_THIRDS", false).met).toBe(false);
    expect(quorum(with_(14), "MAJORITY", false)).toMatchObject({ required: 14, met: true });
    expect(quorum(with_(13), "MAJORITY", false).met).toBe(false);
  });

  it("counts voting members only; deputies only when the meeting says so; no members is no quorum", () => {
    const people = [
      member({ checkedInAt: "x" }),
      member({ checkedInAt: "x", checkedInDeputy: true, rsvp: "DELEGATE" }),
      member({ rsvp: "ABSENT" }),
      member({ role: "OBSERVER", mayVote: false, checkedInAt: "x" }),
      member({ role: "SECRETARY", mayVote: false, checkedInAt: "x" }),
    ];
    expect(quorum(people, "TWO_THIRDS", false)).toMatchObject({ members: 3, present: 1, met: false });
    expect(quorum(people, "TWO_THIRDS", true)).toMatchObject({ members: 3, present: 2, met: true });
    expect(quorum([], "MAJORITY", true)).toMatchObject({ members: 0, met: false });
  });

  it("is monotone: one more present never loses the quorum (property)", () => {
    fc.assert(fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), fc.constantFrom("TWO_THIRDS" as const, "MAJORITY" as const), (here, rule) => {
      const people = here.map((h) => member({ checkedInAt: h ? "x" : null }));
      const q = quorum(people, rule, false);
      const absent = here.indexOf(false);
      if (absent < 0) return;
      people[absent] = member({ checkedInAt: "x" });
      const after = quorum(people, rule, false);
      expect(after.present).toBe(q.present + 1);
      if (q.met) expect(after.met).toBe(true);
    }));
  });
});

describe("quorum presets and deputies", () => {
  const byDeputy = member({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: true });
  it("each preset says, in one place, whether a checked-in deputy counts by default: under the Government's rule, not", () => {
    expect(Object.keys(QUORUM_PRESETS).sort()).toEqual([...quorumRules].sort());
    expect(QUORUM_PRESETS.TWO_THIRDS.deputiesCountByDefault).toBe(false);
    expect(QUORUM_PRESETS.MAJORITY.deputiesCountByDefault).toBe(false);
    // A meeting starts on the Government's preset, with its default.
    expect(NOT_STARTED.quorumRule).toBe("TWO_THIRDS");
    expect(NOT_STARTED.quorumCountsDeputies).toBe(QUORUM_PRESETS.TWO_THIRDS.deputiesCountByDefault);
  });

  it("the Government's rule, 27 members, 17 in person and one represented: two thirds (18) met only when the meeting counts deputies", () => {
    const room = [...Array.from({ length: 17 }, () => member({ checkedInAt: "x" })), byDeputy, ...Array.from({ length: 9 }, () => member())];
    expect(quorum(room, "TWO_THIRDS", QUORUM_PRESETS.TWO_THIRDS.deputiesCountByDefault)).toMatchObject({ members: 27, present: 17, required: 18, met: false, deputies: 1, countsDeputies: false });
    expect(quorum(room, "TWO_THIRDS", true)).toMatchObject({ present: 18, met: true, deputies: 1, countsDeputies: true });
  });

  it("a seat counts once, whoever holds it; a deputy never counts for a seat not checked in (property)", () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom(...quorumRules), (checkedIn, deputy, counts, rule) => {
      const p = member({ rsvp: "DELEGATE", checkedInAt: checkedIn ? "x" : null, checkedInDeputy: checkedIn && deputy });
      expect(presentForQuorum(p, counts)).toBe(checkedIn && (!deputy || counts));
      expect(quorum([p], rule, counts).present).toBe(presentForQuorum(p, counts) ? 1 : 0);
    }));
  });
});

describe("attendance", () => {
  it("from the check-in and the answer", () => {
    expect(attendanceOf(member({ checkedInAt: "x" }))).toBe("PRESENT");
    expect(attendanceOf(member({ checkedInAt: "x", checkedInDeputy: true }))).toBe("DEPUTY");
    expect(attendanceOf(member({ rsvp: "ABSENT" }))).toBe("EXCUSED");
    expect(attendanceOf(member({ rsvp: "ABSENT", checkedInAt: "x" }))).toBe("PRESENT"); // came after all
    expect(attendanceOf(member({ rsvp: "DELEGATE" }))).toBe("ABSENT");
  });
});

describe("a deputy's seat", () => {
  const seat = (over: { rsvp?: string; deputyUserId?: string | null; userId?: string } = {}) => ({ user: { id: over.userId ?? "m" }, rsvp: over.rsvp ?? "DELEGATE", deputyUserId: over.deputyUserId === undefined ? "d" : over.deputyUserId });
  it("is the member's whose answer sends that deputy's account, only while it does", () => {
    expect(attendsFor(seat(), "d")).toBe(true);
    expect(attendsFor(seat({ rsvp: "ATTEND" }), "d")).toBe(false);
    expect(attendsFor(seat({ deputyUserId: null }), "d")).toBe(false);
    expect(attendsFor(seat(), "x")).toBe(false);
    expect(attendsFor(seat({ userId: "d" }), "d")).toBe(false);
  });
  it("is the one the deputy speaks for while checked in for it by deputy (not when the member came in person)", () => {
    const checked = (over: Partial<AttendanceFacts>) => ({ ...seat(), ...member(over) });
    expect(speaksFor(checked({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: true }), "d")).toBe(true);
    expect(speaksFor(checked({ rsvp: "DELEGATE" }), "d")).toBe(false);
    expect(speaksFor(checked({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: false }), "d")).toBe(false);
    expect(speaksFor(checked({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: true }), "x")).toBe(false);
    expect(speaksFor(checked({ rsvp: "ATTEND", checkedInAt: "x", checkedInDeputy: true }), "d")).toBe(false);
  });
  it("checked in by the deputy, it is one seat: counted for the quorum once (when deputies count), its ballot cast by the deputy", () => {
    const represented = { ...member({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: true }), userId: "m", deputyUserId: "d" };
    expect(quorum([represented, member()], "MAJORITY", true)).toMatchObject({ members: 2, present: 1 });
    expect(quorum([represented, member()], "MAJORITY", false)).toMatchObject({ members: 2, present: 0 });
    expect(votingSeat(represented, false, true)).toEqual({ voterId: "m", eligible: true, castBy: "d" });
  });
  it("where deputies do not vote (the default), a represented seat has no ballot in the room; with remote votes the member casts it", () => {
    const represented = { ...member({ rsvp: "DELEGATE", checkedInAt: "x", checkedInDeputy: true }), userId: "m", deputyUserId: "d" };
    expect(QUORUM_PRESETS.TWO_THIRDS.deputiesVoteByDefault).toBe(false);
    expect(QUORUM_PRESETS.MAJORITY.deputiesVoteByDefault).toBe(false);
    expect(votingSeat(represented, false, false)).toEqual({ voterId: "m", eligible: false, castBy: null });
    expect(votingSeat(represented, true, false)).toEqual({ voterId: "m", eligible: true, castBy: null });
    const inPerson = { ...member({ checkedInAt: "x" }), userId: "p", deputyUserId: null };
    expect(votingSeat(inPerson, false, false)).toEqual({ voterId: "p", eligible: true, castBy: null });
  });
});

// A tablet re-assembles its snapshot on every event: what an event did not change must stay the same object (no
// rebuild, and React skips it), and the result must equal a fresh assembly.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyDelta, type MeetingDelta } from "./delta.ts";
import { assembledOf, assembleRows, assembleSnapshot, type AgendaItemRow, type DocumentRow, type MeetingRows, type ParticipantRow } from "./view.ts";
import { liveRowOf } from "../live/rows.ts";
import type { SpeakerRow } from "../live/schema.ts";
import type { VoteRow } from "../votes/schema.ts";

const at = "2026-11-26T01:00:00.000Z";
const item = (id: string, parentId: string | null, position: number): AgendaItemRow => ({
  id, parentId, position, title: `Nội dung ${id}`, description: "", plannedMinutes: 10, status: "PENDING", changedAtVersion: 1, presenter: null,
});
const paper = (id: string, agendaItemId: string | null): DocumentRow => ({
  id, title: `Tài liệu ${id}`, confidentiality: "NORMAL", restricted: false, agendaItemId, changedAtVersion: 1, createdAt: at, version: null,
});

function rows(): MeetingRows {
  return {
    viewer: { id: "u1", role: "MEMBER" },
    meeting: {
      id: "m", title: "Phiên họp", kind: "REGULAR", status: "PUBLISHED", startsAt: at, endsAt: at, location: "", version: 5,
      chair: { id: "u0", name: "Chủ tọa" }, approver: null, reviewComment: null, currentAgendaItemId: null, publishedAt: at,
    },
    items: [item("a", null, 0), item("a1", "a", 0), item("a2", "a", 1), item("b", null, 1), item("b1", "b", 0)],
    documents: [paper("d1", "a1"), paper("d2", "b"), paper("d3", null)],
    participants: [{ id: "p1", user: { id: "u1", name: "Đại biểu", title: null }, role: "MEMBER", mayVote: true, rsvp: "PENDING", rsvpReason: null, deputyName: null, deputyUserId: null, checkedInAt: null, checkedInDeputy: false, createdAt: at }],
    live: liveRowOf(null, null),
    speakers: [],
    votes: [],
  };
}

describe("assembling a tablet's snapshot from the one before", () => {
  it("a rename rebuilds the renamed node and its ancestors only, and equals a fresh assembly", () => {
    const first = assembleRows(rows());
    const renamed = { ...first.rows.items[1], title: "Đổi tên" };
    const next = assembleRows(applyDelta(first.rows, { items: [renamed] }, 6), first);
    expect(next.snapshot).toEqual(assembleSnapshot(next.rows));
    const [a, b] = next.snapshot.agenda;
    expect(a.children[0].title).toBe("Đổi tên");
    expect(a).not.toBe(first.snapshot.agenda[0]); // the parent of the renamed item
    expect(a.children[1]).toBe(first.snapshot.agenda[0].children[1]); // its sibling
    expect(b).toBe(first.snapshot.agenda[1]); // the other branch
    expect(next.snapshot.participants).toBe(first.snapshot.participants);
    expect(next.snapshot.permissions).toBe(first.snapshot.permissions);
  });

  it("changes to items in place (two renames at once, a status) patch the tree; a move or a new item rebuilds it, equal to a fresh assembly", () => {
    const first = assembleRows(rows());
    const [a, a1, a2, b, b1] = first.rows.items;
    const two = assembleRows(applyDelta(first.rows, { items: [{ ...a2, title: "Hai" }, { ...b1, status: "DONE" }] }, 6), first);
    expect(two.snapshot).toEqual(assembleSnapshot(two.rows));
    expect(two.snapshot.agenda[0].children[0]).toBe(first.snapshot.agenda[0].children[0]);
    expect(two.snapshot.agenda[0].children[1].title).toBe("Hai");
    expect(two.snapshot.agenda[1].children[0].status).toBe("DONE");
    expect(two.snapshot.agenda[0].children[1].documents).toBe(first.snapshot.agenda[0].children[1].documents);
    // The patched tree serves the next event as well as a built one.
    const again = assembleRows(applyDelta(two.rows, { items: [{ ...a1, title: "Một" }] }, 7), two);
    expect(again.snapshot).toEqual(assembleSnapshot(again.rows));
    expect(again.snapshot.agenda[0].children[1]).toBe(two.snapshot.agenda[0].children[1]);
    const moved = assembleRows(applyDelta(again.rows, { items: [{ ...b, position: -1 }] }, 8), again);
    expect(moved.snapshot).toEqual(assembleSnapshot(moved.rows));
    expect(moved.snapshot.agenda.map((n) => n.id)).toEqual(["b", "a"]);
    const reparented = assembleRows(applyDelta(moved.rows, { items: [{ ...a1, title: "Một", parentId: "b" }] }, 9), moved);
    expect(reparented.snapshot).toEqual(assembleSnapshot(reparented.rows));
    const added = assembleRows(applyDelta(reparented.rows, { items: [item("c", null, 5)] }, 10), reparented);
    expect(added.snapshot).toEqual(assembleSnapshot(added.rows));
    expect(added.snapshot.agenda.map((n) => n.id)).toEqual(["b", "a", "c"]);
    const orphan = assembleRows(applyDelta(added.rows, { items: [{ ...a, title: "A" }] }, 11), added);
    expect(orphan.snapshot).toEqual(assembleSnapshot(orphan.rows));
  });

  it("an event that changes neither items nor papers keeps the whole tree; a paper moved rebuilds where it went", () => {
    const first = assembleRows(rows());
    const moved = assembleRows(applyDelta(first.rows, { meeting: { ...first.rows.meeting, currentAgendaItemId: "b" } }, 6), first);
    expect(moved.snapshot.agenda).toBe(first.snapshot.agenda);
    expect(moved.snapshot.meetingDocuments).toBe(first.snapshot.meetingDocuments);
    const paperMoved = assembleRows(applyDelta(moved.rows, { documents: [paper("d3", "b1")] }, 7), moved);
    expect(paperMoved.snapshot).toEqual(assembleSnapshot(paperMoved.rows));
    expect(paperMoved.snapshot.agenda[1].children[0].documents.map((d) => d.id)).toEqual(["d3"]);
    expect(paperMoved.snapshot.agenda[0]).toBe(first.snapshot.agenda[0]);
    expect(paperMoved.snapshot.meetingDocuments).toEqual([]);
  });

  it("a removed item's sub-items and papers go with it; a new chair changes the permissions", () => {
    const first = assembleRows(rows());
    const removed = assembleRows(applyDelta(first.rows, { removedItems: ["b", "b1"] }, 6), first);
    expect(removed.snapshot).toEqual(assembleSnapshot(removed.rows));
    expect(removed.snapshot.agenda.map((n) => n.id)).toEqual(["a"]);
    expect(removed.snapshot.meetingDocuments.map((d) => d.id).sort()).toEqual(["d2", "d3"]);
    const chaired = assembleRows(applyDelta(removed.rows, { meeting: { ...removed.rows.meeting, chair: { id: "u1", name: "Đại biểu" } } }, 7), removed);
    expect(chaired.snapshot.permissions.run).toBe(true);
    expect(removed.snapshot.permissions.run).toBe(false);
  });
});

const person = (id: string, createdAt = at): ParticipantRow => ({
  id: `p-${id}`, user: { id, name: `Đại biểu ${id}`, title: null }, role: "MEMBER", mayVote: true, rsvp: "PENDING", rsvpReason: null,
  deputyName: null, deputyUserId: null, checkedInAt: null, checkedInDeputy: false, createdAt,
});
const speaker = (id: string, requestedAt: string): SpeakerRow => ({
  id, agendaItemId: null, user: { id: "u2", name: "Đại biểu u2" }, onBehalfOf: null, kind: "SPEAK", status: "WAITING", position: 0, requestedAt, startedAt: null, endedAt: null,
});
// Only what assembling reads (id, createdAt) and what a change touches (status) matter here.
const vote = (id: string, createdAt: string) => ({ id, createdAt, status: "DRAFT", question: id }) as unknown as VoteRow;

/** A random change as an event carries it, against the rows it is applied to. */
type Change = (r: MeetingRows) => MeetingDelta;
const times = ["2026-11-26T01:00:00.000Z", "2026-11-26T02:00:00.000Z", "2026-11-26T03:00:00.000Z"];
const n = fc.nat(20);
const word = fc.constantFrom("Một", "Hai", "Ba", "Bốn");
const nth = <T,>(list: T[], k: number): T | undefined => list[k % Math.max(1, list.length)];
const change: fc.Arbitrary<Change> = fc.oneof(
  // In place: the tablet's most frequent events (a rename, a status, a paper's new title, an answer, the floor).
  fc.tuple(n, word).map(([k, title]): Change => (r) => { const i = nth(r.items, k); return i ? { items: [{ ...i, title }] } : {}; }),
  fc.tuple(n, n, word).map(([k, j, status]): Change => (r) => {
    const a = nth(r.items, k), b = nth(r.items, j);
    return a && b ? { items: [{ ...a, status }, { ...b, title: status }] } : {};
  }),
  fc.tuple(n, word).map(([k, title]): Change => (r) => { const d = nth(r.documents, k); return d ? { documents: [{ ...d, title }] } : {}; }),
  fc.tuple(n, fc.constantFrom("ACCEPTED", "DECLINED", "DELEGATE")).map(([k, rsvp]): Change => (r) => {
    const p = nth(r.participants, k);
    // Naming the viewer as deputy (checked in for the seat or not) changes the viewer's permissions.
    const deputy = rsvp === "DELEGATE";
    return p ? { participants: [{ ...p, rsvp, deputyUserId: deputy ? "u1" : null, checkedInAt: deputy && k % 2 ? at : null, checkedInDeputy: deputy && k % 2 === 1 }] } : {};
  }),
  fc.tuple(n, fc.constantFrom("SPEAKING", "DONE")).map(([k, status]): Change => (r) => { const x = nth(r.speakers, k); return x ? { speakers: [{ ...x, status }] } : {}; }),
  fc.tuple(n, fc.constantFrom("OPEN", "CLOSED")).map(([k, status]): Change => (r) => { const x = nth(r.votes, k); return x ? { votes: [{ ...x, status } as VoteRow] } : {}; }),
  // Moves, additions and removals (a parent may even name a descendant: a cycle leaves items out of the tree).
  fc.tuple(n, n, fc.integer({ min: -1, max: 3 })).map(([k, j, position]): Change => (r) => {
    const i = nth(r.items, k);
    return i ? { items: [{ ...i, position, parentId: j % 3 === 0 ? null : (nth(r.items, j)?.id ?? null) }] } : {};
  }),
  fc.tuple(fc.uuid(), n, fc.integer({ min: 0, max: 3 })).map(([id, j, position]): Change => (r) => ({ items: [{ ...item(id, j % 2 ? null : (nth(r.items, j)?.id ?? null), position) }] })),
  n.map((k): Change => (r) => { const i = nth(r.items, k); return i ? { removedItems: [i.id] } : {}; }),
  fc.tuple(n, n).map(([k, j]): Change => (r) => { const d = nth(r.documents, k); return d ? { documents: [{ ...d, agendaItemId: j % 3 ? (nth(r.items, j)?.id ?? null) : null }] } : {}; }),
  fc.tuple(fc.uuid(), n, fc.constantFrom(...times)).map(([id, j, createdAt]): Change => (r) => ({ documents: [{ ...paper(id, nth(r.items, j)?.id ?? null), createdAt }] })),
  n.map((k): Change => (r) => { const d = nth(r.documents, k); return d ? { removedDocuments: [d.id] } : {}; }),
  fc.tuple(fc.uuid(), fc.constantFrom(...times)).map(([id, createdAt]): Change => () => ({ participants: [person(id, createdAt)] })),
  n.map((k): Change => (r) => { const p = nth(r.participants, k); return p ? { removedParticipants: [p.id] } : {}; }),
  fc.tuple(fc.uuid(), fc.constantFrom(...times)).map(([id, t]): Change => () => ({ speakers: [speaker(id, t)] })),
  fc.tuple(fc.uuid(), fc.constantFrom(...times)).map(([id, t]): Change => () => ({ votes: [vote(id, t)] })),
  n.map((k): Change => (r) => { const x = nth(r.votes, k); return x ? { removedVotes: [x.id] } : {}; }),
  fc.constantFrom("PUBLISHED", "IN_PROGRESS").map((status): Change => (r) => ({ meeting: { ...r.meeting, status } as MeetingRows["meeting"] })),
);

describe("a tablet's snapshot after random changes", () => {
  it("equals a fresh assembly after every change, from a built assembly or from the snapshot a page starts with", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(change, { minLength: 1, maxLength: 40 }), (fromSnapshot, changes) => {
        const start = { ...rows(), participants: [person("u1"), person("u2", times[1]), person("u3", times[0])], speakers: [speaker("s1", times[1])], votes: [vote("v1", times[2])] };
        let prev = fromSnapshot ? assembledOf(JSON.parse(JSON.stringify(assembleSnapshot(start)))) : assembleRows(start);
        let version = 5;
        for (const c of changes) {
          const next = assembleRows(applyDelta(prev.rows, c(prev.rows), ++version), prev);
          const fresh = assembleRows(next.rows);
          expect(next.snapshot).toEqual(fresh.snapshot);
          expect([next.me, next.represents, next.deputySeatCheckedIn]).toEqual([fresh.me, fresh.represents, fresh.deputySeatCheckedIn]);
          prev = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a paper's new title replaces it where it is listed; an answer and a new request to speak go where a fresh sort puts them", () => {
    const start = { ...rows(), participants: [person("u1"), person("u2", times[1]), person("u3", times[0])], speakers: [speaker("s1", times[1])] };
    const first = assembledOf(JSON.parse(JSON.stringify(assembleSnapshot(start))));
    const d1 = first.rows.documents.find((d) => d.id === "d1")!;
    const next = assembleRows(applyDelta(first.rows, { documents: [{ ...d1, title: "Tờ trình mới" }] }, 6), first);
    expect(next.snapshot).toEqual(assembleSnapshot(next.rows));
    const [a, b] = next.snapshot.agenda;
    expect(a.children[0].documents[0].title).toBe("Tờ trình mới");
    expect(a.children[1]).toBe(first.snapshot.agenda[0].children[1]);
    expect(b).toBe(first.snapshot.agenda[1]);
    expect(next.snapshot.meetingDocuments).toBe(first.snapshot.meetingDocuments);
    const u2 = next.rows.participants.find((p) => p.user.id === "u2")!;
    const answered = assembleRows(applyDelta(next.rows, { participants: [{ ...u2, rsvp: "ACCEPTED" }], speakers: [speaker("s0", times[0])] }, 7), next);
    expect(answered.snapshot).toEqual(assembleSnapshot(answered.rows));
    expect(answered.snapshot.participants.map((p) => p.user.id)).toEqual(["u1", "u3", "u2"]);
    expect(answered.snapshot.speakers.map((x) => x.id)).toEqual(["s0", "s1"]);
    expect(answered.snapshot.agenda).toBe(next.snapshot.agenda);
  });
});

// A tablet re-assembles its snapshot on every event: what an event did not change must stay the same object (no
// rebuild, and React skips it), and the result must equal a fresh assembly.
import { describe, expect, it } from "vitest";
import { applyDelta } from "./delta.ts";
import { assembleRows, assembleSnapshot, type AgendaItemRow, type DocumentRow, type MeetingRows } from "./view.ts";
import { liveRowOf } from "../live/rows.ts";

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

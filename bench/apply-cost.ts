// In process: what applying one event costs a tablet, with 500 tablets of the same meeting in one process (as in
// the room benchmark's client processes): each gets its own JSON.parse of the payload, as socket.io gives it, and
// runs MeetingSync (validate, apply the delta, re-assemble the snapshot). CPU µs per tablet per event, after 10
// warm-up events, for a rename (agenda.changed) and for the chair moving the current item (live.changed); and over
// the first five events of each (the rename's are the first this process runs through MeetingSync: code not yet
// compiled, as on the room benchmark's tablets right after they joined).
import { MeetingSync } from "../lib/realtime/sync.ts";
import type { MeetingSnapshot } from "../lib/meetings/view.ts";

export function tabletApplyCost(snapshotText: string, tablets = 500, events = 40) {
  const snap = JSON.parse(snapshotText) as MeetingSnapshot;
  const { documents: _d, children: _c, ...item } = snap.agenda[0];
  const all = Array.from({ length: tablets }, () => {
    const handlers = new Map<string, (x: unknown) => void>();
    const socket = { connected: false, on: (e: string, f: (x: unknown) => void) => handlers.set(e, f), off() {}, emit() {} };
    new MeetingSync({ socket, initial: JSON.parse(snapshotText), fetchSnapshot: async () => ({ status: 304 as const }) }).start();
    return handlers;
  });
  let v = snap.meeting.version;
  const ids = snap.agenda.map((n) => n.id);
  const kinds = [
    ["rename", "agenda.changed", (k: number) => ({ meetingId: snap.meeting.id, version: ++v, change: "updated", items: [{ ...item, title: `T ${k}` }] })],
    ["current item", "live.changed", (k: number) => ({ meetingId: snap.meeting.id, version: ++v, change: "item", meeting: { ...snap.meeting, version: v, currentAgendaItemId: ids[k % ids.length] }, live: { ...snap.live, currentItemId: ids[k % ids.length] } })],
  ] as const;
  const out = { rename: 0, "current item": 0, first: { rename: 0, "current item": 0 } };
  for (const [label, name, make] of kinds) {
    let cpu = 0;
    let first = 0;
    for (let e = 0; e < events; e++) {
      const text = JSON.stringify(make(e));
      const c0 = process.cpuUsage();
      for (const handlers of all) handlers.get(name)!(JSON.parse(text));
      const c = process.cpuUsage(c0);
      if (e < 5) first += c.user + c.system;
      if (e >= 10) cpu += c.user + c.system;
    }
    out[label] = cpu / (events - 10) / tablets;
    out.first[label] = first / 5 / tablets;
  }
  return out;
}

// One simulated tablet's logic, swappable: what the shipped client does with a meeting's events.
//   sync     lib/realtime/sync.ts MeetingSync, exactly as the React hook runs it (apply the change, fetch only when
//            told to, conditionally);
//   refetch  the client before it: every event newer than what it has triggers a full snapshot GET (bursts
//            coalesced into one more fetch) and a POST /seen — the "before" numbers;
//   bare     a bare socket.io receiver for the baseline: the event has arrived, nothing is applied.
import type { Socket } from "socket.io-client";
import { MeetingSync, type SnapshotResponse } from "../lib/realtime/sync.ts";
import { MEETING_EVENT_NAMES } from "../lib/realtime/events.ts";
import type { MeetingSnapshot } from "../lib/meetings/view.ts";

export type Behaviour = "sync" | "refetch" | "bare";

export interface TabletContext {
  socket: Socket;
  meetingId: string;
  /** The server-rendered snapshot the page starts from (null for bare). */
  initial: MeetingSnapshot | null;
  fetchSnapshot: (etag: string | undefined) => Promise<SnapshotResponse>;
  markSeen: (version: number) => Promise<void>;
  /** Called with every state the tablet would show (for bare: every event payload as it arrives). */
  onState: (state: MeetingSnapshot | Record<string, unknown>) => void;
}

export interface Tablet {
  start(): void;
  stop(): void;
}

export function tablet(behaviour: Behaviour, ctx: TabletContext): Tablet {
  switch (behaviour) {
    case "sync":
      return new MeetingSync({ socket: ctx.socket, initial: ctx.initial!, fetchSnapshot: ctx.fetchSnapshot, onState: (s) => ctx.onState(s) });
    case "refetch":
      return refetchTablet(ctx);
    case "bare":
      return bareTablet(ctx);
  }
}

/** The former useMeetingLive + MeetingView: events are hints; re-fetch the whole snapshot, then say what was seen. */
function refetchTablet(ctx: TabletContext): Tablet {
  let version = ctx.initial!.meeting.version;
  let fetching: Promise<void> | null = null;
  let again = false;
  let alive = true;
  const refresh = () => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = (async () => {
      do {
        again = false;
        try {
          const res = await ctx.fetchSnapshot(undefined);
          if (res.status === 200 && res.body.meeting.version >= version && alive) {
            version = res.body.meeting.version;
            ctx.onState(res.body);
            await ctx.markSeen(version);
          }
        } catch {
          /* counted by fetchSnapshot; the next event tries again */
        }
      } while (again && alive);
    })().finally(() => (fetching = null));
  };
  const onEvent = (p: { meetingId?: string; version?: number }) => {
    if (p.meetingId === ctx.meetingId && (p.version ?? 0) > version) refresh();
  };
  const join = () =>
    ctx.socket.emit("meeting:join", { meetingId: ctx.meetingId, version }, (ack: { ok: boolean; version?: number; snapshot?: boolean; missed?: unknown[] }) => {
      if (ack.ok && (ack.snapshot || (ack.missed?.length ?? 0) > 0 || (ack.version ?? 0) > version)) refresh();
    });
  return {
    start() {
      ctx.socket.on("connect", join);
      for (const name of MEETING_EVENT_NAMES) ctx.socket.on(name, onEvent);
      if (ctx.socket.connected) join();
    },
    stop() {
      alive = false;
      ctx.socket.off("connect", join);
      for (const name of MEETING_EVENT_NAMES) ctx.socket.off(name, onEvent);
    },
  };
}

function bareTablet(ctx: TabletContext): Tablet {
  const onEvent = (payload: Record<string, unknown>) => ctx.onState(payload);
  return {
    start: () => ["agenda.changed", "live.changed"].forEach((name) => ctx.socket.on(name, onEvent)),
    stop: () => ["agenda.changed", "live.changed"].forEach((name) => ctx.socket.off(name, onEvent)),
  };
}

"use client";
// Browser side of the realtime contract. One socket per tab, shared by the meeting view and the notification bell.
// Meeting events are hints: on anything newer than what we have, re-fetch the permission-checked snapshot.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { MEETING_EVENT_NAMES, type JoinAck } from "./events.ts";

let shared: Socket | null = null;
export function getSocket(): Socket {
  shared ??= io({ withCredentials: true, transports: ["websocket", "polling"] });
  return shared;
}

export interface Versioned {
  meeting: { id: string; version: number };
}

export function useMeetingLive<T extends Versioned>(initial: T, fetchSnapshot: (meetingId: string) => Promise<T>) {
  const [snapshot, setSnapshot] = useState(initial);
  /** null until the first connection attempt settles: "connecting", not "lost". */
  const [connected, setConnected] = useState<boolean | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const version = useRef(initial.meeting.version);
  const fetching = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const alive = useRef(true);
  const meetingId = initial.meeting.id;

  /** Take a snapshot we already have (e.g. the fresh state a 409 carried). */
  const accept = useCallback((next: T) => {
    if (next.meeting.version >= version.current) {
      version.current = next.meeting.version;
      setSnapshot(next);
    }
  }, []);

  const refresh = useCallback((): Promise<void> => {
    if (fetching.current) {
      again.current = true; // coalesce bursts into one more fetch after the running one
      return fetching.current;
    }
    fetching.current = (async () => {
      do {
        again.current = false;
        try {
          const next = await fetchSnapshot(meetingId);
          if (alive.current) accept(next);
        } catch {
          /* offline or refused: the next event or reconnect tries again */
        }
      } while (again.current && alive.current);
    })().finally(() => (fetching.current = null));
    return fetching.current;
  }, [meetingId, fetchSnapshot, accept]);

  useEffect(() => {
    alive.current = true;
    const socket = getSocket();
    const markChanged = (p: Record<string, unknown>) => {
      const id = (p.itemId ?? p.documentId) as string | undefined;
      if (id) setChanged((s) => new Set(s).add(id));
    };
    const join = () => {
      setConnected(true);
      socket.emit("meeting:join", { meetingId, version: version.current }, (ack: JoinAck) => {
        if (ack.ok && (ack.snapshot || ack.missed.length > 0 || ack.version > version.current)) {
          for (const m of ack.missed) markChanged(m.payload);
          void refresh();
        }
      });
    };
    const down = () => setConnected(false);
    const onEvent = (payload: { meetingId: string; version: number } & Record<string, unknown>) => {
      if (payload.meetingId !== meetingId || payload.version <= version.current) return;
      markChanged(payload);
      void refresh();
    };
    socket.on("connect", join);
    socket.on("disconnect", down);
    for (const name of MEETING_EVENT_NAMES) socket.on(name, onEvent);
    if (socket.connected) join();
    return () => {
      alive.current = false;
      socket.emit("meeting:leave", { meetingId });
      socket.off("connect", join);
      socket.off("disconnect", down);
      for (const name of MEETING_EVENT_NAMES) socket.off(name, onEvent);
    };
  }, [meetingId, refresh]);

  return { snapshot, connected, changed, refresh, accept };
}

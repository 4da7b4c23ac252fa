"use client";
// Browser side of the realtime contract: join the meeting room with the last seen version, re-fetch the
// permission-checked snapshot whenever something newer happened (events are hints; the API is the truth).
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { MEETING_EVENT_NAMES, type JoinAck } from "./events.ts";

export interface Versioned {
  meeting: { id: string; version: number };
}

export function useMeetingLive<T extends Versioned>(initial: T, fetchSnapshot: (meetingId: string) => Promise<T>) {
  const [snapshot, setSnapshot] = useState(initial);
  const [connected, setConnected] = useState(false);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const version = useRef(initial.meeting.version);
  const fetching = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const meetingId = initial.meeting.id;

  useEffect(() => {
    let alive = true;
    async function refresh(): Promise<void> {
      if (fetching.current) {
        again.current = true; // coalesce bursts into one more fetch after the running one
        return fetching.current;
      }
      fetching.current = (async () => {
        do {
          again.current = false;
          try {
            const next = await fetchSnapshot(meetingId);
            if (!alive) return;
            if (next.meeting.version >= version.current) {
              version.current = next.meeting.version;
              setSnapshot(next);
            }
          } catch {
            /* offline or refused: the next event or reconnect tries again */
          }
        } while (again.current && alive);
      })().finally(() => (fetching.current = null));
      return fetching.current;
    }

    const socket: Socket = io({ withCredentials: true, transports: ["websocket", "polling"] });
    const join = () =>
      socket.emit("meeting:join", { meetingId, version: version.current }, (ack: JoinAck) => {
        if (ack.ok && (ack.snapshot || ack.missed.length > 0 || ack.version > version.current)) {
          for (const m of ack.missed) markChanged(m.payload);
          void refresh();
        }
      });
    function markChanged(p: Record<string, unknown>) {
      const id = (p.itemId ?? p.documentId) as string | undefined;
      if (id) setChanged((s) => new Set(s).add(id));
    }
    socket.on("connect", () => {
      setConnected(true);
      join();
    });
    socket.on("disconnect", () => setConnected(false));
    for (const name of MEETING_EVENT_NAMES) {
      socket.on(name, (payload: { meetingId: string; version: number }) => {
        if (payload.meetingId !== meetingId || payload.version <= version.current) return;
        markChanged(payload);
        void refresh();
      });
    }
    return () => {
      alive = false;
      socket.disconnect();
    };
  }, [meetingId, fetchSnapshot]);

  return { snapshot, connected, changed };
}

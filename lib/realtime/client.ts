"use client";
// Browser side of the realtime contract. One socket per tab, shared by the meeting view and the notification bell.
// The meeting hook wraps MeetingSync (sync.ts): events carry the change and are applied locally; the snapshot is
// fetched only when the server says we are too far behind, and conditionally.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { MeetingSnapshot } from "../meetings/view.ts";
import { MeetingSync, type SnapshotResponse, type SyncSocket } from "./sync.ts";
import type { ClientToServerEvents, ServerToClientEvents } from "./events.ts";
import { href } from "../http/operation.ts";
import { meetingOps } from "../meetings/operations.ts";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let shared: AppSocket | null = null;
export function getSocket(): AppSocket {
  shared ??= io({ withCredentials: true, transports: ["websocket", "polling"] });
  return shared;
}

export async function fetchSnapshot(meetingId: string, etag: string | undefined): Promise<SnapshotResponse> {
  // fetch, not the typed client: this read is conditional (If-None-Match → 304).
  const res = await fetch(href(meetingOps.get, { params: { meetingId } }), {
    cache: "no-store",
    headers: etag ? { "if-none-match": etag } : undefined,
  });
  if (res.status === 304) return { status: 304 };
  if (!res.ok) throw new Error(String(res.status));
  return { status: 200, etag: res.headers.get("etag") ?? undefined, body: await res.json() };
}

export function useMeetingLive(initial: MeetingSnapshot) {
  const [snapshot, setSnapshot] = useState(initial);
  /** null until the first connection attempt settles: "connecting", not "lost". */
  const [connected, setConnected] = useState<boolean | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const [refused, setRefused] = useState<{ code: string; message: string } | null>(null);
  const sync = useRef<MeetingSync | null>(null);
  const meetingId = initial.meeting.id;

  useEffect(() => {
    const s = new MeetingSync({
      // MeetingSync subscribes by name from the same contract; it needs only the untyped surface of the socket.
      socket: getSocket() as unknown as SyncSocket,
      initial,
      fetchSnapshot: (etag) => fetchSnapshot(meetingId, etag),
      onState: (next, touched) => {
        setSnapshot(next);
        if (touched.length) setChanged((old) => new Set([...old, ...touched]));
      },
      onConnection: setConnected,
      onRefused: setRefused,
    });
    sync.current = s;
    s.start();
    return () => {
      s.stop();
      sync.current = null;
    };
    // `initial` is the server-rendered state of this meeting; later states come from the sync itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [meetingId]);

  /** Take a fresher snapshot we already have (e.g. the one a 409 carried). */
  const accept = useCallback((next: MeetingSnapshot) => sync.current?.accept(next), []);
  /** After our own write: its event updates us; fetch only if it does not come. */
  const expect = useCallback((version: number) => sync.current?.expect(version), []);
  const refresh = useCallback(() => sync.current?.resync() ?? Promise.resolve(), []);

  return { snapshot, connected, changed, refused, accept, expect, refresh };
}

/**
 * Remembers the meeting version this participant has seen — when they leave or hide the page, not on every event:
 * one small write per visit instead of one per change per tablet.
 */
export function useSeenVersion(meetingId: string, version: number, enabled: boolean) {
  const latest = useRef(version);
  latest.current = version;
  const saved = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const save = () => {
      if (latest.current <= saved.current) return;
      saved.current = latest.current;
      // keepalive: the write must outlive the page it is sent from.
      void fetch(href(meetingOps.seen, { params: { meetingId } }), {
        method: "POST",
        keepalive: true,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ version: latest.current }),
      }).catch(() => {});
    };
    const onVisibility = () => document.visibilityState === "hidden" && save();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", save);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", save);
      save();
    };
  }, [meetingId, enabled]);
}

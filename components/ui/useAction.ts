"use client";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/lib/http/client";
import { useMeetingLiveContext } from "@/components/meetings/live";
import type { MeetingSnapshot } from "@/lib/meetings/view";

/** A 409 carries the meeting as the server has it now. */
export function conflictSnapshot(e: unknown): MeetingSnapshot | null {
  return e instanceof ApiError && e.status === 409 && e.details?.meeting ? (e.details.meeting as MeetingSnapshot) : null;
}

/**
 * The one way to run a write: pending while it runs, its error kept for <ErrorNote> (with retry), and the meeting's
 * live state told what happened — the version to expect on success, the fresh state a 409 carried on conflict.
 * Nothing is re-read on success: the write's own event brings the change to this tablet like to every other.
 */
export function useAction() {
  const live = useMeetingLiveContext();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const last = useRef<(() => Promise<unknown>) | null>(null);
  const run = useCallback(
    async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
      last.current = fn;
      setError(null);
      setPending(true);
      try {
        const out = await fn();
        // Meeting writes answer the meeting version they made (`meetingVersion` where `version` means a paper's).
        const answer = out as { version?: unknown; meetingVersion?: unknown } | null;
        const version = answer?.meetingVersion ?? answer?.version;
        if (typeof version === "number") live?.expect(version);
        return out;
      } catch (e) {
        const fresh = conflictSnapshot(e);
        if (fresh) live?.accept(fresh);
        setError(e);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [live],
  );
  const retry = useCallback(() => (last.current ? run(last.current) : undefined), [run]);
  const clear = useCallback(() => setError(null), []);
  return { error, pending, run, retry, clear };
}

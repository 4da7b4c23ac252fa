"use client";
// The meeting's live view, from the snapshot API. The page's answer carries no snapshot: inside it, the snapshot
// went through React's payload and the HTML twice and cost each page render about 1.2 ms of server CPU, where the
// snapshot GET (answered by server.ts itself, lib/http/direct.ts) costs about 0.3 ms.
import { useEffect, useState } from "react";
import { ApiError, call } from "@/lib/http/client";
import { meetingOps } from "@/lib/meetings/operations";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { MeetingLoading } from "./MeetingLoading";
import { MeetingRefused } from "./MeetingRefused";
import { MeetingView } from "./MeetingView";

/** `title` shows while the snapshot loads; `lastSeenVersion`: the version this participant had seen when they last left. */
export function MeetingLoader({ meetingId, title, lastSeenVersion }: { meetingId: string; title: string; lastSeenVersion: number }) {
  const [loaded, setLoaded] = useState<{ snapshot: MeetingSnapshot } | { error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    call(meetingOps.get, { params: { meetingId } }).then(
      (snapshot) => current && setLoaded({ snapshot: snapshot as MeetingSnapshot }),
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, [meetingId, attempt]);

  if (loaded && "snapshot" in loaded) return <MeetingView initial={loaded.snapshot} lastSeenVersion={lastSeenVersion} />;
  if (loaded && "error" in loaded) {
    // Gone between the page and its snapshot (access taken away, meeting deleted): said as the live view says it.
    if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 401)) {
      return <MeetingRefused />;
    }
    return (
      <div className="space-y-3">
        <MeetingLoading title={title} />
        <ErrorNote error={loaded.error} onRetry={() => { setLoaded(null); setAttempt((n) => n + 1); }} />
      </div>
    );
  }
  return <MeetingLoading title={title} />;
}

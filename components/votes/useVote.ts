"use client";
// One vote's live state beside the meeting's: its row comes with the meeting snapshot (votes.changed events), its
// progress and one's own ballot from GET /votes/{id} once (when it opens or closes, and after a reconnect), then
// from `vote.progress` and `ballot.recorded` messages. Casting goes through useAction like every write.
import { useCallback, useEffect, useRef, useState } from "react";
import { call } from "@/lib/http/client";
import { voteOps } from "@/lib/votes/operations";
import type { MyBallot, VoteProgress, VoteRow } from "@/lib/votes/schema";
import { liveEventSchemas, userEventSchemas } from "@/lib/realtime/events";
import { getSocket } from "@/lib/realtime/client";
import { useAction } from "@/components/ui/useAction";

/**
 * `seatHint`: from the meeting's live rows, whether this viewer's own seat may vote now (checked in, with a vote).
 * Attendance changes arrive as events, so the card follows them without asking; the server's answer (fetched once)
 * adds what the rows cannot tell, such as voting as a deputy.
 */
export function useVote(vote: VoteRow, seatHint: boolean, mayBeDeputy: boolean) {
  const [progress, setProgress] = useState<VoteProgress | null>(null);
  const [myBallot, setMyBallot] = useState<MyBallot | null>(null);
  const [eligible, setEligible] = useState(false);
  const seq = useRef(0);
  const action = useAction();
  const voteId = vote.id;

  const load = useCallback(async () => {
    try {
      const detail = await call(voteOps.get, { params: { voteId } });
      // A fetched state is as new as any message so far; later messages continue from their own numbering.
      seq.current = 0;
      setProgress(detail.progress);
      setMyBallot(detail.myBallot);
      setEligible(detail.eligible);
    } catch {
      /* offline: the next message or reconnect brings it */
    }
  }, [voteId]);

  // Not fetched when a vote is planned or opens: every tablet asking at that moment would be a herd; the opening's
  // progress message and the meeting's rows carry what the card needs.
  const open = vote.status === "OPEN";
  const openRef = useRef(open);
  openRef.current = open;
  // On a page opened during a vote; and when a vote opens for someone who may vote only as a deputy (the rows do not
  // say whom a participant represents). Everyone else takes the opening's progress message.
  const askAtOpen = open && !seatHint && mayBeDeputy;
  useEffect(() => {
    if (openRef.current) void load();
  }, [load]);
  // The meeting's deputies setting turned off during the vote: a deputy's ballot goes (the server refuses it anyway).
  useEffect(() => {
    if (askAtOpen) void load();
    else if (!mayBeDeputy && !seatHint) setEligible(false);
  }, [askAtOpen, mayBeDeputy, seatHint, load]);

  useEffect(() => {
    const socket = getSocket();
    const onProgress = (raw: unknown) => {
      const p = liveEventSchemas["vote.progress"].safeParse(raw);
      if (!p.success || p.data.voteId !== voteId) return;
      if (p.data.seq <= seq.current && seq.current !== 0) return; // late
      seq.current = p.data.seq;
      setProgress(p.data);
    };
    const onBallot = (raw: unknown) => {
      const b = userEventSchemas["ballot.recorded"].safeParse(raw);
      if (b.success && b.data.voteId === voteId) setMyBallot(b.data);
    };
    // Back after a drop during the vote: a ballot may have been recorded meanwhile on another device.
    const onConnect = () => openRef.current && void load();
    socket.on("vote.progress", onProgress);
    socket.on("ballot.recorded", onBallot);
    socket.on("connect", onConnect);
    return () => {
      socket.off("vote.progress", onProgress);
      socket.off("ballot.recorded", onBallot);
      socket.off("connect", onConnect);
    };
  }, [voteId, load]);

  const cast = useCallback(
    async (choice: number) => {
      const out = await action.run(() => call(voteOps.cast, { params: { voteId }, body: { choice } }));
      if (out) setMyBallot(out.myBallot);
    },
    [action, voteId],
  );

  return { progress, myBallot, eligible: eligible || seatHint, cast, castError: action.error, casting: action.pending, retry: action.retry };
}

/** Seconds left on a countdown, ticking once a second (computed from the stored closing time). */
export function useSecondsLeft(closesAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!closesAt) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [closesAt]);
  return closesAt ? Math.max(0, Math.ceil((Date.parse(closesAt) - now) / 1000)) : null;
}

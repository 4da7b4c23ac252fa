"use client";
// The viewer's reading of a meeting's papers (GET /meetings/{id}/reading), fetched once per page view however many
// paper lists ask (a meeting shows one list per agenda item).
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { readingOps } from "@/lib/reading/operations";
import type { ReadingProgress, ReceiptJson } from "@/lib/reading/schema";

const inFlight = new Map<string, Promise<ReadingProgress | null>>();

export function useMeetingReading(meetingId: string | undefined) {
  const [progress, setProgress] = useState<ReadingProgress | null>(null);
  useEffect(() => {
    if (!meetingId) return;
    let live = true;
    let p = inFlight.get(meetingId);
    if (!p) {
      p = call(readingOps.progress, { params: { meetingId } }).catch(() => null);
      inFlight.set(meetingId, p);
      // Shared by the lists of this render only; coming back to the page asks again.
      void p.finally(() => setTimeout(() => inFlight.delete(meetingId), 1000));
    }
    void p.then((r) => live && setProgress(r));
    return () => {
      live = false;
    };
  }, [meetingId]);
  return progress;
}

/** A reader's state on one paper: unread, read (pages of the latest version), or read only an older version. */
export type PaperState = { kind: "unread" } | { kind: "read"; seen: number; count: number } | { kind: "older"; version: number };

export function paperState(receipts: ReceiptJson[], userId: string, paper: { id: string; version: number; pageCount: number }): PaperState {
  const mine = receipts.filter((r) => r.userId === userId && r.documentId === paper.id);
  const latest = mine.find((r) => r.version === paper.version);
  if (latest) return { kind: "read", seen: latest.pagesSeen, count: paper.pageCount };
  if (mine.length) return { kind: "older", version: Math.max(...mine.map((r) => r.version)) };
  return { kind: "unread" };
}

"use client";
// A paper's versions as its reader meets them: a newer version published while the reader is open (the meeting's
// live `documents.changed` event, cut by the server to the papers this member may see), one's notes carried over
// when the latest version opens (the server anchors them to their words; the ones not placed are listed), and the
// pages that changed since the version this member read before.
import { useEffect, useState } from "react";
import { call } from "@/lib/http/client";
import { annotationOps } from "@/lib/annotations/operations";
import { documentOps } from "@/lib/documents/operations";
import type { CarriedJson } from "@/lib/annotations/schema";
import { getSocket } from "@/lib/realtime/client";
import { meetingEventSchemas } from "@/lib/realtime/events";
import type { PaperNotes } from "./annotations";

export interface VersionNews {
  /** A version newer than the one shown, published since the page was loaded. */
  newer: number | null;
  carry: CarriedJson | null;
  /** Pages of the shown (latest) version whose text is not in the version read before. */
  changed: { since: number; pages: number[] } | null;
}

export function useVersionNews(o: {
  documentId: string; shown: number; latest: number; readBefore: number | null; participant: boolean; notes: PaperNotes | null;
}): VersionNews {
  const { documentId, shown, latest, readBefore, participant, notes } = o;
  const [newer, setNewer] = useState<number | null>(null);
  const [carry, setCarry] = useState<CarriedJson | null>(null);
  const [changed, setChanged] = useState<VersionNews["changed"]>(null);

  useEffect(() => {
    setNewer(null);
    const socket = getSocket();
    const onDocuments = (raw: unknown) => {
      const e = meetingEventSchemas["documents.changed"].safeParse(raw);
      const number = e.success ? e.data.documents?.find((d) => d.id === documentId)?.version?.number : undefined;
      if (number && number > latest) setNewer((n) => Math.max(n ?? 0, number));
    };
    socket.on("documents.changed", onDocuments);
    return () => void socket.off("documents.changed", onDocuments);
  }, [documentId, latest]);

  // The latest version, opened with one's notes loaded: bring over the notes made on an earlier version.
  useEffect(() => {
    setCarry(null);
    // Only with the notes of the version on screen (for a moment after a switch, the previous version's are still here).
    if (!notes || notes.version !== shown || !participant || shown !== latest || latest < 2) return;
    let live = true;
    call(annotationOps.carry, { params: { documentId }, body: { version: shown } }).then(
      (r) => {
        if (!live) return;
        notes.adopt(r.carried);
        setCarry(r);
      },
      () => {},
    );
    return () => void (live = false);
  }, [notes, participant, documentId, shown, latest]);

  useEffect(() => {
    setChanged(null);
    if (readBefore === null || shown !== latest || readBefore >= shown) return;
    let live = true;
    call(documentOps.changes, { params: { documentId }, query: { version: shown, since: readBefore } }).then(
      (r) => live && setChanged({ since: r.since, pages: r.changedPages }),
      () => {},
    );
    return () => void (live = false);
  }, [documentId, shown, latest, readBefore]);

  return { newer, carry, changed };
}

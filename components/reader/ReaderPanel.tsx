"use client";
// Everything interactive on the reader's page, loaded and hydrated after pdf.js's first page (ReaderDeferred.tsx):
// the session watch, the gate that closes the meeting for a removed participant, and the reader itself.
import { SessionWatch } from "@/components/layout/SessionWatch";
import { MeetingAccessGate } from "@/components/meetings/MeetingAccessGate";
import { PaperReader } from "./PaperReader";
import type { ComponentProps } from "react";

export type ReaderPanelProps = ComponentProps<typeof PaperReader> & { meetingId: string };

export default function ReaderPanel({ meetingId, ...reader }: ReaderPanelProps) {
  return (
    <>
      <SessionWatch />
      <MeetingAccessGate meetingId={meetingId}>
        <PaperReader {...reader} />
      </MeetingAccessGate>
    </>
  );
}

"use client";
import { useCallback } from "react";
import { call } from "@/lib/http/client";
import { liveOps } from "@/lib/live/operations";
import type { ManageSpeakers, MarkAttendance, Present, RunCommand } from "@/lib/live/schema";
import { useAction } from "@/components/ui/useAction";

/** The chair's writes, each through useAction (pending, error with retry, the version to expect). */
export function useLiveCommand(meetingId: string) {
  const action = useAction();
  const { run } = action;
  const params = { meetingId };
  return {
    ...action,
    runMeeting: useCallback((body: RunCommand) => run(() => call(liveOps.run, { params, body })), [run, meetingId]), // eslint-disable-line react-hooks/exhaustive-deps
    speakers: useCallback((body: ManageSpeakers) => run(() => call(liveOps.manageSpeakers, { params, body })), [run, meetingId]), // eslint-disable-line react-hooks/exhaustive-deps
    mark: useCallback((body: MarkAttendance) => run(() => call(liveOps.mark, { params, body })), [run, meetingId]), // eslint-disable-line react-hooks/exhaustive-deps
    present: useCallback((body: Present) => run(() => call(liveOps.present, { params, body })), [run, meetingId]), // eslint-disable-line react-hooks/exhaustive-deps
  };
}

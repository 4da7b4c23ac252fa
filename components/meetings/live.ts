"use client";
// The open meeting's live state, for panels that write: after a write they tell the sync which version to expect
// (its event normally brings the change), and a 409 hands over the fresh state it carried.
import { createContext, useContext } from "react";
import type { MeetingSnapshot } from "@/lib/meetings/view";

export interface MeetingLive {
  expect(version: number): void;
  accept(snapshot: MeetingSnapshot): void;
}
export const MeetingLiveContext = createContext<MeetingLive | null>(null);
export const useMeetingLiveContext = () => useContext(MeetingLiveContext);

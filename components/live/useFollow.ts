"use client";
import { useCallback, useEffect, useState } from "react";

const scrollTo = (itemId: string | null) => {
  if (!itemId) return;
  document.querySelector(`[data-item-id="${CSS.escape(itemId)}"]`)?.scrollIntoView({ behavior: "smooth", block: "center" });
};

/**
 * "Follow the meeting": the screen moves with the current item (and the presenter's page). Browsing freely stops
 * that until the member taps "back to the meeting". Kept per tab, on by default.
 */
export function useFollow(meetingId: string, currentItemId: string | null) {
  const key = `oc.follow.${meetingId}`;
  const [following, setFollowing] = useState(true);
  useEffect(() => {
    if (sessionStorage.getItem(key) === "0") setFollowing(false);
  }, [key]);
  const set = useCallback((on: boolean) => {
    setFollowing(on);
    sessionStorage.setItem(key, on ? "1" : "0");
  }, [key]);
  useEffect(() => {
    if (following) scrollTo(currentItemId);
  }, [following, currentItemId]);
  const jumpBack = useCallback(() => {
    set(true);
    scrollTo(currentItemId);
  }, [set, currentItemId]);
  return { following, browse: () => set(false), jumpBack };
}

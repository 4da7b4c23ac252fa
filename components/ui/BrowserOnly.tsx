"use client";
// Renders its children in the browser only; the server's HTML carries the fallback. For a large live view that the
// tablet renders again anyway when it hydrates: rendering it on the server as well doubles its cost per page request
// (most of the meeting page's server CPU) and buys the tablet nothing but a picture it cannot use yet.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function BrowserOnly({ children, fallback }: { children: React.ReactNode; fallback: React.ReactNode }) {
  // false while the server renders and while the browser hydrates that HTML; true right after, and on client navigation.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  return inBrowser ? children : fallback;
}

"use client";
import { useEffect, useState } from "react";
import { clockOffset } from "@/lib/live/clock";

// One measurement per tab: the server's clock against this device's (lib/live/clock.ts clockOffset).
let offset = 0;
let measured: Promise<void> | null = null;
function measureOffset(): Promise<void> {
  measured ??= (async () => {
    try {
      const sentAt = Date.now();
      const res = await fetch("/api/health", { cache: "no-store" });
      offset = clockOffset(res.headers.get("date"), sentAt, Date.now());
    } catch {
      /* offline: the device's clock it is */
    }
  })();
  return measured;
}

/**
 * The server's time now (this device's clock, corrected when it is off by more than 2 s), re-read every `ms` while
 * `active`: timers are drawn from stored timestamps, never counted here.
 */
export function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    void measureOffset().then(() => setNow(Date.now() + offset));
    if (!active) return;
    setNow(Date.now() + offset);
    const t = setInterval(() => setNow(Date.now() + offset), ms);
    return () => clearInterval(t);
  }, [active, ms]);
  return now;
}

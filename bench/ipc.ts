// Messages between bench/run.ts and its child processes (bench/clients.ts, bench/bare-server.ts).
import type { Behaviour } from "./tablet.ts";

export type ToClients =
  | {
      type: "load";
      /** The app (HTTP: snapshot, seen). */
      url: string;
      /** Where the sockets connect: the app, or the bare server. */
      socketUrl?: string;
      meetingId: string;
      itemId: string;
      behaviour: Behaviour;
      cookies: string[];
      concurrency: number;
    }
  | { type: "connect"; concurrency: number }
  /** `key`: what a change shows as: the renamed item's title (default), or the meeting's current item id. */
  | { type: "watch"; titles: string[]; key?: "title" | "current" }
  | { type: "collect"; writeTimes: number[]; timeoutMs: number }
  | { type: "close" };

export interface Collected {
  type: "collected";
  /** Per tablet and watched change: ms from the write's start until the tablet's state showed it. */
  latencies: number[];
  /** The same, until the event reached the tablet's socket (before its logic ran). */
  arrivals: number[];
  /** (tablet, change) pairs never shown before the timeout. */
  missing: number;
  /** Failed requests and socket errors since the last watch. */
  failed: number;
  errors: string[];
  /** CPU this process used from the watch until the last change was shown (or the timeout). */
  cpuMs: number;
  /** The first agenda event one tablet received (the bare server sends the same payload). */
  captured: { name: string; payload: unknown } | null;
}

export type FromClients =
  | { type: "ready" }
  | { type: "loaded"; loaded: number; refused: number; errors: string[] }
  | { type: "connected"; opened: number; refused: number; errors: string[] }
  | { type: "watching" }
  | Collected
  | { type: "closed" }
  | { type: "error"; message: string };

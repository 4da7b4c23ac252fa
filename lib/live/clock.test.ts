import { describe, expect, it } from "vitest";
import { clockOffset, clockText, foldItemTime, itemElapsedMs, meetingElapsedMs, overrunMs, speakingTotals } from "./clock";
import { NOT_STARTED, type LiveRow } from "./schema";

const T = Date.parse("2026-11-26T01:00:00.000Z");
const at = (s: number) => new Date(T + s * 1000).toISOString();

describe("timers from stored timestamps", () => {
  it("the meeting's time excludes pauses, before and during the current one", () => {
    const live: LiveRow = { ...NOT_STARTED, state: "PAUSED", startedAt: at(0), pausedAt: at(600), pausedMs: 120_000 };
    expect(meetingElapsedMs(live, T + 900_000)).toBe(480_000);
    expect(meetingElapsedMs({ ...live, state: "RUNNING", pausedAt: null }, T + 900_000)).toBe(780_000);
    expect(meetingElapsedMs({ ...live, state: "CLOSED", pausedAt: null, closedAt: at(1000) }, T + 5_000_000)).toBe(880_000);
    expect(meetingElapsedMs(NOT_STARTED, T)).toBe(0);
  });

  it("an item's time adds its running stretch to what it had; other items keep theirs", () => {
    const live: LiveRow = { ...NOT_STARTED, state: "RUNNING", startedAt: at(0), currentItemId: "a", itemRunningSince: at(100), itemSpentMs: { a: 30_000, b: 5_000 } };
    expect(itemElapsedMs(live, "a", T + 160_000)).toBe(90_000);
    expect(itemElapsedMs(live, "b", T + 160_000)).toBe(5_000);
    expect(itemElapsedMs({ ...live, itemRunningSince: null }, "a", T + 160_000)).toBe(30_000);
    expect(foldItemTime({ a: 30_000 }, "a", new Date(T + 100_000), new Date(T + 160_000))).toEqual({ a: 90_000 });
    expect(overrunMs(16 * 60_000, 15)).toBe(60_000);
    expect(overrunMs(14 * 60_000, 15)).toBe(0);
    expect(overrunMs(99 * 60_000, 0)).toBe(0);
  });

  it("speaking time per person adds up every speech, the current one until now", () => {
    const u = { id: "u", name: "A" };
    const rows = [
      { id: "1", agendaItemId: null, user: u, onBehalfOf: null, kind: "SPEAK" as const, status: "DONE" as const, position: 0, requestedAt: at(0), startedAt: at(10), endedAt: at(70) },
      { id: "2", agendaItemId: null, user: u, onBehalfOf: null, kind: "SPEAK" as const, status: "SPEAKING" as const, position: 1, requestedAt: at(0), startedAt: at(100), endedAt: null },
      { id: "3", agendaItemId: null, user: { id: "v", name: "B" }, onBehalfOf: null, kind: "SPEAK" as const, status: "WAITING" as const, position: 2, requestedAt: at(0), startedAt: null, endedAt: null },
    ];
    const totals = speakingTotals(rows, T + 130_000);
    expect(totals.get("u")).toBe(90_000);
    expect(totals.has("v")).toBe(false);
    expect(clockText(65_000)).toBe("01:05");
    expect(clockText(3_725_000)).toBe("1:02:05");
  });
});

describe("the device's clock against the server's", () => {
  it("corrects a clock minutes off, leaves one within 2 s alone, and ignores a missing header", () => {
    const server = Date.parse("2026-11-26T01:00:00.000Z");
    const http = new Date(server).toUTCString();
    // The device is 3 minutes behind: its clock reads 00:57:00 when the server's reads 01:00:00.
    expect(clockOffset(http, server - 180_000 - 40, server - 180_000 + 40)).toBe(180_500);
    expect(clockOffset(http, server - 300, server + 300)).toBe(0);
    expect(clockOffset(null, 0, 1)).toBe(0);
    expect(clockOffset("not a date", 0, 1)).toBe(0);
  });
});

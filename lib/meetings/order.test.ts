import { expect, it } from "vitest";
import { upcomingFirst } from "./order";

it("upcoming meetings first (soonest first, a running one included), then past ones (latest first)", () => {
  const now = new Date("2026-11-20T03:00:00Z");
  const m = (id: string, start: string, hours = 2) => ({ id, startsAt: new Date(start), endsAt: new Date(new Date(start).getTime() + hours * 3_600_000) });
  const list = [m("last-month", "2026-10-20T01:00:00Z"), m("next-month", "2026-12-20T01:00:00Z"), m("running", "2026-11-20T02:00:00Z"), m("next-week", "2026-11-27T01:00:00Z"), m("yesterday", "2026-11-19T01:00:00Z")];
  const { upcoming, past } = upcomingFirst(list, now);
  expect(upcoming.map((x) => x.id)).toEqual(["running", "next-week", "next-month"]);
  expect(past.map((x) => x.id)).toEqual(["yesterday", "last-month"]);
});

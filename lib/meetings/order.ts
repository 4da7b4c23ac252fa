/** "My meetings" order: those still to come (or running) first, soonest first; then past ones, latest first. */
export function upcomingFirst<M extends { startsAt: Date; endsAt: Date }>(meetings: M[], now = new Date()): { upcoming: M[]; past: M[] } {
  const upcoming = meetings.filter((m) => m.endsAt >= now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = meetings.filter((m) => m.endsAt < now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return { upcoming, past };
}

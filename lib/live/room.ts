// The room display with a display-only login: an account with the DISPLAY role opens the room display of the
// meetings it is assigned to, and nothing else (lib/policy: it sees no meeting, paper or person otherwise). It sees
// what the room sees — the same snapshot and events as a display token (no restricted paper, no private data).
import { db } from "../db/index.ts";
import { forbidden, invalid, notFound } from "../errors/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import { authorize, can, type Actor, type Principal } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import { evictFromMeeting } from "../realtime/publish.ts";
import { readRoomSnapshot } from "../meetings/snapshot.ts";
import { shownFileOf } from "./display.ts";
import { byName } from "../users/queries.ts";

/** Whether this actor may open this meeting's room display: 404 where the meeting is not theirs to know, else 403. */
export async function authorizeRoomDisplay(actor: Principal, meetingId: string) {
  const meeting = await loadMeetingResource(db, actor, meetingId);
  const assigned = actor.role === "DISPLAY" && (await db.meetingDisplay.count({ where: { meetingId, userId: actor.id } })) > 0;
  if (can(actor, "meeting.display", { ...meeting, displayAssigned: assigned })) return meeting;
  throw can(actor, "meeting.view", meeting) ? forbidden() : notFound();
}

/** The room's snapshot, for a display account. */
export async function roomSnapshotFor(actor: Principal, meetingId: string) {
  await authorizeRoomDisplay(actor, meetingId);
  return readRoomSnapshot(meetingId);
}

/** The paper on the room's screens now, for a display account (anything else: 404). */
export async function roomShownFile(actor: Principal, meetingId: string, documentId: string | null) {
  await authorizeRoomDisplay(actor, meetingId);
  return shownFileOf(meetingId, documentId);
}

/** The meetings a display account may show (for its start page). */
export async function roomsOf(actor: Principal) {
  if (actor.role !== "DISPLAY") return [];
  const rows = await db.meetingDisplay.findMany({
    where: { userId: actor.id, meeting: { status: { in: ["PUBLISHED", "IN_PROGRESS", "CLOSED"] } } },
    select: { meeting: { select: { id: true, title: true, startsAt: true, location: true, status: true } } },
    orderBy: { meeting: { startsAt: "desc" } },
  });
  return rows.map((r) => r.meeting);
}

/**
 * The display-only accounts the secretariat may put on this meeting's room, each with whether it is assigned (the
 * active ones, and any still assigned though deactivated since, so it can be taken off).
 */
export async function displayAccounts(actor: Actor, meetingId: string) {
  authorize(actor, "meeting.edit", await loadMeetingResource(db, actor, meetingId));
  const accounts = await db.user.findMany({
    where: { role: "DISPLAY", OR: [{ active: true }, { roomDisplays: { some: { meetingId } } }] },
    select: { id: true, name: true, title: true, active: true, roomDisplays: { where: { meetingId }, select: { userId: true } } },
  });
  return accounts
    .map(({ roomDisplays, ...a }) => ({ ...a, assigned: roomDisplays.length > 0 }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

/**
 * The secretariat assigns a display account to a meeting's room (or takes it off): not a change of the meeting
 * members see (no version), but an audited one. Taking it off closes the display's live connection at once.
 */
export async function assignDisplay(actor: Actor, meetingId: string, userId: string, assigned: boolean) {
  const userIds = await db.$transaction(async (tx) => {
    const meeting = await loadMeetingResource(tx, actor, meetingId);
    authorize(actor, "meeting.edit", meeting);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, active: true } });
    if (!user || user.role !== "DISPLAY") throw invalid("VALIDATION", { userId: ["live.notDisplayAccount"] });
    const where = { meetingId_userId: { meetingId, userId } };
    const had = await tx.meetingDisplay.findUnique({ where });
    if (assigned && !had) await tx.meetingDisplay.create({ data: { meetingId, userId } });
    if (!assigned && had) await tx.meetingDisplay.delete({ where });
    if (assigned !== !!had) {
      await appendAudit(tx, { actorId: actor.id, meetingId, action: assigned ? "live.displayAssigned" : "live.displayUnassigned", subjectType: "User", subjectId: userId });
    }
    return (await tx.meetingDisplay.findMany({ where: { meetingId }, select: { userId: true }, orderBy: { createdAt: "asc" } })).map((d) => d.userId);
  });
  if (!assigned) evictFromMeeting(userId, meetingId);
  return { userIds };
}

// Emit after commit. The socket.io server lives in server.ts; Next bundles its own copy of this module,
// so the instance is shared through globalThis. Without a server (seed, scripts) events are only stored,
// and clients catch up from MeetingEvent rows when they (re)join.
import type { Server } from "socket.io";
import { isEmptyDelta, ROOM_VIEWER, specialViewers, viewDelta, type FullDelta } from "../meetings/delta.ts";
import type { Viewer } from "../meetings/view.ts";
import {
  displayRoom, meetingRoom, meetingStaffRoom, meetingUserRoom, sessionRoom, userRoom,
  type ChangeEventName, type ClientToServerEvents, type MeetingEventName, type ServerToClientEvents, type SessionEndReason,
  type UserEventName, type UserEventPayload, type LiveEventName, type LiveEventPayload,
} from "./events.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents>;
const g = globalThis as unknown as { __opencabinetIo?: Io };

export function setRealtimeServer(io: Server | undefined) {
  g.__opencabinetIo = io as Io | undefined;
}

const STAFF_VIEWER: Viewer = { id: "", role: "SECRETARIAT" };

/** One change as a viewer receives it: the event with what they may see, or a bare version step. */
export function eventFor(name: ChangeEventName, head: { meetingId: string; version: number; change: string }, full: FullDelta, viewer: Viewer) {
  const delta = viewDelta(full, viewer);
  if (isEmptyDelta(delta)) return { name: "meeting.version" as MeetingEventName, payload: { meetingId: head.meetingId, version: head.version } };
  return { name: name as MeetingEventName, payload: { ...head, ...delta } };
}

/**
 * Sends a change to a meeting's room, each socket getting only what its user may see: the staff sub-room the full
 * rows, each specially concerned user (a restricted paper's readers, the reviewer) their own cut, everyone else
 * the room's cut. Every socket gets exactly one event per version.
 */
export function publishMeetingChange(name: ChangeEventName, head: { meetingId: string; version: number; change: string }, full: FullDelta) {
  const io = g.__opencabinetIo;
  if (!io) return;
  const { meetingId } = head;
  const staffRoom = meetingStaffRoom(meetingId);
  const send = (to: ReturnType<Io["to"]>, viewer: Viewer) => {
    const e = eventFor(name, head, full, viewer);
    // The name and payload come from one `eventFor` answer; TypeScript cannot pair a union name with its payload.
    to.emit(e.name, e.payload as never);
  };
  send(io.to(staffRoom), STAFF_VIEWER);
  const special = specialViewers(full);
  for (const userId of special) send(io.to(meetingUserRoom(meetingId, userId)).except(staffRoom), { id: userId, role: "MEMBER" });
  send(io.to(meetingRoom(meetingId)).except([staffRoom, ...special.map((u) => meetingUserRoom(meetingId, u))]), ROOM_VIEWER);
}

/**
 * A vote's progress: those who run the meeting (staff sub-room, chair and secretary) get who has not voted yet,
 * everyone else in the room the same message without it.
 */
export function publishVoteProgress(meetingId: string, forRoom: LiveEventPayload<"vote.progress">, forRunners: LiveEventPayload<"vote.progress">, runnerIds: string[]) {
  const io = g.__opencabinetIo;
  if (!io) return;
  const runnerRooms = [meetingStaffRoom(meetingId), ...runnerIds.map((u) => meetingUserRoom(meetingId, u))];
  io.to(runnerRooms).emit("vote.progress", forRunners);
  io.to(meetingRoom(meetingId)).except(runnerRooms).emit("vote.progress", forRoom);
}

/**
 * What everyone who may see a paper may see (a shared note): the meeting's room for an ordinary paper; for a
 * restricted one only the staff sub-room and the sub-rooms of its listed readers, never the room.
 */
export function publishToPaperReaders<N extends LiveEventName>(paper: { meetingId: string; restricted: boolean; allowedUserIds: readonly string[] }, name: N, payload: LiveEventPayload<N>) {
  const io = g.__opencabinetIo;
  if (!io) return;
  const { meetingId } = paper;
  const rooms = paper.restricted ? [meetingStaffRoom(meetingId), ...paper.allowedUserIds.map((u) => meetingUserRoom(meetingId, u))] : [meetingRoom(meetingId)];
  // `name` and `payload` are tied by this function's signature.
  (io.to(rooms) as unknown as { emit(name: string, payload: unknown): boolean }).emit(name, payload);
}

export function publishUserEvent<N extends UserEventName>(userId: string, name: N, payload: UserEventPayload<N>) {
  // Same pairing as above: `name` and `payload` are tied by this function's signature.
  const room = g.__opencabinetIo?.to(userRoom(userId)) as { emit(name: string, payload: unknown): boolean } | undefined;
  room?.emit(name, payload);
}

/** After a membership change: the user's sockets leave a meeting they may no longer see, and are told. */
export function evictFromMeeting(userId: string, meetingId: string) {
  g.__opencabinetIo?.in(userRoom(userId)).socketsLeave([meetingRoom(meetingId), meetingStaffRoom(meetingId), meetingUserRoom(meetingId, userId)]);
  publishUserEvent(userId, "meeting.removed", { meetingId });
}

/**
 * Sessions ended: their sockets are told why, then disconnected by the server (the client does not reconnect on its
 * own, and a reconnect would be refused at the handshake). Both packets go down the same connection, in order.
 */
export function closeSessionSockets(sessionIds: string[], reason: SessionEndReason) {
  const io = g.__opencabinetIo;
  if (!io || sessionIds.length === 0) return;
  const rooms = sessionIds.map(sessionRoom);
  io.to(rooms).emit("session.ended", { reason });
  io.in(rooms).disconnectSockets();
}

/**
 * A display token was replaced or revoked: the displays opened with another token than `current` are told and closed
 * (a reconnect with the old token is refused at the handshake).
 */
export async function closeDisplaySockets(meetingId: string, current: string | null) {
  const io = g.__opencabinetIo;
  if (!io) return;
  for (const socket of await io.in(displayRoom(meetingId)).fetchSockets()) {
    if ((socket.data as { displayHash?: string }).displayHash === current) continue;
    (socket as unknown as { emit(name: string, payload: unknown): boolean }).emit("display.ended", { meetingId });
    socket.disconnect();
  }
}

// Emit after commit. The socket.io server lives in server.ts; Next bundles its own copy of this module,
// so the instance is shared through globalThis. Without a server (seed, scripts) events are only stored,
// and clients catch up from MeetingEvent rows when they (re)join.
import type { Server } from "socket.io";
import { meetingRoom, userRoom, type MeetingEventName, type MeetingEventPayload, type UserEventName } from "./events.ts";

const g = globalThis as unknown as { __opencabinetIo?: Server };

export function setRealtimeServer(io: Server | undefined) {
  g.__opencabinetIo = io;
}

export function publishMeetingEvent<N extends MeetingEventName>(name: N, payload: MeetingEventPayload<N>) {
  g.__opencabinetIo?.to(meetingRoom(payload.meetingId)).emit(name, payload);
}

export function publishUserEvent(userId: string, name: UserEventName, payload: Record<string, unknown>) {
  g.__opencabinetIo?.to(userRoom(userId)).emit(name, payload);
}

/** After a membership change: make the user's sockets leave a meeting room they may no longer be in. */
export function evictFromMeeting(userId: string, meetingId: string) {
  g.__opencabinetIo?.in(userRoom(userId)).socketsLeave(meetingRoom(meetingId));
}

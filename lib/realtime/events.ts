// The realtime contract, shared by server and client: event names and zod payloads, validated on both ends.
// A meeting event carries the change itself (lib/meetings/delta.ts), cut to what its receivers may see; clients
// apply it to their rows. Never in a payload: paper text, private notes, ballot choices.
import { z } from "zod";
import { annotationChangedEvent, annotationRemovedEvent, annotationSharedEvent } from "../annotations/schema.ts";
import { deltaShape } from "../meetings/delta.ts";
import { myBallotSchema, voteProgressSchema } from "../votes/schema.ts";
import { opinionSummarySchema } from "../opinions/schema.ts";
import { conforms, rulesOf } from "./conform.ts";

const meetingVersion = { meetingId: z.string(), version: z.number().int().positive() };

export const meetingEventSchemas = {
  "meeting.changed": z.object({
    ...meetingVersion,
    ...deltaShape,
    change: z.enum(["updated", "submitted", "approved", "returned", "published", "cancelled", "withdrawn"]),
  }),
  "agenda.changed": z.object({ ...meetingVersion, ...deltaShape, change: z.enum(["created", "updated", "moved", "deleted"]) }),
  "documents.changed": z.object({ ...meetingVersion, ...deltaShape, change: z.enum(["created", "versioned", "updated", "deleted"]) }),
  "participants.changed": z.object({ ...meetingVersion, ...deltaShape, change: z.enum(["added", "updated", "removed", "answered", "deputy"]) }),
  /** The running meeting: started, paused, resumed, closed, moved to an item, settings, the presenter's paper and page. */
  "live.changed": z.object({
    ...meetingVersion, ...deltaShape,
    change: z.enum(["started", "paused", "resumed", "closed", "item", "settings", "shown", "display"]),
  }),
  "attendance.changed": z.object({ ...meetingVersion, ...deltaShape, change: z.enum(["checkedIn", "checkedOut"]) }),
  "speakers.changed": z.object({
    ...meetingVersion, ...deltaShape,
    change: z.enum(["requested", "withdrawn", "floor", "ended", "moved", "removed"]),
  }),
  "votes.changed": z.object({ ...meetingVersion, ...deltaShape, change: z.enum(["created", "deleted", "opened", "closed"]) }),
  /** The meeting moved on by a change this receiver may not see (e.g. a paper restricted to others). */
  "meeting.version": z.object(meetingVersion),
} as const;

export type MeetingEventName = keyof typeof meetingEventSchemas;
export type MeetingEventPayload<N extends MeetingEventName = MeetingEventName> = z.infer<(typeof meetingEventSchemas)[N]>;
/** Events a change can be (meeting.version is only how a change looks to those who may not see it). */
export type ChangeEventName = Exclude<MeetingEventName, "meeting.version">;
export type ChangeKind<N extends ChangeEventName> = MeetingEventPayload<N>["change"];
export const MEETING_EVENT_NAMES = Object.keys(meetingEventSchemas) as MeetingEventName[];

const eventRules = new Map(MEETING_EVENT_NAMES.map((name) => [name as string, rulesOf(meetingEventSchemas[name])]));

/**
 * Validates an incoming meeting event; null when it is not one (the client then re-syncs instead of guessing).
 * What zod accepts as it is (conform.ts: the schema's own rules, checked without zod's per-field results) is taken
 * as it is; anything else is zod's to judge.
 */
export function parseMeetingEvent(name: string, payload: unknown): MeetingEventPayload | null {
  const rules = eventRules.get(name);
  if (rules === undefined) return null;
  if (rules !== null && conforms(rules, payload)) return payload as MeetingEventPayload;
  const r = meetingEventSchemas[name as MeetingEventName].safeParse(payload);
  return r.success ? r.data : null;
}

export const userEventSchemas = {
  "notification.created": z.object({ notificationId: z.string(), unread: z.number().int().nonnegative() }),
  /** Some were read (on any of the user's devices): badges show the new count. */
  "notifications.read": z.object({ unread: z.number().int().nonnegative() }),
  /** Another device of this user recorded what they have seen. */
  "meeting.seen": z.object({ meetingId: z.string(), version: z.number().int().nonnegative() }),
  // Access ends (lib/auth/sessions.ts, lib/meetings/participants.ts): the client is told why, right before the socket
  // is closed or leaves the meeting's rooms.
  "session.ended": z.object({ reason: z.enum(["signedOut", "signedOutEverywhere", "deactivated", "passwordChanged", "expired"]) }),
  "meeting.removed": z.object({ meetingId: z.string() }),
  /** One's ballot was recorded (on any of one's devices); the choice only where the vote is not secret. */
  "ballot.recorded": myBallotSchema,
  /** One of one's own annotations changed (on another device): ids only, the device fetches the paper's notes. */
  "annotation.changed": annotationChangedEvent,
  /** A room display's token was replaced or revoked: the display stops. */
  "display.ended": z.object({ meetingId: z.string() }),
  /** A request for opinions was answered or changed: to the secretariat and its approver only (everyone's answers). */
  "opinion.summary": opinionSummarySchema,
  /** One's own answers were recorded (on any of one's devices). */
  "opinion.answered": z.object({ opinionId: z.string() }),
} as const;
/**
 * Live messages that are not meeting changes (no version, not stored, not replayed): the latest one is all that
 * matters, and a tablet that missed one takes the next or fetches the one entity.
 */
export const liveEventSchemas = {
  "vote.progress": voteProgressSchema,
  /** A note shared with the meeting, to those who may see its paper; and one deleted or made private again. */
  "annotation.shared": annotationSharedEvent,
  "annotation.removed": annotationRemovedEvent,
} as const;
export type LiveEventName = keyof typeof liveEventSchemas;
export type LiveEventPayload<N extends LiveEventName> = z.infer<(typeof liveEventSchemas)[N]>;

export type SessionEndReason = UserEventPayload<"session.ended">["reason"];
export type UserEventName = keyof typeof userEventSchemas;
export type UserEventPayload<N extends UserEventName> = z.infer<(typeof userEventSchemas)[N]>;

// Client → server.
export const joinMeetingSchema = z.object({
  meetingId: z.string().min(1),
  /** The last version this client has; 0 for none. */
  version: z.number().int().nonnegative(),
});
export type JoinMeeting = z.infer<typeof joinMeetingSchema>;

export interface MissedEvent {
  name: MeetingEventName;
  payload: MeetingEventPayload;
}
/** Server's answer to a join: the events missed since `version` (as this viewer sees them), or `snapshot: true`. */
export type JoinAck =
  | { ok: true; version: number; missed: MissedEvent[]; snapshot: boolean }
  | { ok: false; error: { code: string; message: string } };

export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
/** Sub-rooms of a meeting for what not everyone in it may see. */
export const meetingStaffRoom = (meetingId: string) => `meeting:${meetingId}:staff`;
export const meetingUserRoom = (meetingId: string, userId: string) => `meeting:${meetingId}:user:${userId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** The room displays of a meeting (opened with its display token): closed when the token is replaced or revoked. */
export const displayRoom = (meetingId: string) => `display:${meetingId}`;
/** The sockets opened with one session: they end with it. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
/** How many missed events a reconnecting client may replay before it is told to take a fresh snapshot instead. */
export const MAX_REPLAY = 200;

/** socket.io's typed maps, derived from the schemas above: the server's emits and the client's handlers use them. */
export type ServerToClientEvents = { [N in MeetingEventName]: (payload: MeetingEventPayload<N>) => void } & {
  [N in UserEventName]: (payload: UserEventPayload<N>) => void;
} & { [N in LiveEventName]: (payload: LiveEventPayload<N>) => void };
/** What clients send is untrusted: handlers take `unknown` and parse it with the schemas above. */
export interface ClientToServerEvents {
  "meeting:join": (raw: unknown, ack?: (answer: JoinAck) => void) => void;
  "meeting:leave": (raw: unknown) => void;
}

// The realtime contract, shared by server and client: event names and zod payloads.
// Payloads carry ids, versions and counts only — never paper text, notes or ballot choices.
// Clients treat an event as "something changed at version N" and re-fetch through the permission-checked API.
import { z } from "zod";

const meetingVersion = { meetingId: z.string(), version: z.number().int().positive() };

export const meetingEventSchemas = {
  "meeting.changed": z.object({ ...meetingVersion, fields: z.array(z.string()) }),
  "agenda.changed": z.object({
    ...meetingVersion,
    change: z.enum(["created", "updated", "moved", "deleted"]),
    itemId: z.string(),
  }),
  "documents.changed": z.object({
    ...meetingVersion,
    change: z.enum(["created", "versioned", "updated", "deleted"]),
    documentId: z.string(),
  }),
  "participants.changed": z.object({
    ...meetingVersion,
    change: z.enum(["added", "updated", "removed", "answered"]),
    participantId: z.string(),
  }),
} as const;

export type MeetingEventName = keyof typeof meetingEventSchemas;
export type MeetingEventPayload<N extends MeetingEventName = MeetingEventName> = z.infer<(typeof meetingEventSchemas)[N]>;
export const MEETING_EVENT_NAMES = Object.keys(meetingEventSchemas) as MeetingEventName[];

export const userEventSchemas = {
  "notification.created": z.object({ notificationId: z.string(), unread: z.number().int().nonnegative() }),
} as const;
export type UserEventName = keyof typeof userEventSchemas;

// Client → server.
export const joinMeetingSchema = z.object({
  meetingId: z.string().min(1),
  /** The last version this client has seen; 0 for none. */
  version: z.number().int().nonnegative(),
});
export type JoinMeeting = z.infer<typeof joinMeetingSchema>;

/** Server's answer to a join: the events missed since `version`, or `snapshot: true` when the client must re-fetch. */
export const joinAckSchema = z.union([
  z.object({
    ok: z.literal(true),
    version: z.number().int(),
    missed: z.array(z.object({ name: z.string(), payload: z.record(z.string(), z.unknown()) })),
    snapshot: z.boolean(),
  }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type JoinAck = z.infer<typeof joinAckSchema>;

export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
export const userRoom = (userId: string) => `user:${userId}`;
/** How many missed events a reconnecting client may replay before it is told to take a fresh snapshot instead. */
export const MAX_REPLAY = 200;

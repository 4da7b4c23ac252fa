import type { Operation } from "../http/openapi.ts";
import { markReadSchema } from "../notifications/schema.ts";
import {
  addParticipantSchema, createMeetingSchema, duplicateMeetingSchema, reviewMeetingSchema, rsvpSchema, seenSchema,
  submitMeetingSchema, transitionSchema, updateMeetingSchema, updateParticipantSchema,
} from "./schema.ts";

const staffWrite = [401, 403, 404, 409, 422];

export const operations: Operation[] = [
  { method: "get", path: "/meetings", summary: "Meetings visible to you", tag: "meetings", success: 200, errors: [401] },
  { method: "post", path: "/meetings", summary: "Create a meeting (secretariat)", tag: "meetings", body: createMeetingSchema, success: 201, errors: [401, 403, 422] },
  { method: "get", path: "/meetings/{meetingId}", summary: "A meeting with its agenda tree, documents and participants", tag: "meetings", success: 200, errors: [401, 404] },
  { method: "patch", path: "/meetings/{meetingId}", summary: "Edit title, kind, times, location, chair, approver", tag: "meetings", body: updateMeetingSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/duplicate", summary: "New draft with the agenda structure and participants of this one", tag: "meetings", body: duplicateMeetingSchema, success: 201, errors: [401, 403, 404, 422] },
  { method: "post", path: "/meetings/{meetingId}/submit", summary: "Submit the prepared meeting for approval", tag: "approval", body: submitMeetingSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/review", summary: "Approve, or return with comments (the approver or chair)", tag: "approval", body: reviewMeetingSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/publish", summary: "Publish an approved meeting to its participants", tag: "approval", body: transitionSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/cancel", summary: "Cancel the meeting", tag: "meetings", body: transitionSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/participants", summary: "Add a participant with a meeting role", tag: "participants", body: addParticipantSchema, success: 201, errors: staffWrite },
  { method: "patch", path: "/participants/{participantId}", summary: "Change a participant's role or voting right", tag: "participants", body: updateParticipantSchema, success: 200, errors: staffWrite },
  { method: "delete", path: "/participants/{participantId}", summary: "Remove a participant", tag: "participants", body: transitionSchema, success: 200, errors: staffWrite },
  { method: "post", path: "/meetings/{meetingId}/rsvp", summary: "Answer your invitation: attend, absent (with reason) or delegate", tag: "participants", body: rsvpSchema, success: 200, errors: [401, 403, 404, 422] },
  { method: "post", path: "/meetings/{meetingId}/seen", summary: "Record the meeting version you have seen", tag: "participants", body: seenSchema, success: 200, errors: [401, 404, 422] },
  { method: "get", path: "/notifications", summary: "Your notifications and unread count", tag: "notifications", success: 200, errors: [401] },
  { method: "post", path: "/notifications/read", summary: "Mark your notifications read", tag: "notifications", body: markReadSchema, success: 200, errors: [401, 422] },
  { method: "get", path: "/users", summary: "Active users (secretariat pickers)", tag: "users", success: 200, errors: [401, 403] },
];

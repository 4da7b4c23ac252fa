// The meeting operations of the API: lifecycle, approval, participants and their answers.
import { z } from "zod";
import { json, operation } from "../http/operation.ts";
import {
  addParticipantSchema, createMeetingSchema, nameDeputySchema, duplicateMeetingSchema, meetingChangeJson, meetingJson, meetingListJson,
  participantChangeJson, reviewMeetingSchema, rsvpSchema, seenSchema, submitMeetingSchema,
  transitionSchema, updateMeetingSchema, updateParticipantSchema,
} from "./schema.ts";
import { meetingSnapshotSchema } from "./view.ts";

const version = z.number().int();

export const meetingOps = {
  list: operation({
    id: "meetings.list", method: "GET", path: "/meetings", summary: "Meetings visible to you", tag: "meetings",
    response: json(meetingListJson), status: 200, action: null, errors: [],
  }),
  create: operation({
    id: "meetings.create", method: "POST", path: "/meetings", summary: "Create a meeting (secretariat)", tag: "meetings",
    body: json(createMeetingSchema), response: json(z.object({ meeting: meetingJson })), status: 201, action: "meeting.create", errors: [403],
  }),
  get: operation({
    id: "meetings.get", method: "GET", path: "/meetings/{meetingId}", summary: "A meeting with its agenda tree, documents and participants", tag: "meetings",
    response: json(meetingSnapshotSchema), status: 200, action: "meeting.view", errors: [], conditional: true,
  }),
  update: operation({
    id: "meetings.update", method: "PATCH", path: "/meetings/{meetingId}", summary: "Edit title, kind, times, location, chair, approver", tag: "meetings",
    body: json(updateMeetingSchema), response: json(meetingChangeJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  duplicate: operation({
    id: "meetings.duplicate", method: "POST", path: "/meetings/{meetingId}/duplicate", summary: "New draft with the agenda structure and participants of this one", tag: "meetings",
    body: json(duplicateMeetingSchema), response: json(z.object({ meeting: meetingJson })), status: 201, action: "meeting.create", errors: [403],
  }),
  submit: operation({
    id: "meetings.submit", method: "POST", path: "/meetings/{meetingId}/submit", summary: "Submit the prepared meeting for approval", tag: "approval",
    body: json(submitMeetingSchema), response: json(meetingChangeJson), status: 200, action: "meeting.submit", errors: [403, 409],
  }),
  review: operation({
    id: "meetings.review", method: "POST", path: "/meetings/{meetingId}/review", summary: "Approve, or return with comments (the approver or chair)", tag: "approval",
    body: json(reviewMeetingSchema), response: json(meetingChangeJson), status: 200, action: "meeting.review", errors: [403, 409],
  }),
  publish: operation({
    id: "meetings.publish", method: "POST", path: "/meetings/{meetingId}/publish", summary: "Publish an approved meeting to its participants", tag: "approval",
    body: json(transitionSchema), response: json(meetingChangeJson), status: 200, action: "meeting.publish", errors: [403, 409],
  }),
  cancel: operation({
    id: "meetings.cancel", method: "POST", path: "/meetings/{meetingId}/cancel", summary: "Cancel the meeting", tag: "meetings",
    body: json(transitionSchema), response: json(meetingChangeJson), status: 200, action: "meeting.cancel", errors: [403, 409],
  }),
  addParticipant: operation({
    id: "participants.add", method: "POST", path: "/meetings/{meetingId}/participants", summary: "Add a participant with a meeting role", tag: "participants",
    body: json(addParticipantSchema), response: json(participantChangeJson), status: 201, action: "meeting.edit", errors: [403, 409],
  }),
  updateParticipant: operation({
    id: "participants.update", method: "PATCH", path: "/participants/{participantId}", summary: "Change a participant's role or voting right", tag: "participants",
    body: json(updateParticipantSchema), response: json(participantChangeJson), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  removeParticipant: operation({
    id: "participants.remove", method: "DELETE", path: "/participants/{participantId}", summary: "Remove a participant", tag: "participants",
    body: json(transitionSchema), response: json(z.object({ id: z.string(), version })), status: 200, action: "meeting.edit", errors: [403, 409],
  }),
  nameDeputy: operation({
    id: "participants.deputy", method: "PUT", path: "/participants/{participantId}/deputy", tag: "participants",
    summary: "Name the account of the deputy a member's answer sends (secretariat): the deputy is notified, sees the meeting and checks in for the seat",
    body: json(nameDeputySchema), response: json(participantChangeJson), status: 200, action: "participant.nameDeputy", errors: [403, 409],
  }),
  rsvp: operation({
    id: "meetings.rsvp", method: "POST", path: "/meetings/{meetingId}/rsvp", summary: "Answer your invitation: attend, absent (with reason) or delegate", tag: "participants",
    body: json(rsvpSchema), response: json(participantChangeJson), status: 200, action: "meeting.rsvp", errors: [403],
  }),
  deputies: operation({
    id: "meetings.deputies", method: "GET", path: "/meetings/{meetingId}/deputies", tag: "participants",
    summary: "The people an invitee may send in their place (names and titles): the deputy's account lets them check in for the seat",
    response: json(z.object({ people: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable() })) })),
    status: 200, action: "meeting.rsvp", errors: [403],
  }),
  seen: operation({
    id: "meetings.seen", method: "POST", path: "/meetings/{meetingId}/seen", summary: "Record the meeting version you have seen", tag: "participants",
    body: json(seenSchema), response: json(z.object({ lastSeenVersion: version })), status: 200, action: "meeting.seen", errors: [403],
  }),
};

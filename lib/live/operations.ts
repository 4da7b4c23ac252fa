// The running meeting's operations: the chair's console, the presenter's paper, attendance, requests to speak, the
// room display's token. Every answer carries the meeting version it made (its event brings the change itself).
import { z } from "zod";
import { json, operation } from "../http/operation.ts";
import {
  checkInSchema, deputyCheckInSchema, manageSpeakersSchema, markAttendanceSchema, presentSchema, requestSpeakSchema, runCommandSchema, withdrawSpeakSchema,
} from "./schema.ts";
import { id } from "../http/fields.ts";
import { meetingSnapshotSchema } from "../meetings/view.ts";

const version = z.number().int();
const answer = json(z.object({ version }));

export const liveOps = {
  run: operation({
    id: "live.run", method: "POST", path: "/meetings/{meetingId}/live", tag: "live",
    summary: "Run the meeting (chair, secretary): start, pause, resume, close, go to an item, step from an item, settings",
    body: json(runCommandSchema), response: answer, status: 200, action: "meeting.run", errors: [403, 409],
  }),
  present: operation({
    id: "live.present", method: "POST", path: "/meetings/{meetingId}/live/shown", tag: "live",
    summary: "Show a paper at a page on every following screen (the chair, the secretary or the named presenter)",
    body: json(presentSchema), response: json(z.object({ version, page: z.number().int() })), status: 200, action: "live.present", errors: [403],
  }),
  issueDisplay: operation({
    id: "live.display.issue", method: "POST", path: "/meetings/{meetingId}/live/display", tag: "live",
    summary: "A new room display token (the previous one stops working); the display opens /display/{token}",
    body: json(z.object({})), response: json(z.object({ version, token: z.string(), path: z.string() })), status: 201, action: "meeting.run", errors: [403],
  }),
  revokeDisplay: operation({
    id: "live.display.revoke", method: "DELETE", path: "/meetings/{meetingId}/live/display", tag: "live",
    summary: "Revoke the room display token: open displays are disconnected at once",
    body: json(z.object({})), response: answer, status: 200, action: "meeting.run", errors: [403],
  }),
  room: operation({
    id: "live.room", method: "GET", path: "/meetings/{meetingId}/room", tag: "live",
    summary: "The room display's state (a display-only account assigned to the meeting): what the room sees",
    response: json(meetingSnapshotSchema), status: 200, action: "meeting.display", errors: [403],
  }),
  roomShown: operation({
    id: "live.room.shown", method: "GET", path: "/meetings/{meetingId}/room/shown", tag: "live",
    summary: "The paper on the room's screens now, for the room display (display-only account); Range answers 206",
    query: z.object({ document: id }),
    response: { kind: "file", mediaType: "application/pdf", description: "The shown paper's PDF (latest version)", ranges: true },
    status: 200, action: "meeting.display", errors: [403],
  }),
  displays: operation({
    id: "live.displays.list", method: "GET", path: "/meetings/{meetingId}/displays", tag: "live",
    summary: "The display-only accounts, each with whether it shows this meeting's room (secretariat)",
    response: json(z.object({ accounts: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable(), active: z.boolean(), assigned: z.boolean() })) })),
    status: 200, action: "meeting.edit", errors: [403],
  }),
  assignDisplay: operation({
    id: "live.displays.assign", method: "PUT", path: "/meetings/{meetingId}/displays", tag: "live",
    summary: "Assign a display-only account to the meeting's room display, or take it off (secretariat)",
    body: json(z.object({ userId: id, assigned: z.boolean() })), response: json(z.object({ userIds: z.array(z.string()) })),
    status: 200, action: "meeting.edit", errors: [403],
  }),
  checkIn: operation({
    id: "attendance.checkIn", method: "POST", path: "/meetings/{meetingId}/attendance/me", tag: "live",
    summary: "Check yourself in (or out) on your tablet", body: json(checkInSchema), response: answer, status: 200,
    action: "attendance.checkIn", errors: [403],
  }),
  checkInDeputy: operation({
    id: "attendance.checkInDeputy", method: "POST", path: "/meetings/{meetingId}/attendance/deputy", tag: "live",
    summary: "Check in (or out) as the deputy a member named in their answer, for that member's seat",
    body: json(deputyCheckInSchema), response: answer, status: 200, action: "attendance.checkInDeputy", errors: [403],
  }),
  mark: operation({
    id: "attendance.mark", method: "POST", path: "/meetings/{meetingId}/attendance", tag: "live",
    summary: "Mark a participant present, represented by their deputy, or absent (chair, secretary)",
    body: json(markAttendanceSchema), response: answer, status: 200, action: "meeting.run", errors: [403],
  }),
  requestToSpeak: operation({
    id: "speakers.request", method: "POST", path: "/meetings/{meetingId}/speakers", tag: "live",
    summary: "Ask to speak on the current item (speak, or a reply / point of order); asking again changes nothing",
    body: json(requestSpeakSchema), response: json(z.object({ version, id: z.string() })), status: 200, action: "speaker.request", errors: [403],
  }),
  withdraw: operation({
    id: "speakers.withdraw", method: "DELETE", path: "/meetings/{meetingId}/speakers/me", tag: "live",
    summary: "Withdraw your waiting request to speak", body: json(withdrawSpeakSchema), response: answer, status: 200,
    action: "speaker.request", errors: [403],
  }),
  manageSpeakers: operation({
    id: "speakers.manage", method: "POST", path: "/meetings/{meetingId}/speakers/manage", tag: "live",
    summary: "Give the floor, next speaker, end a speech, reorder or remove a request (chair, secretary; meeting in progress)",
    body: json(manageSpeakersSchema), response: answer, status: 200, action: "meeting.run", errors: [403],
  }),
};

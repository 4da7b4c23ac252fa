// Meeting, participant, approval and RSVP payloads, and the API's answers (HTTP bodies and OpenAPI share them).
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { baseVersion, dateTime, dateTimeJson, id } from "../http/fields.ts";

export const meetingKind = z.enum(["REGULAR", "EXTRAORDINARY", "THEMATIC"]);
export const meetingStatus = z.enum(["DRAFT", "SUBMITTED", "APPROVED", "PUBLISHED", "IN_PROGRESS", "CLOSED", "CANCELLED"]);
export const rsvpAnswer = z.enum(["PENDING", "ATTEND", "ABSENT", "DELEGATE"]);

const meetingFields = {
  title: z.string().trim().min(1).max(300),
  kind: meetingKind,
  startsAt: dateTime,
  endsAt: dateTime,
  location: z.string().trim().max(300).default(""),
  chairId: id.nullable().optional(),
  approverId: id.nullable().optional(),
};

const endsAfterStart = (v: { startsAt?: Date; endsAt?: Date }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;
const endsAfterStartIssue = { message: msg("meeting.endsAfterStart"), path: ["endsAt"] };

export const createMeetingSchema = z.object(meetingFields).refine(endsAfterStart, endsAfterStartIssue);
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const updateMeetingSchema = z
  .object({ ...meetingFields, location: meetingFields.location.optional() })
  .partial()
  .extend({ baseVersion })
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), msg("field.nothingToChange"));
export type UpdateMeeting = z.infer<typeof updateMeetingSchema>;

export const duplicateMeetingSchema = z
  .object({ title: meetingFields.title.optional(), startsAt: dateTime, endsAt: dateTime })
  .refine(endsAfterStart, endsAfterStartIssue);

export const submitMeetingSchema = z.object({
  approverId: id.nullable().optional().describe("Who approves; defaults to the chair"),
  baseVersion,
});
export const reviewMeetingSchema = z
  .object({ decision: z.enum(["APPROVE", "RETURN"]), comment: z.string().trim().max(2000).default(""), baseVersion })
  .refine((v) => v.decision === "APPROVE" || v.comment.length > 0, { message: msg("meeting.returnComment"), path: ["comment"] });
export const transitionSchema = z.object({ baseVersion, reason: z.string().trim().max(2000).optional() });

export const meetingRole = z.enum(["CHAIR", "SECRETARY", "MEMBER", "OBSERVER"]);
export const addParticipantSchema = z.object({ userId: id, role: meetingRole.default("MEMBER"), mayVote: z.boolean().default(true), baseVersion });
export const updateParticipantSchema = z
  .object({ role: meetingRole, mayVote: z.boolean(), baseVersion })
  .partial()
  .refine((v) => v.role !== undefined || v.mayVote !== undefined, msg("field.nothingToChange"));

export const rsvpSchema = z
  .discriminatedUnion("answer", [
    z.object({ answer: z.literal("ATTEND") }),
    z.object({ answer: z.literal("ABSENT"), reason: z.string().trim().min(1, msg("rsvp.reasonRequired")).max(1000) }),
    z.object({
      answer: z.literal("DELEGATE"),
      deputyUserId: id.nullable().optional(),
      deputyName: z.string().trim().max(200).optional(),
      reason: z.string().trim().max(1000).optional(),
    }),
  ])
  .refine((v) => v.answer !== "DELEGATE" || !!v.deputyUserId || !!v.deputyName, { message: msg("rsvp.deputyRequired"), path: ["deputyName"] });
export type Rsvp = z.infer<typeof rsvpSchema>;

/** The secretariat names the account of the deputy a member's answer sends (null: none, the typed name stays). */
export const nameDeputySchema = z.object({ deputyUserId: id.nullable(), baseVersion });
export type NameDeputy = z.infer<typeof nameDeputySchema>;

export const seenSchema = z.object({ version: z.number().int().nonnegative() });

// Answers (the JSON the API sends: dates as ISO strings).
const person = z.object({ id: z.string(), name: z.string() });

export const meetingListJson = z.object({
  meetings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kind: meetingKind,
      status: meetingStatus,
      startsAt: dateTimeJson,
      endsAt: dateTimeJson,
      location: z.string(),
      version: z.number().int(),
      chair: person.nullable(),
      agendaItemCount: z.number().int(),
      participantCount: z.number().int(),
      myRole: meetingRole.nullable(),
      myRsvp: rsvpAnswer.nullable(),
    }),
  ),
});

/** A meeting as a write answers it (the meeting page reads the snapshot). */
export const meetingJson = z.object({
  id: z.string(),
  title: z.string(),
  kind: meetingKind,
  status: meetingStatus,
  startsAt: dateTimeJson,
  endsAt: dateTimeJson,
  location: z.string(),
  version: z.number().int(),
  chairId: z.string().nullable(),
  approverId: z.string().nullable(),
  publishedAt: dateTimeJson.nullable(),
});
export const meetingChangeJson = z.object({ meeting: meetingJson, version: z.number().int() });

export const participantJson = z.object({
  id: z.string(),
  meetingId: z.string(),
  userId: z.string(),
  role: meetingRole,
  mayVote: z.boolean(),
  rsvp: rsvpAnswer,
  rsvpReason: z.string().nullable(),
  deputyName: z.string().nullable(),
  deputyUserId: z.string().nullable(),
});
export const participantChangeJson = z.object({ participant: participantJson, version: z.number().int() });

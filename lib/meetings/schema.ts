// Meeting, participant, approval and RSVP payloads (HTTP bodies and OpenAPI share them).
import { z } from "zod";

const dateTime = z.coerce.date({ error: "A valid date and time is required" });
const id = z.string().min(1);

const meetingFields = {
  title: z.string().trim().min(1, "Title is required").max(300, "Title is at most 300 characters"),
  kind: z.enum(["REGULAR", "EXTRAORDINARY", "THEMATIC"]),
  startsAt: dateTime,
  endsAt: dateTime,
  location: z.string().trim().max(300, "Location is at most 300 characters").default(""),
  chairId: id.nullable().optional(),
  approverId: id.nullable().optional(),
};

const endsAfterStart = (v: { startsAt?: Date; endsAt?: Date }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;
const endsAfterStartIssue = { message: "The meeting must end after it starts", path: ["endsAt"] };
export const baseVersion = z.number().int().positive().optional().describe("Meeting version the change is based on (409 when stale)");

export const createMeetingSchema = z.object(meetingFields).refine(endsAfterStart, endsAfterStartIssue);
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

export const updateMeetingSchema = z
  .object({ ...meetingFields, location: meetingFields.location.optional() })
  .partial()
  .extend({ baseVersion })
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => Object.keys(v).some((k) => k !== "baseVersion"), "Nothing to change");
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
  .refine((v) => v.decision === "APPROVE" || v.comment.length > 0, { message: "Say what must change", path: ["comment"] });
export const transitionSchema = z.object({ baseVersion, reason: z.string().trim().max(2000).optional() });

export const meetingRole = z.enum(["CHAIR", "SECRETARY", "MEMBER", "OBSERVER"]);
export const addParticipantSchema = z.object({ userId: id, role: meetingRole.default("MEMBER"), mayVote: z.boolean().default(true), baseVersion });
export const updateParticipantSchema = z
  .object({ role: meetingRole, mayVote: z.boolean(), baseVersion })
  .partial()
  .refine((v) => v.role !== undefined || v.mayVote !== undefined, "Nothing to change");

export const rsvpSchema = z
  .discriminatedUnion("answer", [
    z.object({ answer: z.literal("ATTEND") }),
    z.object({ answer: z.literal("ABSENT"), reason: z.string().trim().min(1, "Give a reason for your absence").max(1000) }),
    z.object({
      answer: z.literal("DELEGATE"),
      deputyUserId: id.nullable().optional(),
      deputyName: z.string().trim().max(200).optional(),
      reason: z.string().trim().max(1000).optional(),
    }),
  ])
  .refine((v) => v.answer !== "DELEGATE" || !!v.deputyUserId || !!v.deputyName, { message: "Name who attends instead", path: ["deputyName"] });
export type Rsvp = z.infer<typeof rsvpSchema>;

export const seenSchema = z.object({ version: z.number().int().nonnegative() });

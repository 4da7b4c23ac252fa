import { z } from "zod";

const dateTime = z.coerce.date({ error: "A valid date and time is required" });

const meetingFields = {
  title: z.string().trim().min(1, "Title is required").max(300, "Title is at most 300 characters"),
  kind: z.enum(["REGULAR", "EXTRAORDINARY", "THEMATIC"]),
  startsAt: dateTime,
  endsAt: dateTime,
  location: z.string().trim().max(300).default(""),
  chairId: z.string().min(1).nullable().optional(),
  approverId: z.string().min(1).nullable().optional(),
};

const endsAfterStart = (v: { startsAt?: Date; endsAt?: Date }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;
const endsAfterStartIssue = { message: "The meeting must end after it starts", path: ["endsAt"] };

export const createMeetingSchema = z.object(meetingFields).refine(endsAfterStart, endsAfterStartIssue);
export type CreateMeeting = z.infer<typeof createMeetingSchema>;

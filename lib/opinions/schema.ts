// Written opinions as data: what the API takes, what the secretariat, the approver and the members asked see, and the
// result stored at the close. Shared by server and browser. One fact, one place: the limits live here.
import { z } from "zod";
import { msg } from "../errors/index.ts";
import { dateTime, dateTimeJson, id } from "../http/fields.ts";

export const OPINION_STATUSES = ["DRAFT", "SUBMITTED", "OPEN", "CLOSED"] as const;
export const OPINION_CHOICES = ["AGREE", "DISAGREE", "OTHER"] as const;
export type OpinionChoice = (typeof OPINION_CHOICES)[number];
export const MAX_QUESTIONS = 20;
export const MAX_COMMENT = 2000;
/** Reminders to those who have not answered, this many hours before the deadline. */
export const REMINDER_HOURS = [24, 2] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

const summary = z.string().trim().max(5000);
const draftFields = {
  title: text(300),
  summary,
  deadline: dateTime,
  questions: z.array(text(1000)).min(1).max(MAX_QUESTIONS),
  /** The members asked (at least one). */
  recipientIds: z.array(id).min(1).max(500),
  /** Existing papers sent with the request, in order. */
  documentIds: z.array(id).max(50),
  /** Who approves (and so sends) the request; required to submit. */
  approverId: id.nullable(),
};
export const createOpinionSchema = z
  .object({ ...draftFields, summary: summary.default(""), documentIds: draftFields.documentIds.default([]), approverId: draftFields.approverId.default(null) })
  .strict();
export type CreateOpinion = z.input<typeof createOpinionSchema>;
/** Only what is given changes (no defaults here: an omitted approver is kept, not cleared). */
export const updateOpinionSchema = z.object(draftFields).partial().strict();

export const opinionStepSchema = z.object({}).strict();
export const reviewOpinionSchema = z
  .object({ decision: z.enum(["APPROVE", "RETURN"]), comment: z.string().trim().max(2000).default("") })
  .strict()
  .refine((v) => v.decision === "APPROVE" || v.comment.length > 0, { message: msg("meeting.returnComment"), path: ["comment"] });

export const answerSchema = z
  .object({
    questionId: id,
    choice: z.enum(OPINION_CHOICES),
    comment: z.string().trim().max(MAX_COMMENT).default(""),
  })
  .strict()
  .refine((a) => a.choice !== "OTHER" || a.comment.length > 0, { message: msg("opinions.otherNeedsText"), path: ["comment"] });
/** A member's answers: some or all questions at once; each replaces that question's earlier answer. */
export const answerOpinionSchema = z.object({ answers: z.array(answerSchema).min(1).max(MAX_QUESTIONS) }).strict();

const person = z.object({ id: z.string(), name: z.string() });
const questionCounts = z.object({ AGREE: z.number().int(), DISAGREE: z.number().int(), OTHER: z.number().int() });

/** The tally of one question: counts, and (for those who may see everyone's answers) who said what. */
export const questionSummarySchema = z.object({
  questionId: z.string(),
  text: z.string(),
  counts: questionCounts,
  answers: z.array(z.object({ user: person, choice: z.enum(OPINION_CHOICES), comment: z.string() })),
});
export const opinionSummarySchema = z.object({
  opinionId: z.string(),
  status: z.enum(OPINION_STATUSES),
  asked: z.number().int(),
  /** Members who have answered every question. */
  answered: z.number().int(),
  notAnswered: z.array(person),
  questions: z.array(questionSummarySchema),
});
export type OpinionSummary = z.infer<typeof opinionSummarySchema>;

/** Stored once at the close, never changed: the summary then, how it closed, and its checksum (also audited). */
export const opinionResultSchema = opinionSummarySchema.extend({
  closedAt: dateTimeJson,
  closedBy: z.enum(["secretariat", "deadline"]),
  hash: z.string(),
});
export type OpinionResult = z.infer<typeof opinionResultSchema>;

export const myAnswerSchema = z.object({ questionId: z.string(), choice: z.enum(OPINION_CHOICES), comment: z.string(), updatedAt: dateTimeJson });
export type MyAnswer = z.infer<typeof myAnswerSchema>;

export const opinionRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(OPINION_STATUSES),
  deadline: dateTimeJson,
  sentAt: dateTimeJson.nullable(),
  closedAt: dateTimeJson.nullable(),
  createdAt: dateTimeJson,
  /** For the member: whether they have answered every question. */
  answeredByMe: z.boolean().nullable(),
});
export type OpinionRow = z.infer<typeof opinionRowSchema>;

export const opinionDetailSchema = opinionRowSchema.extend({
  summary: z.string(),
  approver: person.nullable(),
  reviewComment: z.string().nullable(),
  questions: z.array(z.object({ id: z.string(), position: z.number().int(), text: z.string() })),
  recipients: z.array(person),
  papers: z.array(z.object({ id: z.string(), title: z.string(), meetingTitle: z.string() })),
  myAnswers: z.array(myAnswerSchema),
  /** What the viewer may do now (the policy's answers, for the buttons). */
  may: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), answer: z.boolean(), close: z.boolean(), summary: z.boolean() }),
  result: opinionResultSchema.nullable(),
});
export type OpinionDetail = z.infer<typeof opinionDetailSchema>;

export const opinionListJson = z.object({ opinions: z.array(opinionRowSchema) });
export const opinionDetailJson = z.object({ opinion: opinionDetailSchema });
export const opinionSummaryJson = z.object({ summary: opinionSummarySchema });
export const myAnswersJson = z.object({ myAnswers: z.array(myAnswerSchema), answeredAll: z.boolean() });
/** Papers the secretariat may link to a request (every meeting's papers, newest first). */
export const linkablePapersJson = z.object({ papers: z.array(z.object({ id: z.string(), title: z.string(), meetingTitle: z.string() })) });

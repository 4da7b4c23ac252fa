// Votes as data: what the API takes, what every tablet in the room sees (the vote row, its result), and the
// progress of an open vote. Shared by server and browser.
import { z } from "zod";
import { voteRuleSchema, RULE_PRESETS, type VoteRule } from "./rules.ts";

export const BALLOT_KINDS = ["OPEN", "NAMED", "SECRET"] as const;
export type BallotKind = (typeof BALLOT_KINDS)[number];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionLabel = text(1, 200);

export const createVoteSchema = z
  .object({
    agendaItemId: z.string().min(1).nullable().optional(),
    question: text(1, 500),
    /** Custom options (single choice); omitted: for / against / abstain. */
    options: z.array(optionLabel).min(2).max(10).optional(),
    ballotKind: z.enum(BALLOT_KINDS).default("OPEN"),
    /** A preset, or a rule of one's own. */
    preset: z.enum(Object.keys(RULE_PRESETS) as [keyof typeof RULE_PRESETS, ...(keyof typeof RULE_PRESETS)[]]).optional(),
    rule: voteRuleSchema.optional(),
    allowChange: z.boolean().default(false),
    allowRemote: z.boolean().default(false),
    hideCounts: z.boolean().default(false),
    /** A countdown from the opening, in seconds (the vote closes itself). */
    durationSeconds: z.number().int().min(10).max(24 * 3600).nullable().optional(),
    baseVersion: z.number().int().positive().optional(),
  })
  .strict();
export type CreateVote = z.input<typeof createVoteSchema>;

export const voteStepSchema = z.object({ baseVersion: z.number().int().positive().optional() }).strict();

export const castBallotSchema = z
  .object({
    choice: z.number().int().min(0).max(9),
    /** The secretary records the ballot of a member (or their deputy) who has no tablet. */
    onBehalfOf: z.string().min(1).optional(),
  })
  .strict();
export type CastBallot = z.infer<typeof castBallotSchema>;

const outcomeSchema = z.object({
  counts: z.array(z.number().int()),
  cast: z.number().int(),
  members: z.number().int(),
  present: z.number().int(),
  quorumMet: z.boolean(),
  base: z.number().int(),
  needed: z.number().int().nullable(),
  winner: z.number().int().nullable(),
  passed: z.boolean(),
  decidedByChair: z.boolean(),
});

/** What the close stored: the outcome, the rule it was decided by, and (NAMED) who voted what. */
export const voteResultSchema = z.object({
  outcome: outcomeSchema,
  rule: voteRuleSchema,
  /** NAMED votes: the voters of each option (names), published at the close. */
  named: z.array(z.array(z.object({ id: z.string(), name: z.string() }))).nullable(),
  closedBy: z.enum(["chair", "timer"]),
  /** SHA-256 of the result as stored (also in the audit trail's hash chain). */
  hash: z.string(),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

/** A vote as every participant sees it (no counts while open: they travel as progress). */
export const voteRowSchema = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  question: z.string(),
  options: z.array(z.string()),
  standardOptions: z.boolean(),
  ballotKind: z.enum(BALLOT_KINDS),
  rule: voteRuleSchema,
  allowChange: z.boolean(),
  allowRemote: z.boolean(),
  hideCounts: z.boolean(),
  durationSeconds: z.number().int().nullable(),
  closesAt: z.string().nullable(),
  status: z.enum(["DRAFT", "OPEN", "CLOSED"]),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  result: voteResultSchema.nullable(),
  createdAt: z.string(),
});
export type VoteRow = z.infer<typeof voteRowSchema>;

/** "n of m have voted", live; counts only for OPEN votes that show them; who has not voted only for those who run it. */
export const voteProgressSchema = z.object({
  meetingId: z.string(),
  voteId: z.string(),
  cast: z.number().int().nonnegative(),
  eligible: z.number().int().nonnegative(),
  counts: z.array(z.number().int().nonnegative()).nullable(),
  /** Staff and the chair: the eligible members who have not voted yet. */
  notVoted: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  /** Increases with every progress message of this vote (late ones are dropped). */
  seq: z.number().int().nonnegative(),
});
export type VoteProgress = z.infer<typeof voteProgressSchema>;

/** One's own ballot: recorded or not; the choice only where it is not secret. */
export const myBallotSchema = z.object({ voteId: z.string(), recorded: z.boolean(), choice: z.number().int().nullable(), recordedAt: z.string().nullable() });
export type MyBallot = z.infer<typeof myBallotSchema>;

export const voteDetailJson = z.object({ vote: voteRowSchema, progress: voteProgressSchema, myBallot: myBallotSchema.nullable(), eligible: z.boolean() });
export const voteChangeJson = z.object({ vote: voteRowSchema, version: z.number().int() });
export const ballotJson = z.object({ myBallot: myBallotSchema, alreadyRecorded: z.boolean() });

export function ruleOf(input: Pick<z.output<typeof createVoteSchema>, "preset" | "rule" | "ballotKind">): VoteRule {
  const base: VoteRule = input.rule ?? { ...RULE_PRESETS[input.preset ?? "GOVERNMENT"] };
  // In a secret vote nobody knows the chair's choice: a tie cannot be theirs to break.
  return input.ballotKind === "SECRET" ? { ...base, chairBreaksTie: false } : base;
}

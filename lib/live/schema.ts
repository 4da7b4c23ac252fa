// The running meeting as data: the rows every tablet keeps (live state, speaker requests) and the commands that
// change them. Pure zod, shared by the API, the socket payloads, the browser and the tests.
import { z } from "zod";
import { baseVersion, id } from "../http/fields.ts";

const iso = z.string();
const person = z.object({ id: z.string(), name: z.string() });

export const liveStates = ["NOT_STARTED", "RUNNING", "PAUSED", "CLOSED"] as const;
export type LiveState = (typeof liveStates)[number];

/** Quorum presets: TWO_THIRDS is the Government's session rule (Law on Government Organisation 2015, art. 46). */
export const quorumRules = ["TWO_THIRDS", "MAJORITY"] as const;
export const quorumRule = z.enum(quorumRules);
export type QuorumRule = z.infer<typeof quorumRule>;

/**
 * The meeting's live state. Timers are not stored as running counts but as timestamps: whoever reads the row (a
 * tablet, a restarted server) computes the same elapsed times from them (lib/live/clock.ts).
 */
export const liveRowSchema = z.object({
  state: z.enum(liveStates),
  startedAt: iso.nullable(),
  pausedAt: iso.nullable(),
  closedAt: iso.nullable(),
  /** Total paused time before the current pause (ms). */
  pausedMs: z.number().int().nonnegative(),
  currentItemId: z.string().nullable(),
  /** When the current item's running stretch began (null while paused). */
  itemRunningSince: iso.nullable(),
  /** Time spent on each item before its running stretch (ms). */
  itemSpentMs: z.record(z.string(), z.number().int().nonnegative()),
  quorumRule,
  quorumCountsDeputies: z.boolean(),
  /** Whether a deputy checked in for a member casts the member's ballot (lib/live/attendance.ts votingSeat). */
  deputiesVote: z.boolean(),
  speakingLimitSeconds: z.number().int().positive().nullable(),
  /** The named presenter (null: the chair presents). */
  presenter: person.nullable(),
  /** The paper on the room's screens and its page (null: none shown). */
  shown: z.object({ documentId: z.string(), page: z.number().int().positive() }).nullable(),
  /** Whether a room display token exists (never the token itself). */
  display: z.boolean(),
});
export type LiveRow = z.infer<typeof liveRowSchema>;

export const speakerKinds = ["SPEAK", "POINT_OF_ORDER"] as const;
export const speakerKind = z.enum(speakerKinds);
export type SpeakerKind = z.infer<typeof speakerKind>;
export const speakerStatuses = ["WAITING", "SPEAKING", "DONE", "WITHDRAWN", "REMOVED"] as const;
export type SpeakerStatus = (typeof speakerStatuses)[number];

export const speakerRowSchema = z.object({
  id: z.string(),
  agendaItemId: z.string().nullable(),
  /** Who asked (and speaks). */
  user: person,
  /** The member whose seat `user` attends for as deputy, speaking in their place (null: for themself). */
  onBehalfOf: person.nullable(),
  kind: speakerKind,
  status: z.enum(speakerStatuses),
  position: z.number().int(),
  requestedAt: iso,
  startedAt: iso.nullable(),
  endedAt: iso.nullable(),
});
export type SpeakerRow = z.infer<typeof speakerRowSchema>;

export const NOT_STARTED: LiveRow = {
  state: "NOT_STARTED", startedAt: null, pausedAt: null, closedAt: null, pausedMs: 0, currentItemId: null,
  itemRunningSince: null, itemSpentMs: {}, quorumRule: "TWO_THIRDS", quorumCountsDeputies: false, deputiesVote: false, speakingLimitSeconds: null,
  presenter: null, shown: null, display: false,
};

// Commands. Intent-based where two chairs may press at once: "next from item X" moves once, whoever is first.
export const runCommandSchema = z.discriminatedUnion("command", [
  z.object({ command: z.literal("start"), baseVersion }),
  z.object({ command: z.literal("pause"), baseVersion }),
  z.object({ command: z.literal("resume"), baseVersion }),
  z.object({ command: z.literal("close"), baseVersion }),
  z.object({ command: z.literal("goto"), itemId: id, baseVersion }),
  z.object({
    command: z.literal("step"),
    direction: z.union([z.literal(1), z.literal(-1)]),
    /** The item the chair saw as current: if the meeting has moved on since, the step is already done. */
    from: id.nullable(),
    baseVersion,
  }),
  z.object({
    command: z.literal("settings"),
    quorumRule: quorumRule.optional(),
    quorumCountsDeputies: z.boolean().optional(),
    deputiesVote: z.boolean().optional(),
    speakingLimitSeconds: z.number().int().min(10).max(3600).nullable().optional(),
    presenterUserId: id.nullable().optional(),
    baseVersion,
  }),
]);
export type RunCommand = z.infer<typeof runCommandSchema>;

/** The presenter shows a paper (or nothing) at a page. */
export const presentSchema = z.object({ documentId: id.nullable(), page: z.number().int().positive().max(100_000).default(1) });
export type Present = z.infer<typeof presentSchema>;

export const attendanceMarks = ["PRESENT", "DEPUTY", "ABSENT"] as const;
export const markAttendanceSchema = z.object({
  participantId: id,
  /** PRESENT: in person; DEPUTY: the deputy named in their answer attends; ABSENT: not (or no longer) here. */
  mark: z.enum(attendanceMarks),
});
export type MarkAttendance = z.infer<typeof markAttendanceSchema>;
export const checkInSchema = z.object({ present: z.boolean().default(true) });
/** A deputy checks in (or out) for the member whose answer named them: that member's participant row (their seat). */
export const deputyCheckInSchema = z.object({ participantId: id, present: z.boolean().default(true) });
export type DeputyCheckIn = z.infer<typeof deputyCheckInSchema>;

export const requestSpeakSchema = z.object({ kind: speakerKind.default("SPEAK") });
export const withdrawSpeakSchema = z.object({ requestId: id.optional() });

export const manageSpeakersSchema = z.discriminatedUnion("command", [
  /** Give the floor to this request (whoever speaks now is done). */
  z.object({ command: z.literal("floor"), requestId: id }),
  /** The next in the queue speaks; `after`: who the chair saw speaking (null: nobody), so a double press moves once. */
  z.object({ command: z.literal("next"), after: id.nullable() }),
  /** Whoever speaks is done. */
  z.object({ command: z.literal("end"), requestId: id }),
  z.object({ command: z.literal("move"), requestId: id, index: z.number().int().nonnegative().max(10_000) }),
  z.object({ command: z.literal("remove"), requestId: id }),
]);
export type ManageSpeakers = z.infer<typeof manageSpeakersSchema>;

export const liveAnswerJson = z.object({ version: z.number().int() });
export const displayTokenJson = z.object({ token: z.string(), path: z.string() });


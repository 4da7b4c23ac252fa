// The votes of the API: the chair or secretary create, open and close; participants with a vote cast ballots;
// everyone in the meeting reads a vote with its live progress and their own ballot.
import { z } from "zod";
import { json, operation } from "../http/operation.ts";
import { ballotJson, castBallotSchema, createVoteSchema, voteChangeJson, voteDetailJson, voteStepSchema } from "./schema.ts";

export const voteOps = {
  create: operation({
    id: "votes.create", method: "POST", path: "/meetings/{meetingId}/votes", tag: "votes",
    summary: "Plan a vote on the meeting (or one agenda item): question, options, ballot kind, majority and quorum rule, countdown",
    body: json(createVoteSchema), response: json(voteChangeJson), status: 201, action: "meeting.run", errors: [403, 409],
  }),
  get: operation({
    id: "votes.get", method: "GET", path: "/votes/{voteId}", tag: "votes",
    summary: "A vote with its progress now (n of m; counts where shown; who has not voted, for those who run the meeting) and your ballot",
    response: json(voteDetailJson), status: 200, action: "meeting.view", errors: [],
  }),
  remove: operation({
    id: "votes.delete", method: "DELETE", path: "/votes/{voteId}", tag: "votes",
    summary: "Delete a planned vote (not once opened)",
    body: json(voteStepSchema), response: json(z.object({ id: z.string(), version: z.number().int() })), status: 200, action: "meeting.run", errors: [403, 409],
  }),
  open: operation({
    id: "votes.open", method: "POST", path: "/votes/{voteId}/open", tag: "votes",
    summary: "Open the vote: a ballot on every eligible tablet at once; its countdown starts",
    body: json(voteStepSchema), response: json(voteChangeJson), status: 200, action: "meeting.run", errors: [403, 409],
  }),
  close: operation({
    id: "votes.close", method: "POST", path: "/votes/{voteId}/close", tag: "votes",
    summary: "Close the vote: the result is computed once by its rule, stored, and sent to every tablet",
    body: json(voteStepSchema), response: json(voteChangeJson), status: 200, action: "meeting.run", errors: [403, 409],
  }),
  cast: operation({
    id: "votes.cast", method: "POST", path: "/votes/{voteId}/ballot", tag: "votes",
    summary: "Cast your ballot (or, as deputy, the member's you attend for; the chair or secretary may record one for a member). Idempotent.",
    body: json(castBallotSchema), response: json(ballotJson), status: 200, action: "meeting.vote", errors: [403, 409],
  }),
  resultPdf: operation({
    id: "votes.resultPdf", method: "GET", path: "/votes/{voteId}/result.pdf", tag: "votes",
    summary: "The result of a closed vote as a PDF (rule in words, counts, quorum; named votes list the voters)",
    response: { kind: "pdf", description: "The result as an A4 PDF (attachment)" }, status: 200, action: "meeting.view", errors: [],
  }),
  resultCsv: operation({
    id: "votes.resultCsv", method: "GET", path: "/votes/{voteId}/result.csv", tag: "votes",
    summary: "The result of a vote as CSV (UTF-8 with BOM: one row per option with its count; named votes list the voters)",
    response: { kind: "file", mediaType: "text/csv", description: "The result as CSV (attachment)", ranges: false }, status: 200, action: "meeting.view", errors: [],
  }),
};

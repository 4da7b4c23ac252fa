// The written-opinion operations of the API: the secretariat prepares, submits and closes; the approver approves
// (which sends) or returns; the members asked answer; the secretariat and the approver follow the summary.
import { json, operation } from "../http/operation.ts";
import {
  answerOpinionSchema, createOpinionSchema, linkablePapersJson, myAnswersJson, opinionDetailJson, opinionListJson,
  opinionStepSchema, opinionSummaryJson, reviewOpinionSchema, updateOpinionSchema,
} from "./schema.ts";
import { z } from "zod";

const idJson = z.object({ id: z.string() });

export const opinionOps = {
  list: operation({
    id: "opinions.list", method: "GET", path: "/opinions", tag: "opinions",
    summary: "Requests for written opinions you may see (the secretariat: all; the approver: theirs; a member: those addressed to them, once sent)",
    response: json(opinionListJson), status: 200, action: null, errors: [],
  }),
  create: operation({
    id: "opinions.create", method: "POST", path: "/opinions", tag: "opinions",
    summary: "Prepare a request for written opinions: questions, papers, the members asked, the deadline, the approver",
    body: json(createOpinionSchema), response: json(idJson), status: 201, action: "opinion.create", errors: [403],
  }),
  papers: operation({
    id: "opinions.papers", method: "GET", path: "/opinions/papers", tag: "opinions",
    summary: "Papers that may be sent with a request (any meeting's)",
    response: json(linkablePapersJson), status: 200, action: "opinion.create", errors: [403],
  }),
  get: operation({
    id: "opinions.get", method: "GET", path: "/opinions/{opinionId}", tag: "opinions",
    summary: "One request: questions, papers, your own answers, what you may do; the stored result for the secretariat and the approver",
    response: json(opinionDetailJson), status: 200, action: "opinion.view", errors: [],
  }),
  update: operation({
    id: "opinions.update", method: "PATCH", path: "/opinions/{opinionId}", tag: "opinions",
    summary: "Edit a draft request (questions, papers, members asked, deadline, approver)",
    body: json(updateOpinionSchema), response: json(idJson), status: 200, action: "opinion.edit", errors: [403],
  }),
  submit: operation({
    id: "opinions.submit", method: "POST", path: "/opinions/{opinionId}/submit", tag: "opinions",
    summary: "Submit the draft to its approver",
    body: json(opinionStepSchema), response: json(idJson), status: 200, action: "opinion.submit", errors: [403, 409],
  }),
  review: operation({
    id: "opinions.review", method: "POST", path: "/opinions/{opinionId}/review", tag: "opinions",
    summary: "The approver approves (the request is sent to the members asked at once) or returns it with a comment",
    body: json(reviewOpinionSchema), response: json(idJson), status: 200, action: "opinion.review", errors: [403, 409],
  }),
  answer: operation({
    id: "opinions.answer", method: "PUT", path: "/opinions/{opinionId}/answers", tag: "opinions",
    summary: "Your answers (agree / disagree / other opinion with text), per question; each replaces your earlier one until the deadline",
    body: json(answerOpinionSchema), response: json(myAnswersJson), status: 200, action: "opinion.answer", errors: [403, 409],
  }),
  close: operation({
    id: "opinions.close", method: "POST", path: "/opinions/{opinionId}/close", tag: "opinions",
    summary: "Close the request before its deadline: the result is computed once, stored and audited",
    body: json(opinionStepSchema), response: json(idJson), status: 200, action: "opinion.close", errors: [403, 409],
  }),
  summary: operation({
    id: "opinions.summary", method: "GET", path: "/opinions/{opinionId}/summary", tag: "opinions",
    summary: "Counts per question, everyone's answers and who has not answered (live while open; the stored result once closed)",
    response: json(opinionSummaryJson), status: 200, action: "opinion.summary", errors: [],
  }),
  report: operation({
    id: "opinions.report", method: "GET", path: "/opinions/{opinionId}/report.pdf", tag: "opinions",
    summary: "The summary report as a PDF (provisional until closed)",
    response: { kind: "pdf", description: "The summary report as an A4 PDF (attachment)" }, status: 200, action: "opinion.summary", errors: [],
  }),
  paper: operation({
    id: "opinions.paper", method: "GET", path: "/opinions/{opinionId}/papers/{documentId}", tag: "opinions",
    summary: "A paper sent with the request (its latest version), for whoever may see the request: every page stamped with your name, the time and its confidentiality mark",
    response: { kind: "file", mediaType: "application/pdf", description: "The stamped paper", ranges: false }, status: 200, action: "opinion.view", errors: [],
  }),
};

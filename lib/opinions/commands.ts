// Writes of written opinions. The workflow is a meeting's (lib/meetings/commands.ts): the secretariat prepares and
// submits, the approver approves (which sends it to the members asked) or returns it with a comment, each step
// notified and in the hash-chained audit trail. Members answer until the deadline; the close (by the secretariat or
// the deadline) computes the result once, stores it, and audits its checksum.
import crypto from "node:crypto";
import type { z } from "zod";
import { db, type Tx } from "../db/index.ts";
import { AppError, invalid, parseWith } from "../errors/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { appendAudit } from "../audit/index.ts";
import { announce, notify } from "../notifications/commands.ts";
import { publishUserEvent } from "../realtime/publish.ts";
import { meetingPeople } from "../users/queries.ts";
import { answerOpinionSchema, createOpinionSchema, reviewOpinionSchema, updateOpinionSchema, type OpinionResult } from "./schema.ts";
import { authorizeOpinion, loadOpinion, summarize } from "./queries.ts";
import { armOpinionTimers, disarmOpinionTimers, setOpinionCloser } from "./timers.ts";

const closedError = (key: "opinions.closed" | "opinions.deadlinePassed") => new AppError("CONFLICT", key);

async function checkParts(tx: Tx, input: { recipientIds?: string[]; approverId?: string | null; documentIds?: string[]; deadline?: Date }) {
  if (input.deadline && input.deadline.getTime() <= Date.now()) throw invalid("opinions.deadlineTooSoon", { deadline: ["opinions.deadlineTooSoon"] });
  if (input.recipientIds) {
    const ids = [...new Set(input.recipientIds)];
    if ((await tx.user.count({ where: { id: { in: ids }, ...meetingPeople } })) !== ids.length) throw invalid("VALIDATION", { recipientIds: ["field.unknownUser"] });
  }
  if (input.approverId && !(await tx.user.findFirst({ where: { id: input.approverId, ...meetingPeople }, select: { id: true } }))) {
    throw invalid("VALIDATION", { approverId: ["field.unknownUser"] });
  }
  if (input.documentIds) {
    const ids = [...new Set(input.documentIds)];
    if ((await tx.document.count({ where: { id: { in: ids } } })) !== ids.length) throw invalid("VALIDATION", { documentIds: ["opinions.unknownPaper"] });
  }
}

async function writeParts(tx: Tx, requestId: string, input: { questions?: string[]; recipientIds?: string[]; documentIds?: string[] }) {
  if (input.questions) {
    await tx.opinionQuestion.deleteMany({ where: { requestId } });
    await tx.opinionQuestion.createMany({ data: input.questions.map((text, position) => ({ requestId, position, text })) });
  }
  if (input.recipientIds) {
    await tx.opinionRecipient.deleteMany({ where: { requestId } });
    await tx.opinionRecipient.createMany({ data: [...new Set(input.recipientIds)].map((userId) => ({ requestId, userId })) });
  }
  if (input.documentIds) {
    await tx.opinionPaper.deleteMany({ where: { requestId } });
    await tx.opinionPaper.createMany({ data: [...new Set(input.documentIds)].map((documentId, position) => ({ requestId, documentId, position })) });
  }
}

const audit = (tx: Tx, actorId: string | null, action: string, subjectId: string, data: Record<string, unknown> = {}) =>
  appendAudit(tx, { actorId, action, subjectType: "OpinionRequest", subjectId, data });

/** Takes the parsed body (the route's zod parse turned the deadline into a Date). */
export async function createOpinion(actor: Actor, input: z.output<typeof createOpinionSchema>) {
  authorize(actor, "opinion.create");
  return db.$transaction(async (tx) => {
    await checkParts(tx, input);
    const request = await tx.opinionRequest.create({
      data: { title: input.title, summary: input.summary, deadline: input.deadline, approverId: input.approverId, createdById: actor.id },
    });
    await writeParts(tx, request.id, input);
    await audit(tx, actor.id, "opinion.create", request.id, { title: request.title, questions: input.questions.length, asked: input.recipientIds.length });
    return { id: request.id };
  });
}

/** A draft is edited; editing a submitted request withdraws it to draft (the approver is told), as with a meeting. */
export async function updateOpinion(actor: Actor, opinionId: string, input: z.output<typeof updateOpinionSchema>) {
  const notified = await db.$transaction(async (tx) => {
    const { request } = await authorizeOpinion(tx, actor, "opinion.edit", opinionId);
    await checkParts(tx, input);
    const { questions: _q, recipientIds: _r, documentIds: _d, ...fields } = input;
    // Conditional on the status read: an approval that got in first makes this edit a 409, not a change to a sent request.
    const moved = await tx.opinionRequest.updateMany({ where: { id: opinionId, status: request.status }, data: { ...fields, status: "DRAFT" } });
    if (moved.count !== 1) throw new AppError("CONFLICT", "CONFLICT");
    await writeParts(tx, opinionId, input);
    await audit(tx, actor.id, "opinion.update", opinionId, { fields: Object.keys(input) });
    if (request.status !== "SUBMITTED") return [];
    await audit(tx, actor.id, "opinion.withdraw", opinionId, { from: request.status });
    return request.approverId ? notify(tx, [request.approverId], { kind: "OPINION_WITHDRAWN", subject: request.title, data: { opinionId } }) : [];
  });
  await announce(notified);
  return { id: opinionId };
}

export async function submitOpinion(actor: Actor, opinionId: string) {
  const notified = await db.$transaction(async (tx) => {
    const { request } = await authorizeOpinion(tx, actor, "opinion.submit", opinionId);
    if (!request.approverId) throw invalid("opinions.approverRequired", { approverId: ["opinions.approverRequired"] });
    await checkParts(tx, { deadline: request.deadline });
    const moved = await tx.opinionRequest.updateMany({ where: { id: opinionId, status: "DRAFT" }, data: { status: "SUBMITTED", reviewComment: null } });
    if (moved.count !== 1) throw new AppError("CONFLICT", "CONFLICT");
    await audit(tx, actor.id, "opinion.submit", opinionId, { approverId: request.approverId });
    return notify(tx, [request.approverId], { kind: "OPINION_SUBMITTED", subject: request.title, data: { opinionId } });
  });
  await announce(notified);
  return { id: opinionId };
}

/** The approver approves (the request is sent to the members asked at once) or returns it to draft with a comment. */
export async function reviewOpinion(actor: Actor, opinionId: string, raw: unknown) {
  const input = parseWith(reviewOpinionSchema, raw);
  const approve = input.decision === "APPROVE";
  const { notified, sent } = await db.$transaction(async (tx) => {
    const { request } = await authorizeOpinion(tx, actor, "opinion.review", opinionId);
    if (approve) await checkParts(tx, { deadline: request.deadline });
    const now = new Date();
    const moved = await tx.opinionRequest.updateMany({
      where: { id: opinionId, status: "SUBMITTED" },
      data: approve ? { status: "OPEN", sentAt: now, reviewComment: input.comment || null } : { status: "DRAFT", reviewComment: input.comment },
    });
    if (moved.count !== 1) throw new AppError("CONFLICT", "CONFLICT");
    await audit(tx, actor.id, approve ? "opinion.approve" : "opinion.return", opinionId, { comment: input.comment });
    const told = await notify(tx, [request.createdById], { kind: approve ? "OPINION_APPROVED" : "OPINION_RETURNED", subject: request.title, data: { opinionId, comment: input.comment } });
    if (!approve) return { notified: told, sent: null };
    const asked = await tx.opinionRecipient.findMany({ where: { requestId: opinionId }, select: { userId: true } });
    const members = await notify(tx, asked.map((a) => a.userId), { kind: "OPINION_SENT", subject: request.title, data: { opinionId, deadline: request.deadline.toISOString() } });
    return { notified: [...told, ...members], sent: { id: opinionId, deadline: request.deadline, sentAt: now } };
  });
  if (sent) armOpinionTimers(sent);
  await announce(notified);
  await publishSummary(opinionId);
  return { id: opinionId };
}

/**
 * A member's answers (one or more questions), each replacing their earlier answer to that question, until the
 * deadline. After it, or once closed, a 409 that says so; the request's conditional update orders the answers
 * against the close (an answer that loses that race is refused, never half-counted).
 */
export async function answerOpinion(actor: Actor, opinionId: string, raw: unknown) {
  const { answers } = parseWith(answerOpinionSchema, raw);
  const ids = answers.map((a) => a.questionId);
  if (new Set(ids).size !== ids.length) throw invalid("VALIDATION", { answers: ["opinions.duplicateQuestion"] });
  const out = await db.$transaction(async (tx) => {
    const { request, resource } = await loadOpinion(tx, actor, opinionId);
    authorize(actor, "opinion.view", resource);
    if (resource.opinion.asked && request.status === "CLOSED") throw closedError("opinions.closed");
    authorize(actor, "opinion.answer", resource);
    const now = new Date();
    if (request.deadline.getTime() <= now.getTime()) throw closedError("opinions.deadlinePassed");
    const known = await tx.opinionQuestion.count({ where: { requestId: opinionId, id: { in: ids } } });
    if (known !== ids.length) throw invalid("VALIDATION", { answers: ["opinions.unknownQuestion"] });
    const gate = await tx.opinionRequest.updateMany({ where: { id: opinionId, status: "OPEN", deadline: { gt: now } }, data: { updatedAt: now } });
    if (gate.count !== 1) throw closedError("opinions.closed");
    for (const a of answers) {
      await tx.opinionAnswer.upsert({
        where: { questionId_userId: { questionId: a.questionId, userId: actor.id } },
        create: { requestId: opinionId, questionId: a.questionId, userId: actor.id, choice: a.choice, comment: a.comment },
        update: { choice: a.choice, comment: a.comment },
      });
    }
    // Who answered when is part of the record; what they answered is in the stored result at the close.
    await audit(tx, actor.id, "opinion.answer", opinionId, { questions: ids.length });
    const mine = await tx.opinionAnswer.findMany({ where: { requestId: opinionId, userId: actor.id }, orderBy: { question: { position: "asc" } } });
    const questions = await tx.opinionQuestion.count({ where: { requestId: opinionId } });
    return {
      myAnswers: mine.map((a) => ({ questionId: a.questionId, choice: a.choice, comment: a.comment, updatedAt: a.updatedAt.toISOString() })),
      answeredAll: mine.length >= questions,
    };
  }).catch((e: unknown) => {
    // Late: the deadline's timer may not have run yet (a restart); close it now, the answer stays refused.
    if (e instanceof AppError && e.text === "opinions.deadlinePassed") void closeDueOpinion(opinionId).catch(() => {});
    throw e;
  });
  publishUserEvent(actor.id, "opinion.answered", { opinionId });
  await publishSummary(opinionId);
  return out;
}

/** Closes a request: the result is computed once, in this transaction, stored, and its checksum audited. */
async function closeWith(actorId: string | null, opinionId: string, closedBy: OpinionResult["closedBy"]) {
  const notified = await db.$transaction(async (tx) => {
    const request = await tx.opinionRequest.findUniqueOrThrow({ where: { id: opinionId } });
    const closedAt = new Date();
    const closed = await tx.opinionRequest.updateMany({ where: { id: opinionId, status: "OPEN" }, data: { status: "CLOSED", closedAt } });
    if (closed.count !== 1) throw closedError("opinions.closed");
    const summary = { ...(await summarize(tx, opinionId)), status: "CLOSED" as const };
    const hash = crypto.createHash("sha256").update(JSON.stringify([opinionId, request.title, closedAt.toISOString(), closedBy, summary])).digest("hex");
    const result: OpinionResult = { ...summary, closedAt: closedAt.toISOString(), closedBy, hash };
    await tx.opinionRequest.update({ where: { id: opinionId }, data: { result: result as object } });
    await audit(tx, actorId, "opinion.close", opinionId, { closedAt: result.closedAt, closedBy, asked: result.asked, answered: result.answered, hash });
    return notify(tx, [request.createdById, ...(request.approverId ? [request.approverId] : [])], { kind: "OPINION_CLOSED", subject: request.title, data: { opinionId } });
  });
  disarmOpinionTimers(opinionId);
  await announce(notified);
  await publishSummary(opinionId);
}

export async function closeOpinion(actor: Actor, opinionId: string) {
  await authorizeOpinion(db, actor, "opinion.close", opinionId);
  await closeWith(actor.id, opinionId, "secretariat");
  return { id: opinionId };
}

/** The deadline passed: closed by the server (no actor). Idempotent. */
export async function closeDueOpinion(opinionId: string, now = new Date()): Promise<boolean> {
  const r = await db.opinionRequest.findUnique({ where: { id: opinionId }, select: { status: true, deadline: true } });
  if (!r || r.status !== "OPEN" || r.deadline.getTime() > now.getTime()) return false;
  try {
    await closeWith(null, opinionId, "deadline");
    return true;
  } catch (e) {
    if (e instanceof AppError && e.text === "opinions.closed") return false;
    throw e;
  }
}

/** The live summary, to the secretariat's and the approver's own devices only (it names who said what). */
export async function publishSummary(opinionId: string) {
  const request = await db.opinionRequest.findUnique({ where: { id: opinionId }, select: { approverId: true } });
  if (!request) return;
  const staff = await db.user.findMany({ where: { active: true, role: { in: ["ADMIN", "SECRETARIAT"] } }, select: { id: true } });
  const summary = await summarize(db, opinionId);
  for (const userId of new Set([...staff.map((u) => u.id), ...(request.approverId ? [request.approverId] : [])])) publishUserEvent(userId, "opinion.summary", summary);
}

setOpinionCloser((id) => closeDueOpinion(id));

// Written opinions through the real commands, route handlers and a real SQLite database: the workflow from draft to
// the stored result, answers changed until the deadline and refused after it (a localized 409, not a 500), members
// not asked seeing nothing, reminders sent once to those who have not answered only, the report PDF.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../db";
import type { Actor } from "../policy";
import { AppError } from "../errors";
import { verifyAuditChain } from "../audit";
import { apiRequest, makeUser, params, refusal } from "../../tests/fixtures";
import { answerOpinion, closeDueOpinion, closeOpinion, createOpinion, reviewOpinion, submitOpinion, updateOpinion } from "./commands";
import { getOpinion, getSummary, listOpinions } from "./queries";
import { sendDueReminders } from "./reminders";
import { armAllOpinionTimers, disarmOpinionTimers } from "./timers";
import { createOpinionSchema, opinionResultSchema, updateOpinionSchema } from "./schema";
import { PUT as answerRoute } from "../../app/api/v1/opinions/[opinionId]/answers/route";
import { GET as getRoute } from "../../app/api/v1/opinions/[opinionId]/route";
import { GET as reportRoute } from "../../app/api/v1/opinions/[opinionId]/report.pdf/route";

const HOUR = 3_600_000;
let sec: Actor, approver: Actor, members: Actor[], outsider: Actor;

beforeEach(async () => {
  sec = await makeUser("SECRETARIAT", "Văn phòng");
  approver = await makeUser("MEMBER", "Thủ tướng");
  members = [await makeUser("MEMBER", "An"), await makeUser("MEMBER", "Bình"), await makeUser("MEMBER", "Cường")];
  outsider = await makeUser("MEMBER", "Người ngoài");
});


async function draft(over: Record<string, unknown> = {}) {
  const { id } = await createOpinion(sec, createOpinionSchema.parse({
    title: "Dự thảo Nghị định về Chính phủ điện tử",
    summary: "Xin ý kiến thành viên Chính phủ",
    deadline: new Date(Date.now() + 30 * HOUR).toISOString(),
    questions: ["Thông qua dự thảo Nghị định?", "Thời điểm có hiệu lực từ 01/01/2027?"],
    recipientIds: members.map((m) => m.id),
    approverId: approver.id,
    ...over,
  }));
  return id;
}

async function sent(over: Record<string, unknown> = {}) {
  const id = await draft(over);
  await submitOpinion(sec, id);
  await reviewOpinion(approver, id, { decision: "APPROVE" });
  return id;
}

const questionsOf = async (id: string) => (await db.opinionQuestion.findMany({ where: { requestId: id }, orderBy: { position: "asc" } })).map((q) => q.id);

describe("written opinions", () => {
  it("goes from draft to a stored result: submit, approve (sent), answer, change an answer, close, counts", async () => {
    const id = await draft();
    // Members see nothing before it is sent; the approver nothing before it is submitted.
    expect((await listOpinions(members[0])).map((o) => o.id)).not.toContain(id);
    expect(await refusal(getOpinion(approver, id))).toEqual({ status: 404, text: "NOT_FOUND" });
    await updateOpinion(sec, id, updateOpinionSchema.parse({ questions: ["Thông qua dự thảo Nghị định?", "Thời điểm có hiệu lực từ 01/01/2027?", "Giao Bộ TT&TT chủ trì?"] }));
    await submitOpinion(sec, id);
    expect((await getOpinion(approver, id)).may.review).toBe(true);
    // Editing while it awaits approval withdraws it to draft (the approver is told); it is submitted again.
    await updateOpinion(sec, id, { summary: "Bổ sung tờ trình" });
    expect((await getOpinion(sec, id)).status).toBe("DRAFT");
    expect(await db.notification.count({ where: { userId: approver.id, kind: "OPINION_WITHDRAWN" } })).toBe(1);
    expect(await refusal(reviewOpinion(approver, id, { decision: "APPROVE" }))).toEqual({ status: 404, text: "NOT_FOUND" });
    await submitOpinion(sec, id);
    // Only the approver (or an administrator) approves; a member asked cannot.
    expect(await refusal(reviewOpinion(members[0], id, { decision: "APPROVE" }))).toEqual({ status: 404, text: "NOT_FOUND" });
    expect(await refusal(reviewOpinion(sec, id, { decision: "APPROVE" }))).toEqual({ status: 403, text: "FORBIDDEN" });
    await reviewOpinion(approver, id, { decision: "APPROVE" });
    const sentRow = await db.opinionRequest.findUniqueOrThrow({ where: { id } });
    expect(sentRow.status).toBe("OPEN");
    // Each member asked is told.
    for (const m of members) expect(await db.notification.count({ where: { userId: m.id, kind: "OPINION_SENT" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: outsider.id } })).toBe(0);

    const [q1, q2, q3] = await questionsOf(id);
    await answerOpinion(members[0], id, { answers: [{ questionId: q1, choice: "AGREE" }, { questionId: q2, choice: "AGREE" }, { questionId: q3, choice: "AGREE" }] });
    await answerOpinion(members[1], id, { answers: [{ questionId: q1, choice: "DISAGREE" }, { questionId: q2, choice: "OTHER", comment: "Đề nghị lùi đến 01/7/2027" }] });
    // Changed before the deadline: the later answer counts, once.
    const changed = await answerOpinion(members[0], id, { answers: [{ questionId: q1, choice: "OTHER", comment: "Bổ sung điều khoản chuyển tiếp" }] });
    expect(changed.myAnswers.find((a) => a.questionId === q1)).toMatchObject({ choice: "OTHER", comment: "Bổ sung điều khoản chuyển tiếp" });
    expect(changed.answeredAll).toBe(true);
    // "Other" needs words.
    expect(await refusal(answerOpinion(members[2], id, { answers: [{ questionId: q1, choice: "OTHER" }] }))).toMatchObject({ status: 422 });
    expect(await refusal(answerOpinion(members[2], id, { answers: [{ questionId: "not-a-question", choice: "AGREE" }] }))).toMatchObject({ status: 422 });

    const live = await getSummary(sec, id);
    expect(live.answered).toBe(1);
    expect(live.notAnswered.map((p) => p.id)).toEqual([members[1].id, members[2].id]);
    expect(live.questions[0].counts).toEqual({ AGREE: 0, DISAGREE: 1, OTHER: 1 });
    // A member sees their own answers only, never the summary.
    expect(await refusal(getSummary(members[0], id))).toEqual({ status: 403, text: "FORBIDDEN" });
    const mine = await getOpinion(members[1], id);
    expect(mine.myAnswers).toHaveLength(2);
    expect(mine.recipients).toEqual([]);
    expect(mine.result).toBeNull();

    await closeOpinion(sec, id);
    const closed = await db.opinionRequest.findUniqueOrThrow({ where: { id } });
    const result = opinionResultSchema.parse(closed.result);
    expect(result.closedBy).toBe("secretariat");
    expect(result.questions.map((q) => q.counts)).toEqual([
      { AGREE: 0, DISAGREE: 1, OTHER: 1 },
      { AGREE: 1, DISAGREE: 0, OTHER: 1 },
      { AGREE: 1, DISAGREE: 0, OTHER: 0 },
    ]);
    expect(result.notAnswered.map((p) => p.id)).toEqual([members[1].id, members[2].id]);
    // Final: no more answers (a localized 409), a second close changes nothing, the result is hash-chained in the audit.
    expect(await refusal(answerOpinion(members[2], id, { answers: [{ questionId: q1, choice: "AGREE" }] }))).toEqual({ status: 409, text: "opinions.closed" });
    expect(await refusal(closeOpinion(sec, id))).toEqual({ status: 403, text: "FORBIDDEN" });
    expect(opinionResultSchema.parse((await db.opinionRequest.findUniqueOrThrow({ where: { id } })).result)).toEqual(result);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { subjectId: id, action: "opinion.close" } });
    expect((entry.data as { hash: string }).hash).toBe(result.hash);
    expect((await db.auditEntry.findMany({ where: { subjectId: id }, orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action)).toEqual([
      "opinion.create", "opinion.update", "opinion.submit", "opinion.update", "opinion.withdraw", "opinion.submit", "opinion.approve",
      "opinion.answer", "opinion.answer", "opinion.answer", "opinion.close",
    ]);
    expect(await verifyAuditChain(db)).toBeNull();
  });

  it("returns a request to draft with the approver's comment; a return needs a comment", async () => {
    const id = await draft();
    await submitOpinion(sec, id);
    expect(await refusal(reviewOpinion(approver, id, { decision: "RETURN" }))).toMatchObject({ status: 422 });
    await reviewOpinion(approver, id, { decision: "RETURN", comment: "Bổ sung tờ trình" });
    const r = await getOpinion(sec, id);
    expect(r.status).toBe("DRAFT");
    expect(r.reviewComment).toBe("Bổ sung tờ trình");
    expect(await db.notification.count({ where: { userId: sec.id, kind: "OPINION_RETURNED" } })).toBe(1);
  });

  it("refuses a submit without an approver and a deadline in the past (422)", async () => {
    const id = await draft({ approverId: null });
    expect(await refusal(submitOpinion(sec, id))).toMatchObject({ status: 422, text: "opinions.approverRequired" });
    expect(await refusal(draft({ deadline: new Date(Date.now() - 1000).toISOString() }))).toMatchObject({ status: 422, text: "opinions.deadlineTooSoon" });
    expect(await refusal(createOpinion(members[0], createOpinionSchema.parse({ title: "x", deadline: new Date(Date.now() + HOUR).toISOString(), questions: ["?"], recipientIds: [members[0].id] })))).toEqual({ status: 403, text: "FORBIDDEN" });
  });

  it("an answer after the deadline is refused with a localized 409 through the API, and the request closes by itself", async () => {
    const id = await sent();
    const [q1] = await questionsOf(id);
    await answerOpinion(members[0], id, { answers: [{ questionId: q1, choice: "AGREE" }] });
    // The deadline passes (the stored timestamp is what counts, not a timer).
    await db.opinionRequest.update({ where: { id }, data: { deadline: new Date(Date.now() - 1000) } });
    const res = await answerRoute(await apiRequest({ ...members[0], locale: "vi" }, "PUT", `/api/v1/opinions/${id}/answers`, { answers: [{ questionId: q1, choice: "DISAGREE" }] }), params({ opinionId: id }));
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.code).toBe("CONFLICT");
    expect(body.error.message).toBe("Đã hết hạn lấy ý kiến; ý kiến của bạn không được ghi nhận.");
    expect((await db.opinionAnswer.findFirstOrThrow({ where: { requestId: id, userId: members[0].id, questionId: q1 } })).choice).toBe("AGREE");
    expect(await closeDueOpinion(id)).toBe(false); // the refused answer already closed it, or does now
    const row = await db.opinionRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("CLOSED");
    expect(opinionResultSchema.parse(row.result).closedBy).toBe("deadline");
  });

  it("a member not asked sees nothing: not in the list, 404 on the request, its summary and its answers", async () => {
    const id = await sent();
    const [q1] = await questionsOf(id);
    expect((await listOpinions(outsider)).map((o) => o.id)).not.toContain(id);
    expect((await listOpinions(members[0])).map((o) => o.id)).toContain(id);
    const get = await getRoute(await apiRequest(outsider, "GET", `/api/v1/opinions/${id}`), params({ opinionId: id }));
    expect(get.status).toBe(404);
    expect(await refusal(getSummary(outsider, id))).toEqual({ status: 404, text: "NOT_FOUND" });
    expect(await refusal(answerOpinion(outsider, id, { answers: [{ questionId: q1, choice: "AGREE" }] }))).toEqual({ status: 404, text: "NOT_FOUND" });
    // The secretariat sees it but does not answer in a member's place.
    expect(await refusal(answerOpinion(sec, id, { answers: [{ questionId: q1, choice: "AGREE" }] }))).toEqual({ status: 403, text: "FORBIDDEN" });
  });

  it("reminds those who have not answered every question, once per stage (24 h, then 2 h before the deadline)", async () => {
    const id = await sent();
    const { deadline } = await db.opinionRequest.findUniqueOrThrow({ where: { id } });
    const [q1, q2] = await questionsOf(id);
    await answerOpinion(members[0], id, { answers: [{ questionId: q1, choice: "AGREE" }, { questionId: q2, choice: "AGREE" }] });
    await answerOpinion(members[1], id, { answers: [{ questionId: q1, choice: "AGREE" }] }); // one of two: not done
    const reminders = (u: Actor) => db.notification.count({ where: { userId: u.id, kind: "OPINION_REMINDER" } });
    // Not yet due 25 h before.
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 25 * HOUR))).toBe(0);
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 23 * HOUR))).toBe(2);
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 22 * HOUR))).toBe(0); // a second run (restart) sends nothing
    expect([await reminders(members[0]), await reminders(members[1]), await reminders(members[2]), await reminders(outsider)]).toEqual([0, 1, 1, 0]);
    await answerOpinion(members[1], id, { answers: [{ questionId: q2, choice: "DISAGREE" }] });
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 1 * HOUR))).toBe(1);
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 0.5 * HOUR))).toBe(0);
    expect([await reminders(members[0]), await reminders(members[1]), await reminders(members[2])]).toEqual([0, 1, 2]);
    expect(await db.opinionReminder.findMany({ where: { requestId: id }, orderBy: { hours: "desc" }, select: { hours: true, notified: true } })).toEqual([
      { hours: 24, notified: 2 },
      { hours: 2, notified: 1 },
    ]);
  });

  it("a request sent with less than 24 h left gets only the reminders still ahead", async () => {
    const id = await sent({ deadline: new Date(Date.now() + 10 * HOUR).toISOString() });
    const { deadline } = await db.opinionRequest.findUniqueOrThrow({ where: { id } });
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 3 * HOUR))).toBe(0);
    expect(await sendDueReminders(id, new Date(deadline.getTime() - 1 * HOUR))).toBe(3);
  });

  it("prints the summary report as a PDF in the reader's language", async () => {
    const id = await sent();
    const [q1] = await questionsOf(id);
    await answerOpinion(members[0], id, { answers: [{ questionId: q1, choice: "OTHER", comment: "Cần đánh giá tác động" }] });
    await closeOpinion(sec, id);
    const res = await reportRoute(await apiRequest({ ...sec, locale: "vi" }, "GET", `/api/v1/opinions/${id}/report.pdf`), params({ opinionId: id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const member = await reportRoute(await apiRequest(members[0], "GET", `/api/v1/opinions/${id}/report.pdf`), params({ opinionId: id }));
    expect(member.status).toBe(403);
  });
});

describe("written opinions: scope and restart", () => {
  it("the list filter (opinionScope) shows exactly what the policy lets each person see", async () => {
    const ids = { draft: await draft(), submitted: await draft(), open: await sent(), closed: await sent() };
    await submitOpinion(sec, ids.submitted);
    await closeOpinion(sec, ids.closed);
    const admin = await makeUser("ADMIN");
    for (const actor of [sec, admin, approver, ...members, outsider]) {
      const listed = new Set((await listOpinions(actor)).map((o) => o.id));
      for (const id of Object.values(ids)) {
        const visible = await getOpinion(actor, id).then(() => true, (e) => (e instanceof AppError && e.status === 404 ? false : Promise.reject(e)));
        expect(listed.has(id), `${actor.name} ${id}`).toBe(visible);
      }
    }
    // Spot checks of what that means.
    expect((await listOpinions(members[0])).map((o) => o.id).filter((id) => Object.values(ids).includes(id)).sort()).toEqual([ids.open, ids.closed].sort());
    expect((await listOpinions(approver)).map((o) => o.id).filter((id) => Object.values(ids).includes(id)).sort()).toEqual([ids.submitted, ids.open, ids.closed].sort());
  });

  it("after a restart, timers come back from the stored times: an overdue request closes, a due reminder is sent", async () => {
    const overdue = await sent();
    const remind = await sent();
    // Time passed while the server was down: one request's deadline, the other's 24 h reminder.
    await db.opinionRequest.update({ where: { id: overdue }, data: { deadline: new Date(Date.now() - 1000) } });
    await db.opinionRequest.update({ where: { id: remind }, data: { sentAt: new Date(Date.now() - 48 * HOUR), deadline: new Date(Date.now() + 20 * HOUR) } });
    await armAllOpinionTimers();
    const until = async (cond: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(await cond()).toBe(true);
    };
    await until(async () => (await db.opinionRequest.findUniqueOrThrow({ where: { id: overdue } })).status === "CLOSED");
    await until(async () => (await db.opinionReminder.count({ where: { requestId: remind, hours: 24 } })) === 1);
    expect(opinionResultSchema.parse((await db.opinionRequest.findUniqueOrThrow({ where: { id: overdue } })).result).closedBy).toBe("deadline");
    const reminded = await db.notification.findMany({ where: { kind: "OPINION_REMINDER", userId: { in: members.map((m) => m.id) } } });
    expect(reminded.filter((n) => (n.data as { opinionId?: string }).opinionId === remind)).toHaveLength(3);
    for (const id of [overdue, remind]) disarmOpinionTimers(id);
  });
});

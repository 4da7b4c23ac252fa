// Reads of written opinions, always through the policy: the list through opinionScope, one request through `can`.
import { db, type Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, can, opinionScope, type Actor, type OpinionResource, type Principal, type ResourceAction, type ResourceActions } from "../policy/index.ts";
import { stampedCopy } from "../documents/download.ts";
import type { MyAnswer, OpinionDetail, OpinionResult, OpinionRow, OpinionSummary } from "./schema.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "vi");

export type OpinionAction = { [A in ResourceAction]: ResourceActions[A] extends OpinionResource ? A : never }[ResourceAction];
type RequestRecord = NonNullable<Awaited<ReturnType<Tx["opinionRequest"]["findUnique"]>>>;

/** The request and the policy's view of it for this actor; a request that does not exist is a 404. */
export async function loadOpinion(tx: Tx, actor: Principal, opinionId: string) {
  const request = await tx.opinionRequest.findUnique({ where: { id: opinionId } });
  if (!request) throw notFound();
  const asked = !!(await tx.opinionRecipient.findUnique({ where: { requestId_userId: { requestId: opinionId, userId: actor.id } } }));
  return { request, resource: opinionResource(request, asked) };
}

export const opinionResource = (r: Pick<RequestRecord, "status" | "approverId">, asked: boolean): OpinionResource => ({
  opinion: { status: r.status, approverId: r.approverId, asked },
});

/** Load + authorize: the opening of every opinion entry point (404 when not the actor's to see, 403 when not to do). */
export async function authorizeOpinion(tx: Tx, actor: Actor, action: OpinionAction, opinionId: string) {
  const loaded = await loadOpinion(tx, actor, opinionId);
  authorize(actor, action, loaded.resource);
  return loaded;
}

async function myAnswers(tx: Tx, requestId: string, userId: string): Promise<MyAnswer[]> {
  const rows = await tx.opinionAnswer.findMany({ where: { requestId, userId }, include: { question: { select: { position: true } } }, orderBy: { question: { position: "asc" } } });
  return rows.map((a) => ({ questionId: a.questionId, choice: a.choice, comment: a.comment, updatedAt: a.updatedAt.toISOString() }));
}

/** Has the member answered every question? */
export async function answeredAll(tx: Tx, requestId: string, userId: string): Promise<boolean> {
  const [questions, answers] = await Promise.all([tx.opinionQuestion.count({ where: { requestId } }), tx.opinionAnswer.count({ where: { requestId, userId } })]);
  return answers >= questions;
}

function rowOf(r: RequestRecord, answeredByMe: boolean | null): OpinionRow {
  return { id: r.id, title: r.title, status: r.status, deadline: r.deadline.toISOString(), sentAt: iso(r.sentAt), closedAt: iso(r.closedAt), createdAt: r.createdAt.toISOString(), answeredByMe };
}

export async function listOpinions(actor: Actor): Promise<OpinionRow[]> {
  const rows = await db.opinionRequest.findMany({
    where: opinionScope(actor),
    orderBy: [{ deadline: "desc" }, { id: "asc" }],
    include: { recipients: { where: { userId: actor.id }, select: { userId: true } } },
    take: 200,
  });
  const out: OpinionRow[] = [];
  for (const r of rows) out.push(rowOf(r, r.recipients.length ? await answeredAll(db, r.id, actor.id) : null));
  return out;
}

export async function getOpinion(actor: Actor, opinionId: string): Promise<OpinionDetail> {
  const { request: r, resource } = await authorizeOpinion(db, actor, "opinion.view", opinionId);
  const [questions, recipients, papers, approver] = await Promise.all([
    db.opinionQuestion.findMany({ where: { requestId: r.id }, orderBy: { position: "asc" } }),
    db.opinionRecipient.findMany({ where: { requestId: r.id }, include: { user: { select: { id: true, name: true } } } }),
    db.opinionPaper.findMany({ where: { requestId: r.id }, orderBy: { position: "asc" }, include: { document: { select: { id: true, title: true, meeting: { select: { title: true } } } } } }),
    r.approverId ? db.user.findUnique({ where: { id: r.approverId }, select: { id: true, name: true } }) : null,
  ]);
  const asked = resource.opinion.asked;
  const mayReadReview = can(actor, "opinion.summary", resource);
  return {
    ...rowOf(r, asked ? await answeredAll(db, r.id, actor.id) : null),
    summary: r.summary,
    approver,
    reviewComment: mayReadReview ? r.reviewComment : null,
    questions: questions.map((q) => ({ id: q.id, position: q.position, text: q.text })),
    // Members asked see the request, not the list of everyone asked.
    recipients: mayReadReview ? recipients.map((x) => x.user).sort(byName) : [],
    papers: papers.map((p) => ({ id: p.document.id, title: p.document.title, meetingTitle: p.document.meeting.title })),
    myAnswers: asked ? await myAnswers(db, r.id, actor.id) : [],
    may: {
      edit: can(actor, "opinion.edit", resource),
      submit: can(actor, "opinion.submit", resource),
      review: can(actor, "opinion.review", resource),
      answer: can(actor, "opinion.answer", resource) && r.deadline.getTime() > Date.now(),
      close: can(actor, "opinion.close", resource),
      summary: mayReadReview,
    },
    result: mayReadReview ? ((r.result as OpinionResult | null) ?? null) : null,
  };
}

/** The tally now: per question the counts and who said what; who has not answered every question. */
export async function summarize(tx: Tx, requestId: string): Promise<OpinionSummary> {
  const request = await tx.opinionRequest.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
  const [questions, recipients, answers] = await Promise.all([
    tx.opinionQuestion.findMany({ where: { requestId }, orderBy: { position: "asc" } }),
    tx.opinionRecipient.findMany({ where: { requestId }, include: { user: { select: { id: true, name: true } } } }),
    tx.opinionAnswer.findMany({ where: { requestId }, include: { user: { select: { id: true, name: true } } } }),
  ]);
  const perUser = new Map<string, number>();
  for (const a of answers) perUser.set(a.userId, (perUser.get(a.userId) ?? 0) + 1);
  const people = recipients.map((x) => x.user).sort(byName);
  const done = people.filter((p) => (perUser.get(p.id) ?? 0) >= questions.length);
  return {
    opinionId: requestId,
    status: request.status,
    asked: people.length,
    answered: done.length,
    notAnswered: people.filter((p) => !done.includes(p)),
    questions: questions.map((q) => {
      const mine = answers.filter((a) => a.questionId === q.id).sort((a, b) => byName(a.user, b.user));
      const counts = { AGREE: 0, DISAGREE: 0, OTHER: 0 };
      for (const a of mine) counts[a.choice]++;
      return { questionId: q.id, text: q.text, counts, answers: mine.map((a) => ({ user: a.user, choice: a.choice, comment: a.comment })) };
    }),
  };
}

/** The live summary, for the secretariat and the approver; after the close, the stored result. */
export async function getSummary(actor: Actor, opinionId: string): Promise<OpinionSummary> {
  const { request } = await authorizeOpinion(db, actor, "opinion.summary", opinionId);
  if (request.result) {
    const { closedAt: _c, closedBy: _b, hash: _h, ...stored } = request.result as OpinionResult;
    return stored;
  }
  return summarize(db, opinionId);
}

/** Papers the secretariat may send with a request: any meeting's papers (staff see every meeting). */
export async function linkablePapers(actor: Actor) {
  authorize(actor, "opinion.create");
  const docs = await db.document.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true, meeting: { select: { title: true } } } });
  return docs.map((d) => ({ id: d.id, title: d.title, meetingTitle: d.meeting.title }));
}

/**
 * A paper sent with the request, for whoever may see the request (members asked need not be in its meeting), as a
 * copy stamped with the reader's name, the time and its confidentiality mark (lib/documents/download.ts).
 */
export async function getOpinionPaperFile(actor: Actor, opinionId: string, documentId: string) {
  await authorizeOpinion(db, actor, "opinion.view", opinionId);
  const linked = await db.opinionPaper.findUnique({ where: { requestId_documentId: { requestId: opinionId, documentId } } });
  if (!linked) throw notFound();
  const version = await db.documentVersion.findFirst({
    where: { documentId }, orderBy: { number: "desc" },
    select: { number: true, fileHash: true, fileName: true, document: { select: { confidentiality: true } } },
  });
  if (!version) throw notFound();
  const { bytes, locale } = await stampedCopy(actor, { documentId, number: version.number, fileHash: version.fileHash, confidentiality: version.document.confidentiality });
  return { fileName: version.fileName, bytes, locale };
}

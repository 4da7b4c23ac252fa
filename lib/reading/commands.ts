// Read receipts: a legal record of who opened which version of a paper, when, and which pages they saw. Personal
// state written through the user-scoped path: no meeting version, no room event.
import { db } from "../db/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { deputySeatOf, documentScope, type Actor } from "../policy/index.ts";
import { personalWrite } from "../personal/write.ts";
import { mergePages, storedPages, type ReadingReport, type ReceiptJson } from "./schema.ts";

/**
 * One batched report from a reader's device: opens the receipt for (reader, version) on the first report, then
 * keeps the union of pages seen and the current page. Only participants keep receipts (the secretariat reading a
 * paper is not "a member has read it"), and the deputy a member named: their receipt says whose seat they read for.
 */
export async function recordReading(actor: Actor, documentId: string, report: ReadingReport): Promise<{ receipt: ReceiptJson }> {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound();
  return personalWrite(actor, { meetingId: doc.meetingId, action: "reading.record" }, async (tx, { meeting }) => {
    const visible = await tx.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { id: true } });
    if (!visible) throw notFound();
    const version = await tx.documentVersion.findUnique({
      where: { documentId_number: { documentId, number: report.version } },
      select: { id: true, number: true, pageCount: true },
    });
    if (!version) throw notFound();
    const outside = [...report.pages, report.lastPage].some((p) => p > version.pageCount);
    if (outside) throw invalid("VALIDATION", { pages: [{ key: "field.tooBig", values: { maximum: version.pageCount } }] });
    const key = { userId_documentVersionId: { userId: actor.id, documentVersionId: version.id } };
    const before = await tx.readReceipt.findUnique({ where: key, select: { pagesSeen: true } });
    const pagesSeen = mergePages(storedPages(before?.pagesSeen), report.pages, version.pageCount);
    const now = new Date();
    // A deputy (no seat of their own) reads for the member whose answer named them (the first, should two have).
    const seat = meeting.participant ? null : await tx.participant.findFirst({ where: { meetingId: doc.meetingId, ...deputySeatOf(actor.id) }, orderBy: { createdAt: "asc" }, select: { userId: true } });
    const onBehalfOfId = seat?.userId ?? null;
    const row = await tx.readReceipt.upsert({
      where: key,
      create: { userId: actor.id, onBehalfOfId, documentVersionId: version.id, pagesSeen, lastPage: report.lastPage, firstOpenedAt: now, lastOpenedAt: now },
      update: { pagesSeen, lastPage: report.lastPage, lastOpenedAt: now, onBehalfOfId },
    });
    return {
      result: {
        receipt: {
          userId: actor.id, onBehalfOf: onBehalfOfId, documentId, version: version.number, pageCount: version.pageCount, pagesSeen: pagesSeen.length,
          lastPage: row.lastPage, firstOpenedAt: row.firstOpenedAt.toISOString(), lastOpenedAt: row.lastOpenedAt.toISOString(),
        },
      },
    };
  });
}

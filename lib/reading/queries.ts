// Reads for the reader and for reading progress, always through the policy's scope filters.
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { can, documentScope, type Actor } from "../policy/index.ts";
import { asDate, readConsistent, sql } from "../db/read.ts";
import { readVisiblePaper } from "../documents/queries.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { storedPages, type ReadingProgress } from "./schema.ts";
import { firstPageSize } from "../documents/firstpage.ts";

/**
 * What the reader page needs: the paper (if the actor may see it, readVisiblePaper), its versions, and where this
 * reader left off, read with prepared statements (every member of a room opens the same papers at once: through
 * Prisma these were 8 queries).
 */
export async function readerView(actor: Actor, meetingId: string, documentId: string) {
  const { document, resource, meeting } = readVisiblePaper(actor, documentId, meetingId);
  const [versions, [last], [before]] = readConsistent([
    sql`SELECT "number", "pageCount", "size", "createdAt", "fileHash" FROM "DocumentVersion" WHERE "documentId" = ${documentId} ORDER BY "number" DESC`,
    // The last page on any device, on whichever version was read last.
    sql`SELECT r."lastPage", v."number" FROM "ReadReceipt" r JOIN "DocumentVersion" v ON v."id" = r."documentVersionId"
        WHERE r."userId" = ${actor.id} AND v."documentId" = ${documentId} ORDER BY r."lastOpenedAt" DESC LIMIT 1`,
    // The newest earlier version this reader opened: what "changed since you read it" compares the latest against.
    sql`SELECT MAX(v."number") AS "number" FROM "ReadReceipt" r JOIN "DocumentVersion" v ON v."id" = r."documentVersionId"
        WHERE r."userId" = ${actor.id} AND v."documentId" = ${documentId}
          AND v."number" < (SELECT MAX(l."number") FROM "DocumentVersion" l WHERE l."documentId" = ${documentId})`,
  ]);
  if (versions.length === 0) throw notFound();
  return {
    meeting,
    document,
    versions: await Promise.all(versions.map(async (v) => ({
      number: Number(v.number), pageCount: Number(v.pageCount), size: Number(v.size), createdAt: asDate(v.createdAt).toISOString(),
      /** The size of the picture of its first page (lib/documents/firstpage.ts), shown until pdf.js has drawn it; null: none. */
      firstPage: await firstPageSize(String(v.fileHash)),
    }))),
    lastRead: last ? { page: Number(last.lastPage), version: Number(last.number) } : null,
    // MAX over no rows is one row with null.
    readBefore: before.number === null ? null : Number(before.number),
    viewerId: actor.id,
    /** A stamped copy to keep (GET /documents/{id}/download): never a top-secret paper, except for the secretariat. */
    mayDownload: can(actor, "document.download", { ...resource, confidentiality: document.confidentiality }),
    /** Participants keep read receipts and write notes; the secretariat only reads. */
    participant: resource.meeting.participant !== null,
    /** Read receipts are kept: a participant's, or a named deputy's for the member they attend for. */
    recordsReading: can(actor, "reading.record", resource.meeting),
  };
}
export type ReaderView = Awaited<ReturnType<typeof readerView>>;

/**
 * Reading progress of a meeting: for the secretariat, the chair and the meeting's secretary, every participant's
 * receipts; for anyone else who sees the meeting, their own. Papers are only those the viewer may see.
 */
export async function readingProgress(actor: Actor, meetingId: string): Promise<ReadingProgress> {
  const meeting = await authorizeMeeting(db, actor, "meeting.view", meetingId);
  const everyone = can(actor, "meeting.readingProgress", meeting);
  const [docs, participants] = await Promise.all([
    db.document.findMany({
      where: { AND: [{ meetingId }, documentScope(actor)] },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, versions: { orderBy: { number: "desc" }, select: { id: true, number: true, pageCount: true } } },
    }),
    db.participant.findMany({
      where: { meetingId, ...(everyone ? {} : { userId: actor.id }) },
      orderBy: { createdAt: "asc" },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);
  const versionOf = new Map(docs.flatMap((d) => d.versions.map((v) => [v.id, { documentId: d.id, ...v }] as const)));
  const seats = participants.map((p) => p.user.id);
  const rows = await db.readReceipt.findMany({
    // Theirs and what a deputy read in their place; and one's own reading (a deputy has no seat of their own).
    where: { documentVersionId: { in: [...versionOf.keys()] }, OR: [{ userId: { in: everyone ? seats : [...seats, actor.id] } }, { onBehalfOfId: { in: seats } }] },
    orderBy: { firstOpenedAt: "asc" },
    include: { user: { select: { name: true } } },
  });
  const readerIds = new Set(seats);
  const deputies = new Map(rows.filter((r) => !readerIds.has(r.userId)).map((r) => [r.userId, r.user.name]));
  return {
    viewer: { userId: actor.id, participant: meeting.participant !== null, records: can(actor, "reading.record", meeting), everyone },
    papers: docs.filter((d) => d.versions.length > 0).map((d) => ({ id: d.id, title: d.title, version: d.versions[0].number, pageCount: d.versions[0].pageCount })),
    readers: participants.map((p) => ({ userId: p.user.id, name: p.user.name, role: p.role })),
    receipts: rows.map((r) => {
      const v = versionOf.get(r.documentVersionId)!;
      return {
        userId: r.userId, onBehalfOf: r.onBehalfOfId, documentId: v.documentId, version: v.number, pageCount: v.pageCount, pagesSeen: storedPages(r.pagesSeen).length,
        lastPage: r.lastPage, firstOpenedAt: r.firstOpenedAt.toISOString(), lastOpenedAt: r.lastOpenedAt.toISOString(),
      };
    }),
    deputies: [...deputies].map(([userId, name]) => ({ userId, name })),
  };
}

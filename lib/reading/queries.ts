// Reads for the reader and for reading progress, always through the policy's scope filters.
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { can, documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { storedPages, type ReadingProgress } from "./schema.ts";
import { firstPageSize } from "../documents/firstpage.ts";

/** What the reader page needs: the paper (if the actor may see it), its versions, and where this reader left off. */
export async function readerView(actor: Actor, meetingId: string, documentId: string) {
  const meeting = await authorizeMeeting(db, actor, "meeting.view", meetingId);
  const document = await db.document.findFirst({
    where: { AND: [{ id: documentId, meetingId }, documentScope(actor)] },
    select: {
      id: true, title: true, confidentiality: true, meetingId: true, restricted: true, access: { select: { userId: true } },
      versions: { orderBy: { number: "desc" }, select: { id: true, number: true, pageCount: true, size: true, createdAt: true, fileHash: true } },
    },
  });
  if (!document || document.versions.length === 0) throw notFound();
  // The last page on any device, on whichever version was read last.
  const last = await db.readReceipt.findFirst({
    where: { userId: actor.id, documentVersion: { documentId } },
    orderBy: { lastOpenedAt: "desc" },
    select: { lastPage: true, documentVersion: { select: { number: true } } },
  });
  // The newest earlier version this reader opened: what "changed since you read it" compares the latest against.
  const before = await db.readReceipt.findFirst({
    where: { userId: actor.id, documentVersion: { documentId, number: { lt: document.versions[0].number } } },
    orderBy: { documentVersion: { number: "desc" } },
    select: { documentVersion: { select: { number: true } } },
  });
  return {
    meeting: { id: meeting.id, title: meeting.title, version: meeting.version },
    document: { id: document.id, title: document.title, confidentiality: document.confidentiality },
    versions: await Promise.all(document.versions.map(async (v) => ({
      number: v.number, pageCount: v.pageCount, size: v.size, createdAt: v.createdAt.toISOString(),
      /** The size of the picture of its first page (lib/documents/firstpage.ts), shown until pdf.js has drawn it; null: none. */
      firstPage: await firstPageSize(v.fileHash),
    }))),
    lastRead: last ? { page: last.lastPage, version: last.documentVersion.number } : null,
    readBefore: before?.documentVersion.number ?? null,
    viewerId: actor.id,
    /** A stamped copy to keep (GET /documents/{id}/download): never a top-secret paper, except for the secretariat. */
    mayDownload: can(actor, "document.download", {
      meeting, restricted: document.restricted, allowedUserIds: document.access.map((a) => a.userId), confidentiality: document.confidentiality,
    }),
    /** Participants keep read receipts and write notes; the secretariat only reads. */
    participant: meeting.participant !== null,
    /** Read receipts are kept: a participant's, or a named deputy's for the member they attend for. */
    recordsReading: can(actor, "reading.record", meeting),
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

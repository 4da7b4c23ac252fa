// Reading a paper's file: the meeting must be visible and the document within documentScope (restricted ones only
// for the secretariat and listed participants). Anything else is a 404, so existence is not disclosed.
import { db } from "../db/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { authorize, documentScope, type Actor, type DocumentResource } from "../policy/index.ts";
import { asBool, readConsistent, sql } from "../db/read.ts";
import { readMeetingHead } from "../meetings/snapshot.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { firstPagePicture } from "./firstpage.ts";
import { changedPages, storedPageText } from "./pagetext.ts";
import { openBlob } from "./storage.ts";

/**
 * A paper the actor may see (document.view: the meeting visible, a restricted paper only for the secretariat and those
 * it is shared with), read with prepared statements (lib/db/read.ts: ~0.1 ms, where Prisma took 4-5 queries and 5-14
 * ms of server CPU; every range request and every reader page of every tablet asks): the paper, the facts the policy
 * judged, and its meeting's title and version. NOT_FOUND for a paper that is not there, not in `meetingId` when one
 * is given, or not the actor's to see.
 */
export function readVisiblePaper(actor: Actor, documentId: string, meetingId?: string) {
  const [[doc]] = readConsistent([
    sql`SELECT d."id", d."meetingId", d."title", d."confidentiality", d."restricted",
               EXISTS (SELECT 1 FROM "DocumentAccess" da WHERE da."documentId" = d."id" AND da."userId" = ${actor.id}) AS "shared"
        FROM "Document" d WHERE d."id" = ${documentId}`,
  ]);
  if (!doc || (meetingId !== undefined && doc.meetingId !== meetingId)) throw notFound();
  const head = readMeetingHead(actor.id, String(doc.meetingId));
  if (!head) throw notFound();
  // Only the asker's own access row is read: whether the paper is shared with anyone else decides nothing for them.
  const resource: DocumentResource = { meeting: head.resource, restricted: asBool(doc.restricted), allowedUserIds: asBool(doc.shared) ? [actor.id] : [] };
  authorize(actor, "document.view", resource);
  return {
    document: { id: String(doc.id), title: String(doc.title), confidentiality: doc.confidentiality as "NORMAL" | "CONFIDENTIAL" | "SECRET" },
    resource,
    meeting: { id: head.resource.id, title: head.title, version: head.version },
  };
}

/**
 * The latest version, or version number `versionNumber`, of a paper the actor may see (readVisiblePaper), and a way
 * to open it (or a byte range of it) as a stream from disk (never the whole file in memory).
 */
export async function getDocumentFile(actor: Actor, documentId: string, versionNumber?: number) {
  const { document } = readVisiblePaper(actor, documentId);
  const [[version]] = readConsistent([
    versionNumber
      ? sql`SELECT "id", "number", "fileHash", "fileName", "size", "pageCount" FROM "DocumentVersion"
            WHERE "documentId" = ${documentId} AND "number" = ${versionNumber}`
      : sql`SELECT "id", "number", "fileHash", "fileName", "size", "pageCount" FROM "DocumentVersion"
            WHERE "documentId" = ${documentId} ORDER BY "number" DESC LIMIT 1`,
  ]);
  if (!version) throw notFound();
  const file = {
    id: String(version.id), number: Number(version.number), fileHash: String(version.fileHash), fileName: String(version.fileName),
    size: Number(version.size), pageCount: Number(version.pageCount),
  };
  const open = async (range?: { start: number; end: number }) => {
    const blob = await openBlob(file.fileHash, range);
    if (!blob) {
      // The database says the file exists; the disk disagrees (restored from an older backup?). Worth a log line.
      console.error(`[documents] missing file ${file.fileHash} for document ${documentId} v${file.number}`);
      throw notFound();
    }
    return blob.stream;
  };
  return { document, version: file, open };
}

/**
 * The picture of a paper version's first page (firstpage.ts), by the same rules as its file (getDocumentFile), and
 * like the file never kept by a browser's or a proxy's cache (it is the paper's first page, and papers may be
 * confidential: a lost tablet keeps none of them); a 404 while there is no picture (one pdf.js could not draw).
 */
export async function firstPageOfDocument(actor: Actor, documentId: string, versionNumber: number | undefined): Promise<Response> {
  const { version } = await getDocumentFile(actor, documentId, versionNumber);
  const picture = await firstPagePicture(version.fileHash);
  if (!picture) throw notFound();
  return new Response(new Uint8Array(picture), {
    headers: { "Content-Type": "image/webp", "Cache-Control": "private, no-store" },
  });
}

/**
 * The pages of version `version` whose text is not in version `since` ("changed since you read it"). Same rules as
 * the file: the meeting visible and the paper within documentScope; the paper text itself never leaves the server.
 */
export async function versionChanges(actor: Actor, documentId: string, version: number, since: number) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound();
  await authorizeMeeting(db, actor, "meeting.view", doc.meetingId);
  const visible = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { id: true } });
  if (!visible) throw notFound();
  if (since > version) throw invalid("VALIDATION", { since: [{ key: "field.tooBig", values: { maximum: version } }] });
  const versions = await db.documentVersion.findMany({ where: { documentId, number: { in: [version, since] } }, select: { number: true, fileHash: true, pageCount: true } });
  const newer = versions.find((v) => v.number === version);
  const older = versions.find((v) => v.number === since);
  if (!newer || !older) throw notFound();
  const changed = since === version ? [] : changedPages(await storedPageText(older.fileHash), await storedPageText(newer.fileHash));
  return { version, since, pageCount: newer.pageCount, changedPages: changed };
}

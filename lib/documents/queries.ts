// Reading a paper's file: the meeting must be visible and the document within documentScope (restricted ones only
// for the secretariat and listed participants). Anything else is a 404, so existence is not disclosed.
import { db } from "../db/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { firstPagePicture } from "./firstpage.ts";
import { changedPages, storedPageText } from "./pagetext.ts";
import { openBlob } from "./storage.ts";

/**
 * The latest version, or version number `versionNumber`, and a way to open it (or a byte range of it) as a stream from
 * disk (never the whole file in memory).
 */
export async function getDocumentFile(actor: Actor, documentId: string, versionNumber?: number) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound();
  await authorizeMeeting(db, actor, "meeting.view", doc.meetingId);
  const visible = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { id: true, title: true, confidentiality: true } });
  if (!visible) throw notFound();
  const version = await db.documentVersion.findFirst({
    where: { documentId, ...(versionNumber ? { number: versionNumber } : {}) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, fileHash: true, fileName: true, size: true, pageCount: true }, // not the text
  });
  if (!version) throw notFound();
  const open = async (range?: { start: number; end: number }) => {
    const file = await openBlob(version.fileHash, range);
    if (!file) {
      // The database says the file exists; the disk disagrees (restored from an older backup?). Worth a log line.
      console.error(`[documents] missing file ${version.fileHash} for document ${documentId} v${version.number}`);
      throw notFound();
    }
    return file.stream;
  };
  return { document: visible, version, open };
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

// Reading a paper's file: the meeting must be visible and the document within documentScope (restricted ones only
// for the secretariat and listed participants). Anything else is a 404, so existence is not disclosed.
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { openBlob } from "./storage.ts";

/** The latest version, or version number `versionNumber`, as a stream from disk (never the whole file in memory). */
export async function getDocumentFile(actor: Actor, documentId: string, versionNumber?: number) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound("Document");
  await authorizeMeeting(db, actor, "meeting.view", doc.meetingId);
  const visible = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { id: true, title: true, confidentiality: true } });
  if (!visible) throw notFound("Document");
  const version = await db.documentVersion.findFirst({
    where: { documentId, ...(versionNumber ? { number: versionNumber } : {}) },
    orderBy: { number: "desc" },
    select: { id: true, number: true, fileHash: true, fileName: true, size: true, pageCount: true }, // not the text
  });
  if (!version) throw notFound("Document version");
  const file = await openBlob(version.fileHash);
  if (!file) {
    // The database says the file exists; the disk disagrees (restored from an older backup?). Worth a log line.
    console.error(`[documents] missing file ${version.fileHash} for document ${documentId} v${version.number}`);
    throw notFound("Document file");
  }
  return { document: visible, version, ...file };
}

/**
 * `inline` with the original name: an ASCII fallback for old clients, and the exact UTF-8 name (RFC 8187) for the
 * rest. encodeURIComponent leaves ' ( ) * as they are, which RFC 8187 does not allow, so those are escaped too.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

// Reading a paper's file: the meeting must be visible and the document within documentScope (restricted ones only
// for the secretariat and listed participants). Anything else is a 404, so existence is not disclosed.
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { readBlob } from "./storage.ts";

export async function getDocumentFile(actor: Actor, documentId: string, versionNumber?: number) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound("Document");
  await authorizeMeeting(db, actor, "meeting.view", doc.meetingId);
  const visible = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { id: true, title: true, confidentiality: true } });
  if (!visible) throw notFound("Document");
  const version = await db.documentVersion.findFirst({
    where: { documentId, ...(versionNumber ? { number: versionNumber } : {}) },
    orderBy: { number: "desc" },
  });
  if (!version) throw notFound("Document version");
  return { document: visible, version, bytes: await readBlob(version.fileHash) };
}

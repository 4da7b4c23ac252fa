// Loads what the policy needs to judge an annotation action: the paper (with its restriction) inside its meeting.
import type { Tx } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import type { Actor, DocumentResource } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";

export async function loadPaper(tx: Tx, actor: Actor, documentId: string) {
  const doc = await tx.document.findUnique({
    where: { id: documentId },
    select: { id: true, meetingId: true, restricted: true, access: { select: { userId: true } } },
  });
  if (!doc) throw notFound();
  const meeting = await loadMeetingResource(tx, actor, doc.meetingId);
  const resource: DocumentResource = { meeting, restricted: doc.restricted, allowedUserIds: doc.access.map((a) => a.userId) };
  return { doc, meeting, resource };
}

/** A paper version by number, or 404. */
export async function paperVersion(tx: Tx, documentId: string, number: number) {
  const v = await tx.documentVersion.findUnique({ where: { documentId_number: { documentId, number } }, select: { id: true, number: true, pageCount: true } });
  if (!v) throw notFound();
  return v;
}

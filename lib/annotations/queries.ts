// Reads of annotations, always through annotationScope (one's own, and shared ones on papers one may see).
import { db } from "../db/index.ts";
import { annotationScope, authorize, documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { loadPaper, paperVersion } from "./access.ts";
import { annotationRowSelect, annotationView } from "./view.ts";

/** The annotations of one paper version this actor may see: their own (private or shared) and others' shared ones. */
export async function listAnnotations(actor: Actor, documentId: string, version: number) {
  const { resource } = await loadPaper(db, actor, documentId);
  authorize(actor, "document.view", resource);
  const v = await paperVersion(db, documentId, version);
  const rows = await db.annotation.findMany({
    where: { AND: [{ documentVersionId: v.id, deletedAt: null }, annotationScope(actor)] },
    orderBy: [{ page: "asc" }, { createdAt: "asc" }],
    select: annotationRowSelect,
  });
  return { annotations: rows.map(annotationView) };
}

/** One's own notes across a meeting's papers ("My notes"), in paper and page order. */
export async function myNotes(actor: Actor, meetingId: string) {
  await authorizeMeeting(db, actor, "meeting.view", meetingId);
  const rows = await db.annotation.findMany({
    where: { authorId: actor.id, deletedAt: null, documentVersion: { document: { AND: [{ meetingId }, documentScope(actor)] } } },
    orderBy: [{ documentVersion: { document: { createdAt: "asc" } } }, { documentVersion: { number: "asc" } }, { page: "asc" }, { createdAt: "asc" }],
    select: {
      clientId: true, page: true, kind: true, text: true, visibility: true, updatedAt: true,
      documentVersion: { select: { number: true, document: { select: { id: true, title: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } } } } },
    },
  });
  return {
    notes: rows.map((r) => ({
      clientId: r.clientId, documentId: r.documentVersion.document.id, documentTitle: r.documentVersion.document.title,
      version: r.documentVersion.number, latestVersion: r.documentVersion.document.versions[0]?.number ?? r.documentVersion.number,
      page: r.page, kind: r.kind, text: r.text, visibility: r.visibility, updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

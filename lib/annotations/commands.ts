// Writing annotations: personal writes (lib/personal/write.ts) — no meeting version; the author's own devices are
// told which note changed (ids only). A note shared with the meeting also reaches the paper's readers, after the
// commit: the meeting's room, or for a restricted paper only the secretariat and its listed readers.
import { db } from "../db/index.ts";
import { conflict, invalid } from "../errors/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { personalWrite } from "../personal/write.ts";
import { publishToPaperReaders } from "../realtime/publish.ts";
import { loadPaper, paperVersion } from "./access.ts";
import { ANNOTATION_FORMAT, type AnnotationInput, type AnnotationJson, type StoredGeometry } from "./schema.ts";
import { annotationRowSelect, annotationView } from "./view.ts";

type Paper = Awaited<ReturnType<typeof loadPaper>>;
const readersOf = (p: Paper) => ({ meetingId: p.doc.meetingId, restricted: p.doc.restricted, allowedUserIds: p.resource.allowedUserIds });

/**
 * Creates or replaces the author's annotation `clientId` (idempotent: the same request twice is one note). A note
 * deleted meanwhile stays deleted (409): a late retry does not bring it back.
 */
export async function saveAnnotation(actor: Actor, documentId: string, clientId: string, input: AnnotationInput) {
  const meetingId = (await loadPaper(db, actor, documentId)).doc.meetingId;
  let paper!: Paper;
  let before: { visibility: string } | null = null;
  const saved = await personalWrite(actor, { meetingId, action: "meeting.view" }, async (tx) => {
    paper = await loadPaper(tx, actor, documentId);
    authorize(actor, "annotation.create", paper.resource);
    const version = await paperVersion(tx, documentId, input.version);
    if (input.page > version.pageCount) throw invalid("VALIDATION", { page: [{ key: "field.tooBig", values: { maximum: version.pageCount } }] });
    const existing = await tx.annotation.findUnique({ where: { authorId_clientId: { authorId: actor.id, clientId } }, select: { id: true, documentVersionId: true, deletedAt: true, visibility: true, geometry: true } });
    if (existing && existing.documentVersionId !== version.id) throw invalid("VALIDATION", { clientId: ["field.invalid"] });
    if (existing?.deletedAt) throw conflict();
    before = existing;
    const geometry: StoredGeometry = { v: ANNOTATION_FORMAT, bounds: input.bounds, editor: input.editor, anchor: input.anchor };
    const carried = (existing?.geometry as StoredGeometry | undefined)?.carriedFrom;
    if (carried) geometry.carriedFrom = carried;
    const data = { page: input.page, kind: input.kind, geometry: geometry as object, text: input.text, visibility: input.visibility };
    const row = existing
      ? await tx.annotation.update({ where: { id: existing.id }, data, select: annotationRowSelect })
      : await tx.annotation.create({ data: { ...data, documentVersionId: version.id, authorId: actor.id, clientId }, select: annotationRowSelect });
    const annotation = annotationView(row);
    return {
      result: { annotation },
      event: { name: "annotation.changed" as const, payload: { documentId, version: version.number, clientId, deleted: false, updatedAt: annotation.updatedAt } },
    };
  });
  announce(paper, before, saved.annotation);
  return saved;
}

/** Deletes the author's annotation (idempotent: one already gone, or never received, is deleted too). */
export async function deleteAnnotation(actor: Actor, documentId: string, clientId: string) {
  const meetingId = (await loadPaper(db, actor, documentId)).doc.meetingId;
  let paper!: Paper;
  let removed: AnnotationJson | null = null;
  const result = await personalWrite(actor, { meetingId, action: "meeting.view" }, async (tx) => {
    paper = await loadPaper(tx, actor, documentId);
    authorize(actor, "annotation.create", paper.resource);
    const existing = await tx.annotation.findFirst({
      where: { authorId: actor.id, clientId, documentVersion: { documentId } },
      select: { ...annotationRowSelect, deletedAt: true },
    });
    if (!existing || existing.deletedAt) return { result: { clientId, deleted: true as const } };
    authorize(actor, "annotation.edit", { document: paper.resource, authorId: actor.id, visibility: existing.visibility });
    await tx.annotation.update({ where: { id: existing.id }, data: { deletedAt: new Date() } });
    if (existing.visibility === "MEETING") removed = annotationView(existing);
    return {
      result: { clientId, deleted: true as const },
      event: { name: "annotation.changed" as const, payload: { documentId, version: existing.documentVersion.number, clientId, deleted: true } },
    };
  });
  const gone = removed as AnnotationJson | null;
  if (gone) publishToPaperReaders(readersOf(paper), "annotation.removed", { documentId, version: gone.version, authorId: actor.id, clientId });
  return result;
}

/** After the commit: a shared note reaches the paper's readers; one made private again leaves their screens. */
function announce(paper: Paper, before: { visibility: string } | null, now: AnnotationJson) {
  if (now.visibility === "MEETING") publishToPaperReaders(readersOf(paper), "annotation.shared", { annotation: now });
  else if (before?.visibility === "MEETING") {
    publishToPaperReaders(readersOf(paper), "annotation.removed", { documentId: now.documentId, version: now.version, authorId: now.author.id, clientId: now.clientId });
  }
}

// A member's notes follow their paper to its new version: asked for by the member's own reader when it opens the
// version (a personal write, like saving a note), from the latest earlier version they wrote on. The notes stay on
// the version they were written on; each one whose words are found in the new version gets a copy there, anchored
// to those words (lib/annotations/anchoring.ts), remembering where it came from. Asking again changes nothing: a
// note already carried (or carried and then deleted by its author) is not carried again.
import crypto from "node:crypto";
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { personalWrite } from "../personal/write.ts";
import { publishToPaperReaders, publishUserEvent } from "../realtime/publish.ts";
import { storedPageText } from "../documents/pagetext.ts";
import { loadPaper } from "./access.ts";
import { carryNote, type CarriedNote } from "./anchoring.ts";
import { ANNOTATION_FORMAT, type AnnotationJson, type CarriedJson, type StoredGeometry } from "./schema.ts";
import { annotationRowSelect, annotationView } from "./view.ts";

/** The carried copy's client id: one per (note, version), so two devices carrying at once make one copy. */
export const carriedClientId = (annotationId: string, version: number) =>
  `cv${version}-${crypto.createHash("sha256").update(annotationId).digest("base64url").slice(0, 40)}`;

export async function carryNotes(actor: Actor, documentId: string, to: number): Promise<CarriedJson> {
  const paper = await loadPaper(db, actor, documentId);
  authorize(actor, "annotation.create", paper.resource);
  const target = await db.documentVersion.findUnique({ where: { documentId_number: { documentId, number: to } }, select: { id: true, number: true, fileHash: true } });
  if (!target) throw notFound();
  const source = await db.documentVersion.findFirst({
    where: { documentId, number: { lt: to }, annotations: { some: { authorId: actor.id, deletedAt: null } } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, fileHash: true },
  });
  if (!source) return { from: null, carried: [], unplaced: [] };
  const notes = await db.annotation.findMany({
    where: { documentVersionId: source.id, authorId: actor.id, deletedAt: null },
    orderBy: [{ page: "asc" }, { createdAt: "asc" }],
    select: annotationRowSelect,
  });
  const handled = new Set(
    (await db.annotation.findMany({ where: { documentVersionId: target.id, authorId: actor.id }, select: { geometry: true } }))
      .map((r) => (r.geometry as StoredGeometry | null)?.carriedFrom).filter(Boolean),
  );
  const pending = notes.filter((n) => !handled.has(n.id));
  if (pending.length === 0) return { from: source.number, carried: [], unplaced: [] };

  // Reading the two files' text takes a moment on a long paper: outside the transaction.
  const [older, newer] = await Promise.all([storedPageText(source.fileHash), storedPageText(target.fileHash)]);
  const plans = pending.map((n) => {
    const g = n.geometry as unknown as StoredGeometry;
    return { note: n, geometry: g, place: carryNote(older, newer, { page: n.page, editor: g.editor, anchor: g.anchor ?? null }) };
  });

  const carried = await personalWrite(actor, { meetingId: paper.doc.meetingId, action: "meeting.view" }, async (tx) => {
    authorize(actor, "annotation.create", (await loadPaper(tx, actor, documentId)).resource);
    const made: AnnotationJson[] = [];
    for (const { note, geometry, place } of plans) {
      if (!place) continue;
      const clientId = carriedClientId(note.id, target.number);
      if (await tx.annotation.findUnique({ where: { authorId_clientId: { authorId: actor.id, clientId } }, select: { id: true } })) continue;
      const row = await tx.annotation.create({
        data: {
          documentVersionId: target.id, authorId: actor.id, clientId, page: place.page, kind: note.kind, text: note.text, visibility: note.visibility,
          geometry: carriedGeometry(geometry, place, note.id) as object,
        },
        select: annotationRowSelect,
      });
      made.push(annotationView(row));
    }
    return { result: made };
  });
  // After the commit: the member's other devices fetch the new notes; shared ones reach the paper's readers.
  for (const a of carried) {
    publishUserEvent(actor.id, "annotation.changed", { documentId, version: a.version, clientId: a.clientId, deleted: false, updatedAt: a.updatedAt });
    if (a.visibility === "MEETING") {
      publishToPaperReaders({ meetingId: paper.doc.meetingId, restricted: paper.doc.restricted, allowedUserIds: paper.resource.allowedUserIds }, "annotation.shared", { annotation: a });
    }
  }
  return {
    from: source.number,
    carried,
    unplaced: plans.filter((p) => !p.place).map(({ note }) => ({ clientId: note.clientId, version: source.number, page: note.page, kind: note.kind, text: note.text })),
  };
}

function carriedGeometry(g: StoredGeometry, place: CarriedNote, from: string): StoredGeometry {
  return { v: ANNOTATION_FORMAT, bounds: place.bounds, editor: place.editor, anchor: g.anchor ?? null, carriedFrom: from };
}

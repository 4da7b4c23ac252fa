// Briefing papers: upload (validated, stored by hash), new versions. Nothing is stored when anything fails.
import { db } from "../db/index.ts";
import { AppError, invalid, notFound } from "../errors/index.ts";
import { documentScope, type Actor } from "../policy/index.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import { meetingEvent } from "../meetings/change.ts";
import { editMeeting } from "../meetings/edit.ts";
import { firstPagePicture } from "./firstpage.ts";
import { inspectPdf } from "./pdf.ts";
import type { UpdateDocument } from "./schema.ts";
import { removeBlob, sha256, storeBlob, withBlobLock } from "./storage.ts";

export const maxUploadBytes = () => Number(process.env.MAX_UPLOAD_MB || 100) * 1024 * 1024;

export const tooLarge = () => {
  const mb = +(maxUploadBytes() / 1024 / 1024).toFixed(2);
  const text = { key: "reasons.FILE_TOO_LARGE", values: { mb } } as const;
  return new AppError("TOO_LARGE", text, { file: [text] }, { reason: "FILE_TOO_LARGE", mb });
};

export interface UploadInput {
  title: string;
  agendaItemId?: string | null;
  confidentiality?: "NORMAL" | "CONFIDENTIAL" | "SECRET";
  fileName: string;
  bytes: Uint8Array;
}

function checkSize(bytes: Uint8Array) {
  if (bytes.length > maxUploadBytes()) throw tooLarge();
}

/**
 * Stores the blob, runs the DB change, and takes the blob back out if the change fails and nothing else uses it.
 * Under the hash's lock, so a concurrent delete of a paper with the same content cannot remove the file in between.
 */
async function withStoredBlob<T>(bytes: Uint8Array, work: (hash: string) => Promise<T>): Promise<T> {
  return withBlobLock(sha256(bytes), async () => {
    const { hash, created } = await storeBlob(bytes);
    try {
      return await work(hash);
    } catch (e) {
      if (created && (await db.documentVersion.count({ where: { fileHash: hash } })) === 0) await removeBlob(hash);
      throw e;
    }
  });
}

/** The first page's picture (firstpage.ts), made after the upload's answer has gone: an upload is not slowed by it. */
function drawFirstPageLater(fileHash: string, bytes: Uint8Array) {
  setImmediate(() => void firstPagePicture(fileHash, bytes));
}

/** Removes files no version refers to any more; call only after the commit that dropped the references. */
async function removeUnusedBlobs(hashes: Iterable<string>) {
  for (const hash of new Set(hashes)) {
    await withBlobLock(hash, async () => {
      if ((await db.documentVersion.count({ where: { fileHash: hash } })) === 0) await removeBlob(hash);
    });
  }
}

/** The extracted text is for search; it does not travel back in API answers (it can be megabytes). */
const withoutText = <V extends { text: string }>({ text: _text, ...version }: V) => version;

/**
 * The meeting a document belongs to, for a write. Restricted papers outside the actor's documentScope are a 404
 * like a missing one, so a member cannot learn of a paper they may not see by trying to change it.
 */
async function meetingOfDocument(actor: Actor, documentId: string) {
  const doc = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope(actor)] }, select: { meetingId: true } });
  if (!doc) throw notFound();
  return doc.meetingId;
}

/**
 * Policy before the body: an upload may be 100 MB, so who may not change the meeting is refused (403, or 404 when
 * they may not even see it) before the file is read, parsed or written. The change itself checks again in its
 * transaction; this only answers early.
 */
export async function authorizeUpload(actor: Actor, target: { meetingId: string } | { documentId: string }) {
  const meetingId = "meetingId" in target ? target.meetingId : await meetingOfDocument(actor, target.documentId);
  await authorizeMeeting(db, actor, "meeting.edit", meetingId);
}

export async function uploadDocument(actor: Actor, meetingId: string, input: UploadInput) {
  checkSize(input.bytes);
  const info = await inspectPdf(input.bytes);
  const out = await withStoredBlob(input.bytes, (fileHash) =>
    editMeeting(actor, meetingId, undefined, async (tx, { version }) => {
      if (input.agendaItemId) {
        const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId }, select: { id: true } });
        if (!item) throw invalid("agenda.itemNotFound", { agendaItemId: ["agenda.itemNotFound"] });
      }
      const document = await tx.document.create({
        data: {
          meetingId,
          agendaItemId: input.agendaItemId ?? null,
          title: input.title,
          confidentiality: input.confidentiality ?? "NORMAL",
          changedAtVersion: version,
          versions: {
            create: { number: 1, fileHash, fileName: input.fileName, size: input.bytes.length, pageCount: info.pageCount, text: info.text, uploadedById: actor.id },
          },
        },
        include: { versions: true },
      });
      const { versions, ...doc } = document;
      return {
        result: { document: doc, version: withoutText(versions[0]), pageCount: info.pageCount },
        event: meetingEvent("documents.changed", "created"),
        touched: { documents: [doc.id] },
        audit: { action: "document.upload", subjectType: "Document", subjectId: doc.id, data: { title: doc.title, fileHash, pages: info.pageCount } },
      };
    }),
  );
  drawFirstPageLater(out.result.version.fileHash, input.bytes);
  return out;
}

export async function addDocumentVersion(actor: Actor, documentId: string, input: { fileName: string; bytes: Uint8Array }) {
  const meetingId = await meetingOfDocument(actor, documentId);
  checkSize(input.bytes);
  const info = await inspectPdf(input.bytes);
  const out = await withStoredBlob(input.bytes, (fileHash) =>
    editMeeting(actor, meetingId, undefined, async (tx, { version }) => {
      const last = await tx.documentVersion.findFirst({ where: { documentId }, orderBy: { number: "desc" }, select: { number: true } });
      const created = await tx.documentVersion.create({
        data: { documentId, number: (last?.number ?? 0) + 1, fileHash, fileName: input.fileName, size: input.bytes.length, pageCount: info.pageCount, text: info.text, uploadedById: actor.id },
      });
      await tx.document.update({ where: { id: documentId }, data: { changedAtVersion: version } });
      return {
        result: { version: withoutText(created), pageCount: info.pageCount },
        event: meetingEvent("documents.changed", "versioned"),
        touched: { documents: [documentId] },
        audit: { action: "document.version", subjectType: "Document", subjectId: documentId, data: { number: created.number, fileHash } },
      };
    }),
  );
  drawFirstPageLater(out.result.version.fileHash, input.bytes);
  return out;
}

/** Title, confidentiality mark, agenda item, and who may see it (restricted to named participants). */
export async function updateDocument(actor: Actor, documentId: string, input: UpdateDocument) {
  const meetingId = await meetingOfDocument(actor, documentId);
  const { baseVersion, allowedUserIds, ...changes } = input;
  return editMeeting(actor, meetingId, baseVersion, async (tx, { version, trackDocuments }) => {
    await trackDocuments([documentId]);
    if (changes.agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: changes.agendaItemId, meetingId } }))) {
      throw invalid("agenda.itemNotFound", { agendaItemId: ["agenda.itemNotFound"] });
    }
    if (allowedUserIds) {
      const participants = await tx.participant.findMany({ where: { meetingId, userId: { in: allowedUserIds } }, select: { userId: true } });
      if (participants.length !== new Set(allowedUserIds).size) {
        throw invalid("documents.onlyParticipants", { allowedUserIds: ["documents.onlyParticipants"] });
      }
      await tx.documentAccess.deleteMany({ where: { documentId } });
      await tx.documentAccess.createMany({ data: participants.map((p) => ({ documentId, userId: p.userId })) });
    }
    const document = await tx.document.update({ where: { id: documentId }, data: { ...changes, changedAtVersion: version } });
    return {
      result: document,
      event: meetingEvent("documents.changed", "updated"),
      touched: { documents: [documentId] },
      audit: { action: "document.update", subjectType: "Document", subjectId: documentId, data: { ...changes, ...(allowedUserIds ? { allowedUserIds } : {}) } },
    };
  });
}

export async function deleteDocument(actor: Actor, documentId: string, baseVersion?: number) {
  const meetingId = await meetingOfDocument(actor, documentId);
  let hashes: string[] = [];
  const out = await editMeeting(actor, meetingId, baseVersion, async (tx, { trackDocuments }) => {
    await trackDocuments([documentId]);
    const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, include: { versions: { select: { fileHash: true } } } });
    hashes = doc.versions.map((v) => v.fileHash);
    await tx.document.delete({ where: { id: documentId } });
    return {
      result: { id: documentId },
      event: meetingEvent("documents.changed", "deleted"),
      touched: { removedDocuments: [documentId] },
      audit: { action: "document.delete", subjectType: "Document", subjectId: documentId, data: { title: doc.title, fileHashes: hashes } },
    };
  });
  // Files go only after the commit, and only when no other version still uses the same content.
  await removeUnusedBlobs(hashes);
  return out;
}

// Briefing papers: upload (validated, stored by hash), new versions. Nothing is stored when anything fails.
import { db } from "../db/index.ts";
import { AppError, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../policy/index.ts";
import { changeMeeting, meetingEvent } from "../meetings/change.ts";
import { inspectPdf } from "./pdf.ts";
import type { UpdateDocument } from "./schema.ts";
import { removeBlob, storeBlob } from "./storage.ts";

export const maxUploadBytes = () => Number(process.env.MAX_UPLOAD_MB || 100) * 1024 * 1024;

export interface UploadInput {
  title: string;
  agendaItemId?: string | null;
  confidentiality?: "NORMAL" | "CONFIDENTIAL" | "SECRET";
  fileName: string;
  bytes: Uint8Array;
}

function checkSize(bytes: Uint8Array) {
  const max = maxUploadBytes();
  if (bytes.length > max) {
    throw new AppError("TOO_LARGE", `The file is larger than the ${Math.round(max / 1024 / 1024)} MB limit.`, { file: ["Too large"] });
  }
}

/** Stores the blob, runs the DB change, and takes the blob back out if the change fails and nothing else uses it. */
async function withStoredBlob<T>(bytes: Uint8Array, work: (hash: string) => Promise<T>): Promise<T> {
  const { hash, created } = await storeBlob(bytes);
  try {
    return await work(hash);
  } catch (e) {
    if (created && (await db.documentVersion.count({ where: { fileHash: hash } })) === 0) await removeBlob(hash);
    throw e;
  }
}

export async function uploadDocument(actor: Actor, meetingId: string, input: UploadInput) {
  checkSize(input.bytes);
  const info = await inspectPdf(input.bytes);
  return withStoredBlob(input.bytes, (fileHash) =>
    changeMeeting(actor, meetingId, { action: "meeting.edit" }, async (tx, { version }) => {
      if (input.agendaItemId) {
        const item = await tx.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId }, select: { id: true } });
        if (!item) throw invalid("The agenda item is not in this meeting", { agendaItemId: ["Unknown agenda item"] });
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
        result: { document: doc, version: versions[0], pageCount: info.pageCount },
        event: meetingEvent("documents.changed", { change: "created", documentId: doc.id }),
        audit: { action: "document.upload", subjectType: "Document", subjectId: doc.id, data: { title: doc.title, fileHash, pages: info.pageCount } },
      };
    }),
  );
}

export async function addDocumentVersion(actor: Actor, documentId: string, input: { fileName: string; bytes: Uint8Array }) {
  const existing = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!existing) throw notFound("Document");
  checkSize(input.bytes);
  const info = await inspectPdf(input.bytes);
  return withStoredBlob(input.bytes, (fileHash) =>
    changeMeeting(actor, existing.meetingId, { action: "meeting.edit" }, async (tx, { version }) => {
      const last = await tx.documentVersion.findFirst({ where: { documentId }, orderBy: { number: "desc" }, select: { number: true } });
      const created = await tx.documentVersion.create({
        data: { documentId, number: (last?.number ?? 0) + 1, fileHash, fileName: input.fileName, size: input.bytes.length, pageCount: info.pageCount, text: info.text, uploadedById: actor.id },
      });
      await tx.document.update({ where: { id: documentId }, data: { changedAtVersion: version } });
      return {
        result: { version: created, pageCount: info.pageCount },
        event: meetingEvent("documents.changed", { change: "versioned", documentId }),
        audit: { action: "document.version", subjectType: "Document", subjectId: documentId, data: { number: created.number, fileHash } },
      };
    }),
  );
}

async function meetingOfDocument(documentId: string) {
  const doc = await db.document.findUnique({ where: { id: documentId }, select: { meetingId: true } });
  if (!doc) throw notFound("Document");
  return doc.meetingId;
}

/** Title, confidentiality mark, agenda item, and who may see it (restricted to named participants). */
export async function updateDocument(actor: Actor, documentId: string, input: UpdateDocument) {
  const meetingId = await meetingOfDocument(documentId);
  const { baseVersion, allowedUserIds, ...changes } = input;
  return changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx, { version }) => {
    if (changes.agendaItemId && !(await tx.agendaItem.findFirst({ where: { id: changes.agendaItemId, meetingId } }))) {
      throw invalid("The agenda item is not in this meeting", { agendaItemId: ["Unknown agenda item"] });
    }
    if (allowedUserIds) {
      const participants = await tx.participant.findMany({ where: { meetingId, userId: { in: allowedUserIds } }, select: { userId: true } });
      if (participants.length !== new Set(allowedUserIds).size) {
        throw invalid("Only participants of this meeting can be given access", { allowedUserIds: ["Not a participant"] });
      }
      await tx.documentAccess.deleteMany({ where: { documentId } });
      await tx.documentAccess.createMany({ data: participants.map((p) => ({ documentId, userId: p.userId })) });
    }
    const document = await tx.document.update({ where: { id: documentId }, data: { ...changes, changedAtVersion: version } });
    return {
      result: document,
      event: meetingEvent("documents.changed", { change: "updated", documentId }),
      audit: { action: "document.update", subjectType: "Document", subjectId: documentId, data: { ...changes, ...(allowedUserIds ? { allowedUserIds } : {}) } },
    };
  });
}

export async function deleteDocument(actor: Actor, documentId: string, baseVersion?: number) {
  const meetingId = await meetingOfDocument(documentId);
  let hashes: string[] = [];
  const out = await changeMeeting(actor, meetingId, { action: "meeting.edit", baseVersion }, async (tx) => {
    const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, include: { versions: { select: { fileHash: true } } } });
    hashes = doc.versions.map((v) => v.fileHash);
    await tx.document.delete({ where: { id: documentId } });
    return {
      result: { id: documentId },
      event: meetingEvent("documents.changed", { change: "deleted", documentId }),
      audit: { action: "document.delete", subjectType: "Document", subjectId: documentId, data: { title: doc.title, fileHashes: hashes } },
    };
  });
  // Files go only after the commit, and only when no other version still uses the same content.
  for (const hash of new Set(hashes)) if ((await db.documentVersion.count({ where: { fileHash: hash } })) === 0) await removeBlob(hash);
  return out;
}

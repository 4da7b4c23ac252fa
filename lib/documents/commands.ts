// Briefing papers: upload (validated, stored by hash), new versions. Nothing is stored when anything fails.
import { db } from "../db/index.ts";
import { AppError, invalid, notFound } from "../errors/index.ts";
import type { Actor } from "../policy/index.ts";
import { changeMeeting, meetingEvent } from "../meetings/change.ts";
import { inspectPdf } from "./pdf.ts";
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

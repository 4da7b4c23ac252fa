// A paper downloaded to keep: the reader's marks written into the copy (stamp.ts), where the policy allows a copy
// (`document.download`: never a top-secret paper, except for the secretariat), and the download recorded in the
// audit trail (who took which version, when): a copy that leaves the app is part of the legal record.
import { createTranslator } from "next-intl";
import { db } from "../db/index.ts";
import { forbidden, notFound } from "../errors/index.ts";
import { appendAudit } from "../audit/index.ts";
import { authorize, can, type Actor, type DocumentDownloadResource } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import { loadMessages } from "../i18n/messages.ts";
import { dateFormat, type DateWords } from "../i18n/dates.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n/config.ts";
import { readBlob } from "./storage.ts";
import { stampPdf, type Marks } from "./stamp.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

export async function downloadDocument(actor: Actor, documentId: string, versionNumber?: number, now = new Date()) {
  const doc = await db.document.findUnique({
    where: { id: documentId },
    select: { meetingId: true, restricted: true, confidentiality: true, access: { select: { userId: true } } },
  });
  if (!doc) throw notFound();
  const meeting = await loadMeetingResource(db, actor, doc.meetingId).catch(() => {
    throw notFound();
  });
  const resource: DocumentDownloadResource = { meeting, restricted: doc.restricted, allowedUserIds: doc.access.map((a) => a.userId), confidentiality: doc.confidentiality };
  authorize(actor, "document.view", resource); // a paper one may not see is a 404, as everywhere
  if (!can(actor, "document.download", resource)) throw forbidden("documents.downloadNotAllowed");
  const version = await db.documentVersion.findFirst({
    where: { documentId, ...(versionNumber ? { number: versionNumber } : {}) },
    orderBy: { number: "desc" },
    select: { number: true, fileHash: true, fileName: true },
  });
  if (!version) throw notFound();
  const { bytes, locale } = await stampedCopy(actor, { documentId, number: version.number, fileHash: version.fileHash, confidentiality: doc.confidentiality }, now);
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: actor.id, action: "document.download", subjectType: "Document", subjectId: documentId, meetingId: doc.meetingId, data: { version: version.number, fileHash: version.fileHash } }),
  );
  return { bytes, fileName: version.fileName, locale };
}

/**
 * The stored file of a paper's version with the marks of this reader written into every page, in their language: the
 * one way a paper's bytes leave the app other than to the reader (which draws the same marks over its pages).
 */
export async function stampedCopy(
  actor: Actor,
  file: { documentId: string; number: number; fileHash: string; confidentiality: DocumentDownloadResource["confidentiality"] },
  now = new Date(),
) {
  const original = await readBlob(file.fileHash).catch(() => {
    console.error(`[documents] missing file ${file.fileHash} for document ${file.documentId} v${file.number}`);
    throw notFound();
  });
  const { locale, marks } = await readerMarks(actor, now);
  const bytes = await stampPdf(new Uint8Array(original), marks(file.confidentiality));
  return { bytes, locale };
}

/**
 * The words of the marks for this reader, in their language, as the reader draws them over its pages: their name and
 * the time (`reader.watermark`), and a paper's confidentiality mark (none for an ordinary paper).
 */
export async function readerMarks(actor: Actor, now = new Date(), inLocale?: Locale) {
  const locale = inLocale ?? (isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE);
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "reader" }) as unknown as T;
  const tc = createTranslator({ locale, messages, namespace: "confidentiality" }) as unknown as T;
  const dates = dateFormat(locale, createTranslator({ locale, messages, namespace: "dates" }) as unknown as DateWords);
  const watermark = t("watermark", { name: actor.name, time: dates.dateTime(now) });
  const marks = (confidentiality: DocumentDownloadResource["confidentiality"]): Marks => ({ watermark, mark: confidentiality === "NORMAL" ? null : tc(confidentiality) });
  return { locale, marks };
}


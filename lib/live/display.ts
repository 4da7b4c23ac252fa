// The room display's token: a random secret per meeting, stored only as its SHA-256. Whoever holds it sees the
// meeting as its room does (no restricted paper, no private data) and nothing else; a new token or a revocation
// ends the old one at once (its sockets are closed, lib/realtime/publish.ts).
import crypto from "node:crypto";
import { db } from "../db/index.ts";
import { notFound } from "../errors/index.ts";
import { openBlob } from "../documents/storage.ts";

export const displayTokenHash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Tokens are 32 base64url characters; anything else names nothing. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The meeting a display token opens, or null (unknown, revoked, replaced, or the meeting was cancelled). */
export async function displayMeeting(token: unknown): Promise<string | null> {
  if (typeof token !== "string" || !TOKEN.test(token)) return null;
  const live = await db.meetingLive.findFirst({
    where: { displayTokenHash: displayTokenHash(token), meeting: { status: { in: ["PUBLISHED", "IN_PROGRESS", "CLOSED"] } } },
    select: { meetingId: true },
  });
  return live?.meetingId ?? null;
}

/**
 * The paper a display may read: only the one on the room's screens now (never restricted, lib/live/commands.ts
 * presentPaper), its latest version. Anything else is a 404.
 */
export async function shownFile(token: unknown, documentId: string | null) {
  const meetingId = await displayMeeting(token);
  if (!meetingId) throw notFound();
  return shownFileOf(meetingId, documentId);
}

/** The paper on this meeting's room screens now, if it is `documentId` (the caller has checked the display's right). */
export async function shownFileOf(meetingId: string, documentId: string | null) {
  if (!documentId) throw notFound();
  const live = await db.meetingLive.findUnique({ where: { meetingId }, select: { shownDocumentId: true } });
  if (live?.shownDocumentId !== documentId) throw notFound();
  const version = await db.documentVersion.findFirst({
    where: { documentId, document: { meetingId, restricted: false } },
    orderBy: { number: "desc" },
    select: { fileHash: true, fileName: true, size: true },
  });
  if (!version) throw notFound();
  const open = async (range?: { start: number; end: number }) => {
    const file = await openBlob(version.fileHash, range);
    if (!file) throw notFound();
    return file.stream;
  };
  return { version, open };
}

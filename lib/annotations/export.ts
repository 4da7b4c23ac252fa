// "Export my notes": one's own notes on a meeting's papers as plain text (UTF-8), in the reader's language. Only
// the actor's own notes (the same read as "My notes", through documentScope): never another member's note, shared
// or private, and never a paper the actor may not see.
import { createTranslator } from "next-intl";
import { dateFormat, type DateWords } from "../i18n/dates.ts";
import { loadMessages } from "../i18n/messages.ts";
import type { Locale } from "../i18n/config.ts";
import { can, type Actor } from "../policy/index.ts";
import { loadPaper } from "./access.ts";
import { myNotes } from "./queries.ts";
import { db } from "../db/index.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

export async function myNotesText(actor: Actor, meetingId: string, locale: Locale): Promise<string> {
  const { notes } = await myNotes(actor, meetingId); // asks the policy (meeting.view) and scopes the papers
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { title: true } });
  // The words a highlight marks are the paper's words: they leave only where a copy of the paper may (never a
  // top-secret one). One's own notes' words are one's own and always come.
  const mayCopy = new Map<string, boolean>();
  for (const documentId of new Set(notes.map((n) => n.documentId))) {
    const { resource } = await loadPaper(db, actor, documentId);
    const { confidentiality } = await db.document.findUniqueOrThrow({ where: { id: documentId }, select: { confidentiality: true } });
    mayCopy.set(documentId, can(actor, "document.download", { ...resource, confidentiality }));
  }
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "reader.export" }) as unknown as T;
  const kind = createTranslator({ locale, messages, namespace: "reader.notes.kind" }) as unknown as T;
  const dates = dateFormat(locale, createTranslator({ locale, messages, namespace: "dates" }) as unknown as DateWords);
  const lines = [t("title", { meeting: meeting.title }), t("made", { name: actor.name, time: dates.dateTime(new Date()) }), ""];
  if (notes.length === 0) lines.push(t("none"));
  let paper = "";
  for (const n of notes) {
    const heading = t("paper", { title: n.documentTitle, version: n.version });
    if (heading !== paper) {
      if (paper) lines.push("");
      lines.push(heading, "-".repeat(Math.min(heading.length, 72)));
      paper = heading;
    }
    const head = t("note", { page: n.page, kind: kind(n.kind), visibility: t(n.visibility === "MEETING" ? "shared" : "private"), time: dates.dateTime(new Date(n.updatedAt)) });
    lines.push(`• ${head}`);
    // A note's words (or the words a highlight marks), indented; line breaks inside kept.
    const words = n.kind === "NOTE" || mayCopy.get(n.documentId) ? n.text : "";
    if (words) for (const l of words.split(/\r?\n/)) lines.push(`    ${l}`);
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

// "Export my notes" as the annotated pages: the pages of each paper version on which the actor has notes, copied
// from the stored file, with their notes drawn on them (highlights, pen strokes, notes' words) and stamped like the
// reader shows them (the reader's name and the time across each page, the confidentiality mark). Only the actor's
// own notes, on papers they may see (the "My notes" read); never anyone else's.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { createTranslator } from "next-intl";
import { db } from "../db/index.ts";
import { loadMessages } from "../i18n/messages.ts";
import type { Locale } from "../i18n/config.ts";
import type { Actor } from "../policy/index.ts";
import { embedUnicodeFonts, wrapText } from "../pdf/fonts.ts";
import { readBlob } from "../documents/storage.ts";
import { readerMarks } from "../documents/download.ts";
import { appendAudit } from "../audit/index.ts";
import { stampPage } from "../documents/stamp.ts";
import { annotationScope, can, documentScope } from "../policy/index.ts";
import { loadPaper } from "./access.ts";
import { authorizeMeeting } from "../meetings/access.ts";
import type { StoredGeometry } from "./schema.ts";

type T = (key: string, values?: Record<string, string | number>) => string;
const colour = (c: unknown, fallback: [number, number, number]) => {
  const [r, g, b] = Array.isArray(c) && c.length === 3 && c.every((n) => typeof n === "number") ? (c as number[]) : fallback;
  return rgb(r / 255, g / 255, b / 255);
};
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.filter((n): n is number => typeof n === "number") : []);

export async function myNotesPdf(actor: Actor, meetingId: string, locale: Locale): Promise<Uint8Array> {
  await authorizeMeeting(db, actor, "meeting.view", meetingId);
  const rows = await db.annotation.findMany({
    where: { AND: [{ authorId: actor.id, deletedAt: null, documentVersion: { document: { AND: [{ meetingId }, documentScope(actor)] } } }, annotationScope(actor)] },
    orderBy: [{ documentVersion: { document: { createdAt: "asc" } } }, { documentVersion: { number: "asc" } }, { page: "asc" }, { createdAt: "asc" }],
    select: {
      page: true, kind: true, text: true, geometry: true,
      documentVersion: { select: { id: true, number: true, fileHash: true, pageCount: true, document: { select: { id: true, title: true, confidentiality: true } } } },
    },
  });
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "reader" }) as unknown as T;
  const out = await PDFDocument.create();
  out.setTitle(t("export.pdfTitle"));
  out.setCreator("OpenCabinet");
  const fonts = await embedUnicodeFonts(out);
  const { regular } = fonts;
  const { marks } = await readerMarks(actor, new Date(), locale);

  // One stored version at a time: its annotated pages, in order, each with its notes.
  const byVersion = new Map<string, typeof rows>();
  for (const r of rows) byVersion.set(r.documentVersion.id, [...(byVersion.get(r.documentVersion.id) ?? []), r]);
  const withheld = new Set<string>();
  const exported: string[] = []; // "documentId@version", for the audit trail
  for (const notes of byVersion.values()) {
    const v = notes[0].documentVersion;
    // A copy to keep: the paper's pages leave only where a download of the paper would (never a top-secret one).
    const { resource } = await loadPaper(db, actor, v.document.id);
    if (!can(actor, "document.download", { ...resource, confidentiality: v.document.confidentiality })) {
      withheld.add(v.document.title);
      continue;
    }
    exported.push(`${v.document.id}@${v.number}`);
    const source = await PDFDocument.load(await readBlob(v.fileHash), { updateMetadata: false });
    const pages = [...new Set(notes.map((n) => n.page))].filter((p) => p <= source.getPageCount());
    const copied = await out.copyPages(source, pages.map((p) => p - 1));
    copied.forEach((page, i) => {
      out.addPage(page);
      for (const n of notes.filter((x) => x.page === pages[i])) drawNote(page, n.kind, n.text, n.geometry as unknown as StoredGeometry, regular);
      stampPage(page, marks(v.document.confidentiality), fonts);
      page.drawText(t("export.pdfFooter", { title: v.document.title, version: v.number, page: pages[i] }), { x: 40, y: 12, size: 7, font: regular, color: rgb(0.4, 0.4, 0.45) });
    });
  }
  if (out.getPageCount() === 0 || withheld.size > 0) {
    const page = out.addPage([595.28, 841.89]);
    const lines = withheld.size > 0 ? [t("export.pdfWithheld"), ...[...withheld].map((title) => `• ${title}`)] : [t("export.none")];
    lines.flatMap((l) => wrapText(l, regular, 12, 480)).forEach((l, i) => page.drawText(l, { x: 56, y: 780 - i * 18, size: 12, font: regular }));
  }
  const bytes = await out.save();
  // A copy of papers' pages that leaves the app: in the audit trail like a paper's download (which papers, not the notes).
  await db.$transaction((tx) => appendAudit(tx, { actorId: actor.id, action: "annotations.exportPdf", subjectType: "Meeting", subjectId: meetingId, meetingId, data: { papers: exported, withheld: withheld.size } }));
  return bytes;
}

function drawNote(page: PDFPage, kind: string, text: string, g: StoredGeometry, font: PDFFont) {
  const e = g.editor ?? {};
  if (kind === "HIGHLIGHT") {
    const q = nums(e.quadPoints);
    for (let i = 0; i + 7 < q.length; i += 8) {
      const xs = [q[i], q[i + 2], q[i + 4], q[i + 6]];
      const ys = [q[i + 1], q[i + 3], q[i + 5], q[i + 7]];
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      page.drawRectangle({ x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y, color: colour(e.color, [255, 235, 59]), opacity: 0.4 });
    }
  } else if (kind === "INK") {
    const paths = (e.paths as { points?: unknown[] } | undefined)?.points ?? [];
    for (const path of paths) {
      const p = nums(path);
      for (let i = 0; i + 3 < p.length; i += 2) {
        page.drawLine({ start: { x: p[i], y: p[i + 1] }, end: { x: p[i + 2], y: p[i + 3] }, thickness: typeof e.thickness === "number" ? e.thickness : 2, color: colour(e.color, [0, 0, 0]) });
      }
    }
  } else {
    const [x1, , , y2] = nums(e.rect);
    if (x1 === undefined || y2 === undefined) return;
    const size = 9;
    const width = Math.min(220, page.getWidth() - x1 - 8);
    const lines = wrapText(text, font, size, Math.max(60, width - 8));
    const height = lines.length * (size + 2) + 6;
    page.drawRectangle({ x: x1, y: y2 - height, width, height, color: rgb(1, 0.94, 0.54), opacity: 0.95, borderColor: rgb(0.7, 0.55, 0.1), borderWidth: 0.5 });
    lines.forEach((l, i) => page.drawText(l, { x: x1 + 4, y: y2 - 4 - size - i * (size + 2), size, font, color: rgb(0.26, 0.13, 0.02) }));
  }
}

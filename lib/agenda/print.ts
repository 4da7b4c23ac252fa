// The printable agenda: one model (texts already translated and formatted for Asia/Ho_Chi_Minh), rendered as an A4 PDF
// here and as a print page by app/meetings/[meetingId]/print. Both show the same content because both use this model.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { createTranslator } from "next-intl";
import { dateFormat, type DateWords } from "../i18n/dates.ts";
import { embedUnicodeFonts, wrapText } from "../pdf/fonts.ts";
import { loadMessages } from "../i18n/messages.ts";
import { TIME_ZONE, type Locale } from "../i18n/config.ts";
import type { DocumentSummary, MeetingSnapshot } from "../meetings/queries.ts";
import { timePlan } from "./timeplan.ts";

/** What printing needs from a (policy-checked) meeting snapshot. */
export type PrintableSnapshot = Pick<MeetingSnapshot, "meeting" | "agenda" | "meetingDocuments">;

export interface PrintDocument {
  id: string;
  title: string;
  /** "3 trang" — empty when no version has been uploaded yet. */
  pages: string;
  /** "MẬT" for confidential papers, null for normal ones. */
  mark: string | null;
}

export interface PrintRow {
  id: string;
  number: string;
  depth: number;
  /** Planned start, "08:25". */
  time: string;
  title: string;
  presenter: string | null;
  description: string;
  /** "20 phút", or null when no time is planned for the item itself. */
  minutes: string | null;
  documents: PrintDocument[];
}

export interface AgendaPrintModel {
  locale: Locale;
  heading: string;
  title: string;
  /** The status in capitals ("DỰ THẢO") while the agenda is not the published one; null once published. */
  statusMark: string | null;
  meta: { label: string; value: string }[];
  stamp: string;
  columns: { time: string; item: string; minutes: string };
  rows: PrintRow[];
  noAgenda: string;
  total: string;
  meetingDocumentsHeading: string;
  meetingDocuments: PrintDocument[];
  /** "Trang 2/5"; the print page passes placeholders to build CSS page counters. */
  footer: (page: number | string, pages: number | string) => string;
}

const FINAL_STATUSES = new Set(["PUBLISHED", "IN_PROGRESS", "CLOSED"]);

export async function agendaPrintModel(snapshot: PrintableSnapshot, locale: Locale, now = new Date()): Promise<AgendaPrintModel> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, timeZone: TIME_ZONE }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const dates = dateFormat(locale, createTranslator({ locale, messages, namespace: "dates" }) as unknown as DateWords);
  const hhmm = dates.time;
  const { meeting } = snapshot;
  const startsAt = new Date(meeting.startsAt);
  const endsAt = new Date(meeting.endsAt);
  const plan = timePlan(startsAt, snapshot.agenda);

  const doc = (d: DocumentSummary): PrintDocument => ({
    id: d.id,
    title: d.title,
    pages: d.version ? t("print.pages", { count: d.version.pageCount }) : "",
    mark: d.confidentiality === "NORMAL" ? null : t(`confidentiality.${d.confidentiality}`).toLocaleUpperCase(locale),
  });

  const meta = [
    { label: t("print.kind"), value: t(`kind.${meeting.kind}`) },
    { label: t("print.time"), value: dates.timeRange(startsAt, endsAt) },
    ...(meeting.location ? [{ label: t("print.location"), value: meeting.location }] : []),
    ...(meeting.chair ? [{ label: t("print.chair"), value: meeting.chair.name }] : []),
  ];

  return {
    locale,
    heading: t("print.heading"),
    title: meeting.title,
    statusMark: FINAL_STATUSES.has(meeting.status) ? null : t(`status.${meeting.status}`).toLocaleUpperCase(locale),
    meta,
    stamp: t("print.stamp", { version: meeting.version, time: `${hhmm(now)} ${dates.date(now)}` }),
    columns: { time: t("print.columnTime"), item: t("print.columnItem"), minutes: t("print.columnMinutes") },
    rows: plan.items.map(({ node, number, depth, start, minutes }) => ({
      id: node.id,
      number,
      depth,
      time: hhmm(start),
      title: node.title,
      presenter: node.presenter ? t("print.presenter", { name: node.presenter.name }) : null,
      description: node.description,
      minutes: minutes > 0 ? t("print.minutes", { count: minutes }) : null,
      documents: node.documents.map(doc),
    })),
    noAgenda: t("print.noAgenda"),
    total: t("print.total", { minutes: plan.totalMinutes, end: hhmm(plan.end) }),
    meetingDocumentsHeading: t("print.meetingDocuments"),
    meetingDocuments: snapshot.meetingDocuments.map(doc),
    footer: (page, pages) => t("print.footer", { page, pages }),
  };
}

/** An ASCII file name for the meeting ("phien-hop-chinh-phu-thuong-ky-thang-11-nam-2026"), never empty. */
export function agendaSlug(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "agenda";
}

// ---- PDF ------------------------------------------------------------------------------------------------------------

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const TOP = A4[1] - MARGIN;
const BOTTOM = 62; // the footer sits below this
const RIGHT = A4[0] - MARGIN;
const TIME_W = 44;
const MINUTES_W = 62;
const ITEM_X = MARGIN + TIME_W + 8;
const ITEM_RIGHT = RIGHT - MINUTES_W - 8;
const INDENT = 18;

const INK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.33);
const RULE = rgb(0.7, 0.7, 0.72);
const MARK = rgb(0.7, 0.05, 0.05);

function fitWidth(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let s = text;
  while (s.length > 1 && font.widthOfTextAtSize(`${s}…`, size) > width) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

export async function agendaPdf(snapshot: PrintableSnapshot, locale: Locale): Promise<Uint8Array> {
  const model = await agendaPrintModel(snapshot, locale);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${model.heading}: ${model.title}`);
  pdf.setLanguage(locale);
  pdf.setCreator("OpenCabinet");
  pdf.setProducer("OpenCabinet (pdf-lib)");
  const { regular, bold } = await embedUnicodeFonts(pdf);

  let page!: PDFPage;
  let y = TOP;
  let agendaHeader = false; // repeat the column header on every page the agenda continues on
  let agendaTop = 0; // y just below the column header: no separator rule needed there

  const text = (s: string, x: number, size: number, font = regular, color = INK) => page.drawText(s, { x, y: y - size, size, font, color });
  const rule = (x1: number, x2: number, color = RULE, thickness = 0.6) => page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
  const columnHeader = () => {
    const size = 8.5;
    text(model.columns.time, MARGIN, size, bold, GREY);
    text(model.columns.item, ITEM_X, size, bold, GREY);
    text(model.columns.minutes, RIGHT - bold.widthOfTextAtSize(model.columns.minutes, size), size, bold, GREY);
    y -= size + 5;
    rule(MARGIN, RIGHT, GREY, 0.8);
    y -= 6;
    agendaTop = y;
  };
  const newPage = () => {
    page = pdf.addPage(A4);
    y = TOP;
    if (agendaHeader) columnHeader();
  };
  /** Starts a new page unless `height` points still fit on this one. */
  const ensure = (height: number) => {
    if (y - height < BOTTOM) newPage();
  };
  /** Wrapped lines at x, each on the page (breaking pages between lines when needed). */
  const paragraph = (s: string, x: number, width: number, size: number, font = regular, color = INK, leading = 1.3) => {
    for (const line of wrapText(s, font, size, width)) {
      ensure(size * leading);
      text(line, x, size, font, color);
      y -= size * leading;
    }
  };
  const documentLine = (d: PrintDocument, x: number, width: number, size: number) => {
    const markW = d.mark ? bold.widthOfTextAtSize(d.mark, size) + 5 : 0;
    const lines = wrapText(d.pages ? `${d.title} · ${d.pages}` : d.title, regular, size, width - 10 - markW);
    lines.forEach((line, i) => {
      ensure(size * 1.3);
      if (i === 0) {
        text("•", x, size, regular, GREY);
        if (d.mark) text(d.mark, x + 10, size, bold, MARK);
      }
      text(line, x + 10 + markW, size, regular, INK);
      y -= size * 1.3;
    });
  };

  newPage();

  // Heading.
  if (model.statusMark) {
    const size = 12;
    text(model.statusMark, RIGHT - bold.widthOfTextAtSize(model.statusMark, size), size, bold, MARK);
  }
  const headingText = model.heading.toLocaleUpperCase(locale);
  text(headingText, (A4[0] - bold.widthOfTextAtSize(headingText, 11)) / 2, 11, bold, GREY);
  y -= 24;
  for (const line of wrapText(model.title, bold, 16, RIGHT - MARGIN)) {
    text(line, (A4[0] - bold.widthOfTextAtSize(line, 16)) / 2, 16, bold);
    y -= 21;
  }
  y -= 8;
  const labelW = Math.max(...model.meta.map((m) => bold.widthOfTextAtSize(`${m.label}:`, 10.5))) + 8;
  for (const m of model.meta) {
    const lines = wrapText(m.value, regular, 10.5, RIGHT - MARGIN - labelW);
    ensure(lines.length * 14);
    text(`${m.label}:`, MARGIN, 10.5, bold);
    for (const line of lines) {
      text(line, MARGIN + labelW, 10.5);
      y -= 14;
    }
  }
  paragraph(model.stamp, MARGIN, RIGHT - MARGIN, 8.5, regular, GREY);
  y -= 10;

  // Agenda.
  if (model.rows.length === 0) {
    paragraph(model.noAgenda, MARGIN, RIGHT - MARGIN, 11);
  } else {
    ensure(60);
    agendaHeader = true;
    columnHeader();
    // Titles of one level start at the same x: leave room for the widest number at that level.
    const numberW = new Map<number, number>();
    for (const r of model.rows) numberW.set(r.depth, Math.max(numberW.get(r.depth) ?? 0, bold.widthOfTextAtSize(r.number, 11)));
    model.rows.forEach((r, i) => {
      const size = r.depth === 0 ? 11 : 10.5;
      const font = r.depth === 0 ? bold : regular;
      const numX = ITEM_X + r.depth * INDENT;
      const textX = numX + (numberW.get(r.depth) ?? 0) + 6;
      const width = ITEM_RIGHT - textX;
      const lines = wrapText(r.title, font, size, width);
      const leading = size * 1.3;
      const separated = r.depth === 0 && i > 0;
      // Keep the title together with its presenter line (and the rule above a top-level item).
      ensure((separated ? 9 : 0) + lines.length * leading + (r.presenter ? 13 : 0) + 2);
      if (separated && y !== agendaTop) {
        y -= 4;
        rule(MARGIN, RIGHT);
        y -= 5;
      }
      const top = y;
      // Time, number, then the whole title (so extracted text keeps a wrapped title in one piece), then the minutes.
      text(r.time, MARGIN, size, bold);
      text(r.number, numX, size, bold);
      for (const line of lines) {
        text(line, textX, size, font);
        y -= leading;
      }
      if (r.minutes) {
        const after = y;
        y = top;
        text(r.minutes, RIGHT - regular.widthOfTextAtSize(r.minutes, 9.5), 9.5, regular, GREY);
        y = after;
      }
      if (r.presenter) paragraph(r.presenter, textX, width, 9.5, regular, GREY);
      if (r.description) paragraph(r.description, textX, width, 9.5, regular, GREY);
      for (const d of r.documents) documentLine(d, textX, width, 9.5);
      y -= 4;
    });
    agendaHeader = false;
    ensure(26);
    rule(MARGIN, RIGHT, GREY, 0.8);
    y -= 8;
    paragraph(model.total, MARGIN, RIGHT - MARGIN, 10.5, bold);
  }

  if (model.meetingDocuments.length > 0) {
    y -= 14;
    ensure(40);
    paragraph(model.meetingDocumentsHeading, MARGIN, RIGHT - MARGIN, 12, bold);
    y -= 2;
    for (const d of model.meetingDocuments) documentLine(d, MARGIN, RIGHT - MARGIN, 10);
  }

  // Footer: the meeting on the left, "Trang i/n" on the right.
  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const size = 8;
    const number = model.footer(i + 1, pages.length);
    const numberW = regular.widthOfTextAtSize(number, size);
    p.drawLine({ start: { x: MARGIN, y: 44 }, end: { x: RIGHT, y: 44 }, thickness: 0.5, color: RULE });
    p.drawText(fitWidth(model.title, regular, size, RIGHT - MARGIN - numberW - 20), { x: MARGIN, y: 32, size, font: regular, color: GREY });
    p.drawText(number, { x: RIGHT - numberW, y: 32, size, font: regular, color: GREY });
  });
  return pdf.save();
}

// The summary report of a request for opinions as an A4 PDF (Vietnamese typography, lib/pdf/report.ts): the request,
// per question the counts and every member's answer with their own words, who did not answer, and the stored
// result's checksum (the same as in the audit trail). Before the close it is marked provisional.
import { PDFDocument, rgb } from "pdf-lib";
import { createTranslator } from "next-intl";
import { dateFormat, type DateWords } from "../i18n/dates.ts";
import { reportWriter } from "../pdf/report.ts";
import { loadMessages } from "../i18n/messages.ts";
import { TIME_ZONE, type Locale } from "../i18n/config.ts";
import type { OpinionDetail, OpinionSummary } from "./schema.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

export async function opinionReportPdf(opinion: OpinionDetail, summary: OpinionSummary, locale: Locale): Promise<Uint8Array> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "opinions", timeZone: TIME_ZONE }) as unknown as T;
  const dates = dateFormat(locale, createTranslator({ locale, messages, namespace: "dates" }) as unknown as DateWords);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("report.heading")} — ${opinion.title}`);
  doc.setLanguage(locale);
  const { regular, bold, write, space } = await reportWriter(doc);
  const grey = rgb(0.4, 0.4, 0.4);

  write(t("report.heading"), bold, 16, 10);
  write(opinion.title, bold, 13, 6);
  if (!opinion.result) write(t("report.provisional"), bold, 11, 6, rgb(0.7, 0.1, 0.1));
  write(`${t("deadline")}: ${dates.dateTime(new Date(opinion.deadline))}`);
  if (opinion.sentAt) write(`${t("report.sentAt")}: ${dates.dateTime(new Date(opinion.sentAt))}`);
  if (opinion.result) write(`${t("report.closedAt")}: ${dates.dateTime(new Date(opinion.result.closedAt))} · ${t(`report.closedBy.${opinion.result.closedBy}`)}`);
  if (opinion.approver) write(`${t("approver")}: ${opinion.approver.name}`);
  write(t("progress", { answered: summary.answered, asked: summary.asked }), bold, 11, 8);
  space(6);
  summary.questions.forEach((q, i) => {
    write(`${t("questionN", { n: i + 1 })}: ${q.text}`, bold, 12, 4);
    write(`${t("choice.AGREE")}: ${q.counts.AGREE} · ${t("choice.DISAGREE")}: ${q.counts.DISAGREE} · ${t("choice.OTHER")}: ${q.counts.OTHER}`, regular, 11, 4);
    for (const a of q.answers) write(`– ${a.user.name}: ${t(`choice.${a.choice}`)}${a.comment ? ` — “${a.comment}”` : ""}`, regular, 10, 3);
    space(8);
  });
  write(`${t("notAnswered")}: ${summary.notAnswered.length ? summary.notAnswered.map((p) => p.name).join(", ") : t("none")}`, regular, 11, 6);
  if (opinion.result) {
    space(8);
    write(`${t("report.hash")}: ${opinion.result.hash}`, regular, 8, 2, grey);
  }
  return doc.save();
}

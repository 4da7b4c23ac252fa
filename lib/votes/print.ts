// A vote's result as an A4 PDF (pdf-lib, DejaVu Sans: Vietnamese diacritics): the question, the rule in words, the
// outcome, the counts, who voted what for a named vote, and the result's checksum as stored in the audit trail.
import { PDFDocument, rgb } from "pdf-lib";
import { createTranslator } from "next-intl";
import { dateFormat, type DateWords } from "../i18n/dates.ts";
import { reportWriter } from "../pdf/report.ts";
import { loadMessages } from "../i18n/messages.ts";
import { TIME_ZONE, type Locale } from "../i18n/config.ts";
import type { VoteRow } from "./schema.ts";
import { optionLabel, ruleInWords } from "./words.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

export async function voteResultPdf(vote: VoteRow, meetingTitle: string, locale: Locale): Promise<Uint8Array> {
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, namespace: "votes", timeZone: TIME_ZONE }) as unknown as T;
  const dates = dateFormat(locale, createTranslator({ locale, messages, namespace: "dates" }) as unknown as DateWords);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t("result.heading")} — ${vote.question}`);
  doc.setLanguage(locale);
  const { regular, bold, write, space } = await reportWriter(doc);

  write(t("result.heading"), bold, 16, 10);
  write(`${t("result.meeting")}: ${meetingTitle}`);
  write(`${t("question")}: ${vote.question}`, bold, 12, 6);
  write(`${t(`kind.${vote.ballotKind}`)} · ${t(`status.${vote.status}`)}`);
  write(`${t("result.rule")}: ${ruleInWords(vote.rule, vote.standardOptions, t)}`);
  if (vote.openedAt) write(`${t("result.openedAt")}: ${dates.dateTime(new Date(vote.openedAt))}`);
  if (vote.closedAt) write(`${t("result.closedAt")}: ${dates.dateTime(new Date(vote.closedAt))}`);
  space(10);
  const r = vote.result;
  if (!r) {
    write(t("result.none"), bold, 12);
  } else {
    const o = r.outcome;
    const label = (i: number) => optionLabel(vote.options, vote.standardOptions, i, t);
    const verdict = vote.standardOptions ? t(o.passed ? "result.passed" : "result.failed") : o.winner !== null ? t("result.chosen", { option: label(o.winner) }) : t("result.noneChosen");
    write(verdict, bold, 18, 8, o.passed ? rgb(0.05, 0.45, 0.2) : rgb(0.7, 0.1, 0.1));
    if (!o.quorumMet) write(t("result.noQuorum"));
    if (o.decidedByChair) write(t("result.byChair"));
    write(t("result.summary", { cast: o.cast, members: o.members, present: o.present }));
    if (o.needed !== null) write(t("result.needed", { needed: o.needed }));
    if (r.closedBy === "timer") write(t("result.closedByTimer"));
    space(8);
    o.counts.forEach((c, i) => {
      write(`${label(i)}: ${t("result.counts", { count: c })}`, bold, 12, 2);
      const names = r.named?.[i];
      if (names?.length) write(`${t("result.voters")}: ${names.map((n) => n.name).join(", ")}`, regular, 10, 6);
    });
    space(12);
    write(`${t("result.hash")}: ${r.hash}`, regular, 8, 2, rgb(0.4, 0.4, 0.4));
  }
  return doc.save();
}

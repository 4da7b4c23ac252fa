// A vote's result as CSV for spreadsheets: UTF-8 with a byte-order mark (so Vietnamese opens right in Excel),
// one row per option with its count and, for a named vote, its voters; then the outcome and the rule in words.
import { createTranslator } from "next-intl";
import { loadMessages } from "../i18n/messages.ts";
import { TIME_ZONE, type Locale } from "../i18n/config.ts";
import type { VoteRow } from "./schema.ts";
import { optionLabel, ruleInWords } from "./words.ts";

type T = (key: string, values?: Record<string, string | number>) => string;
/** RFC 4180 field; a leading = + - @ is neutralised so a spreadsheet never runs a name as a formula. */
const field = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function voteResultCsv(vote: VoteRow, locale: Locale): Promise<string> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "votes", timeZone: TIME_ZONE }) as unknown as T;
  const rows: (string | number)[][] = [[t("question"), vote.question], [t("result.rule"), ruleInWords(vote.rule, vote.standardOptions, t)]];
  const r = vote.result;
  if (!r) rows.push([t("result.none")]);
  else {
    const o = r.outcome;
    const label = (i: number) => optionLabel(vote.options, vote.standardOptions, i, t);
    rows.push([vote.standardOptions ? t(o.passed ? "result.passed" : "result.failed") : o.winner !== null ? t("result.chosen", { option: label(o.winner) }) : t("result.noneChosen")]);
    rows.push([t("result.summary", { cast: o.cast, members: o.members, present: o.present })]);
    rows.push([]);
    o.counts.forEach((c, i) => rows.push([label(i), c, ...(r.named?.[i]?.map((v) => v.name) ?? [])]));
    rows.push([]);
    rows.push([t("result.hash"), r.hash]);
  }
  return "\uFEFF" + rows.map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}

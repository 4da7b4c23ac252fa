// A vote's rule and result in words, for every screen and the result PDF (one wording, from the message files).
import type { VoteRule } from "./rules.ts";

type T = (key: string, values?: Record<string, string | number>) => string;

/** "Passed when the votes for are more than half of all members. On a tie, … At least two thirds … present." */
export function ruleInWords(rule: VoteRule, standardOptions: boolean, t: T): string {
  const base = rule.base === "CAST" ? (rule.abstentionsCount ? "CAST" : "CAST_NO_ABSTAIN") : rule.base;
  const threshold = `${rule.threshold}${standardOptions ? "" : "_CUSTOM"}`;
  const parts = [`${t(`words.threshold.${threshold}`, { base: t(`words.base.${base}`) })}.`];
  if (rule.chairBreaksTie && standardOptions) parts.push(t("words.tie"));
  const quorum = t(`words.quorum.${rule.quorum}`);
  if (quorum) parts.push(quorum);
  return parts.join(" ");
}

/** An option's label: the standard ones are translated, custom ones are as written. */
export const optionLabel = (options: readonly string[], standard: boolean, i: number, t: T) => (standard ? t(`options.${options[i]}`) : options[i]);

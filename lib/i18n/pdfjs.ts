// pdf.js's viewer components label what they draw (a page's landmark, its annotation editors' delete buttons, resize
// handles, "drawing added" announcements) through their own localization: Fluent messages by id, which pdf.js's
// GenericL10n fetches for the page's language from the file a `<link type="application/l10n">` names. Its built-in
// strings are English only; ours are the reader's `pdfjs` messages (messages/<locale>/reader.json, both languages),
// turned into Fluent here and served beside pdf.js's files (app/pdfjs). Keys are pdf.js's ids without "pdfjs-"; a
// string is the message's value, an object its attributes (title, aria-label, …); `{name}` becomes `{ $name }`.
import type { Locale } from "./config.ts";
import { LOCALES } from "./config.ts";
import { readMessages } from "./messages.ts";

type PdfjsMessages = Record<string, string | Record<string, string>>;

/** pdf.js formats a date argument itself (an annotation's date): our `{dateObj}` stands for its own DATETIME call. */
const DATE_TIME = '{ DATETIME($dateObj, dateStyle: "short", timeStyle: "short") }';

function fluentText(text: string): string {
  if (text === "{dateObj}") return DATE_TIME;
  // Fluent's special characters outside a placeable: a literal "{" would start one; none of ours needs it.
  return text.replace(/\{(\w+)\}/g, "{ $$$1 }");
}

/** The Fluent resource (FTL) for `messages`, one entry per pdf.js id. */
export function toFluent(messages: PdfjsMessages): string {
  const out: string[] = [];
  for (const [key, message] of Object.entries(messages)) {
    const id = `pdfjs-${key}`;
    if (typeof message === "string") out.push(`${id} = ${fluentText(message)}`);
    else out.push([`${id} =`, ...Object.entries(message).map(([attr, text]) => `    .${attr} = ${fluentText(text)}`)].join("\n"));
  }
  return out.join("\n") + "\n";
}

/** The FTL text for a locale's reader.pdfjs messages. */
export function pdfjsFluent(locale: Locale): string {
  return toFluent((readMessages(locale).reader as { pdfjs: PdfjsMessages }).pdfjs);
}

/** The file names pdf.js's GenericL10n looks up by language (its "en" is "en-us"). */
export const PDFJS_L10N_FILES: Record<string, Locale> = Object.fromEntries(LOCALES.map((l) => [`${l}.ftl`, l]));
export const pdfjsLocaleIndex = () => Object.fromEntries(LOCALES.map((l) => [l === "en" ? "en-us" : l, `${l}.ftl`]));

// Messages live in messages/<locale>/<namespace>.json (one file per area, so features do not edit one big file).
import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./config.ts";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/** Read synchronously so error responses can be translated anywhere; cached in production, fresh while developing. */
export function readMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(process.cwd(), "messages", locale);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const messages = Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))]));
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  return readMessages(locale);
}

// Messages live in messages/<locale>/<namespace>.json (one file per area, so features do not edit one big file).
import fs from "node:fs/promises";
import path from "node:path";
import type { Locale } from "./config.ts";

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const dir = path.join(process.cwd(), "messages", locale);
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const entries = await Promise.all(files.map(async (f) => [f.replace(/\.json$/, ""), JSON.parse(await fs.readFile(path.join(dir, f), "utf8"))] as const));
  return Object.fromEntries(entries);
}

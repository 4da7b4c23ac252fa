// Every UI string exists in both languages, with the same ICU placeholders.
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { bundledMessages } from "@/lib/i18n/bundled";
import { LOCALES } from "@/lib/i18n/config";

function flatten(o: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (typeof v === "string") out[prefix + k] = v;
    else Object.assign(out, flatten(v, `${prefix}${k}.`));
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it("vi and en have the same keys and placeholders", async () => {
    const vi = flatten(await loadMessages("vi"));
    const en = flatten(await loadMessages("en"));
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(vi)) expect(placeholders(vi[k]), k).toEqual(placeholders(en[k]));
  });

  it("the browser's bundled copy is every namespace file in messages/, as the server reads them", async () => {
    for (const locale of LOCALES) expect(bundledMessages[locale], locale).toEqual(await loadMessages(locale));
  });
});

// What the API says when it refuses: the requester's language, from the message files, never English in a Vietnamese UI.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { validationError } from "@/lib/errors";
import { errorTranslator } from "@/lib/i18n/errors";
import { acceptedLocale } from "@/lib/i18n/locale";
import { loadMessages } from "@/lib/i18n/messages";
import * as meetings from "@/app/api/v1/meetings/route";
import * as rsvp from "@/app/api/v1/meetings/[meetingId]/rsvp/route";
import * as agendaSchemas from "@/lib/agenda/schema";
import * as documentSchemas from "@/lib/documents/schema";
import * as meetingSchemas from "@/lib/meetings/schema";
import * as notificationSchemas from "@/lib/notifications/schema";
import { apiRequest, makeMeeting, makeUser, params } from "./fixtures";

const json = (r: Response) => r.json() as Promise<any>;
let sec: Actor, vi: Actor, en: Actor, meetingId: string;

beforeAll(async () => {
  sec = await makeUser("SECRETARIAT");
  vi = await makeUser("MEMBER");
  en = await makeUser("MEMBER");
  await db.user.update({ where: { id: en.id }, data: { locale: "en" } });
  meetingId = (await makeMeeting(sec, { members: [vi, en] })).id;
});

describe("refusals in the requester's language", () => {
  it("an absence without a reason: Vietnamese for a Vietnamese member, English for an English one", async () => {
    const send = async (who: Actor) => rsvp.POST(await apiRequest(who, "POST", "/x", { answer: "ABSENT", reason: " " }), params({ meetingId }));
    const asVi = await send(vi);
    expect(asVi.status).toBe(422);
    expect((await json(asVi)).error).toMatchObject({ code: "VALIDATION", message: "Dữ liệu chưa hợp lệ.", fields: { reason: ["Hãy nêu lý do vắng mặt."] } });
    const asEn = await send(en);
    expect((await json(asEn)).error).toMatchObject({ message: "Some input is not valid.", fields: { reason: ["Give a reason for your absence."] } });
    expect((await db.participant.findFirstOrThrow({ where: { meetingId, userId: vi.id } })).rsvp).toBe("PENDING");
  });

  it("a meeting that ends before it starts, and generic problems (missing, too long) come from the message files too", async () => {
    const body = { title: "x".repeat(301), kind: "REGULAR", startsAt: "2027-01-01T10:00:00Z", endsAt: "2027-01-01T08:00:00Z" };
    const res = await meetings.POST(await apiRequest(sec, "POST", "/x", body), params({}));
    expect(res.status).toBe(422);
    const { fields } = (await json(res)).error;
    expect(fields.title).toEqual(["Tối đa 300 ký tự."]);
    expect(fields.endsAt).toEqual(["Thời gian kết thúc phải sau thời gian bắt đầu."]);
    const missing = await meetings.POST(await apiRequest(sec, "POST", "/x", { kind: "WEEKLY" }), params({}));
    expect((await json(missing)).error.fields).toMatchObject({ title: ["Bắt buộc nhập."], kind: ["Hãy chọn một trong các lựa chọn."] });
  });

  it("signed out: the locale cookie, else Accept-Language, else Vietnamese", async () => {
    const signedOut = (headers: Record<string, string>) => meetings.GET(new Request("http://localhost/api/v1/meetings", { headers }), params({}));
    expect((await json(await signedOut({ "accept-language": "en-US,en;q=0.9" }))).error.message).toBe("Please sign in.");
    expect((await json(await signedOut({ "accept-language": "en-US", cookie: "locale=vi" }))).error.message).toBe("Vui lòng đăng nhập.");
    expect((await json(await signedOut({ "accept-language": "fr-FR, vi;q=0.5, en;q=0.4" }))).error.message).toBe("Vui lòng đăng nhập.");
    expect((await json(await signedOut({}))).error.message).toBe("Vui lòng đăng nhập.");
  });

  it("Accept-Language is read by quality", () => {
    expect(acceptedLocale("fr;q=0.9, en;q=0.5, vi;q=0.8")).toBe("vi");
    expect(acceptedLocale("en-GB")).toBe("en");
    expect(acceptedLocale("vi;q=0, en;q=0.1")).toBe("en");
    expect(acceptedLocale("de, fr")).toBeNull();
    expect(acceptedLocale(undefined)).toBeNull();
  });
});

describe("every message key the server uses exists in both languages", () => {
  const flatten = (o: unknown, prefix = ""): string[] =>
    Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : flatten(v, `${prefix}${k}.`)));

  it("keys written in lib/ (msg(), refusals, { key })", async () => {
    const files = (fs.readdirSync("lib", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const used = new Set<string>();
    const patterns = [/msg\("([^"]+)"\)/g, /[{,]\s*key: "([^"]+)"/g, /(?:invalid|forbidden|TreeError)\("([^"]+)"/g, /new AppError\("\w+", "([^"]+)"/g];
    for (const f of files) {
      const src = fs.readFileSync(path.join("lib", f), "utf8");
      for (const re of patterns) for (const m of src.matchAll(re)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const locale of ["vi", "en"] as const) {
      const keys = new Set(flatten((await loadMessages(locale)).errors));
      expect([...used].filter((k) => !keys.has(k)), locale).toEqual([]);
    }
  });

  it("every refusal of every schema translates to real text in both languages (no key shows through)", () => {
    const schemas = [agendaSchemas, documentSchemas, meetingSchemas, notificationSchemas].flatMap((m) => Object.values(m)).filter((s): s is z.ZodType => s instanceof z.ZodType);
    const inputs: unknown[] = [{}, null, "x", { title: "", answer: "ABSENT", reason: "" }, { title: 5, startsAt: "no", endsAt: "2020-01-01", ids: [1], decision: "RETURN", comment: "" }, { answer: "DELEGATE" }];
    let seen = 0;
    for (const schema of schemas) {
      for (const input of inputs) {
        const r = schema.safeParse(input);
        if (r.success) continue;
        const e = validationError(r.error);
        for (const locale of ["vi", "en"] as const) {
          const t = errorTranslator(locale);
          for (const m of [e.text, ...Object.values(e.fields ?? {}).flat()]) {
            const text = t(m);
            expect(text, JSON.stringify(m)).not.toMatch(/^errors\.|@msg:|Invalid input|expected/);
            seen++;
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
  });
});

import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { readMessages } from "./messages";
import { dateFormat, fromFields, parseClock, parseDay, toFields, type DateWords } from "./dates";
import type { Locale } from "./config";

const format = (locale: Locale) => dateFormat(locale, createTranslator({ locale, messages: readMessages(locale), namespace: "dates" }) as unknown as DateWords);
const at = new Date("2026-11-26T01:00:00Z"); // 08:00 in Hanoi

describe("dates in the official style, in Hanoi time, whatever the machine's zone and locale", () => {
  it("Vietnamese", () => {
    const f = format("vi");
    expect(f.dateTime(at)).toBe("08 giờ 00, Thứ Năm, ngày 26/11/2026");
    expect(f.time(new Date("2026-11-26T07:30:00Z"))).toBe("14:30");
    expect(f.date(at)).toBe("26/11/2026");
    expect(f.timeRange(at, new Date("2026-11-26T04:30:00Z"))).toBe("Từ 08 giờ 00 đến 11 giờ 30, Thứ Năm, ngày 26/11/2026");
    expect(f.timeRange(at, new Date("2026-11-27T02:00:00Z"))).toBe("Từ 08 giờ 00, Thứ Năm, ngày 26/11/2026 đến 09 giờ 00, Thứ Sáu, ngày 27/11/2026");
    expect(f.longDate(new Date("2026-11-29T03:00:00Z"))).toBe("Chủ Nhật, ngày 29/11/2026");
  });

  it("English: day/month/year, 24-hour", () => {
    const f = format("en");
    expect(f.dateTime(new Date("2026-12-01T07:05:00Z"))).toBe("14:05, Tuesday, 01/12/2026");
    expect(f.timeRange(at, new Date("2026-11-26T04:00:00Z"))).toBe("Thursday, 26/11/2026, 08:00 – 11:00");
  });
});

describe("typed dates and times", () => {
  it("reads day/month/year (never month first) and 24-hour times", () => {
    expect(parseDay("12/01/2026")).toEqual({ year: 2026, month: 1, day: 12 });
    expect(parseDay(" 1.2.2027 ")).toEqual({ year: 2027, month: 2, day: 1 });
    expect(parseDay("31/02/2026")).toBeNull();
    expect(parseDay("2026-01-12")).toBeNull();
    expect(parseClock("8:05")).toEqual({ hour: 8, minute: 5 });
    expect(parseClock("14h30")).toEqual({ hour: 14, minute: 30 });
    expect(parseClock("08 giờ 00")).toEqual({ hour: 8, minute: 0 });
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("8 PM")).toBeNull();
  });

  it("fields ↔ instants round-trip in Hanoi time", () => {
    expect(fromFields("26/11/2026", "08:00")).toBe("2026-11-26T01:00:00.000Z");
    expect(fromFields("01/01/2027", "00:30")).toBe("2026-12-31T17:30:00.000Z");
    expect(toFields("2026-12-31T17:30:00.000Z")).toEqual({ day: "01/01/2027", clock: "00:30" });
    expect(fromFields("26/11/2026", "")).toBe("");
    expect(fromFields("11/26/2026", "08:00")).toBe("");
  });
});

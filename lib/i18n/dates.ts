// One way to write and read dates and times, on the server, in the browser and in print: the official Vietnamese style
// ("08 giờ 00, Thứ Năm, ngày 26/11/2026"), day/month/year in English too, always 24-hour, always in TIME_ZONE —
// never the browser's own locale or zone. The words and their order come from messages/<locale>/dates.json.
import { TIME_ZONE, type Locale } from "./config.ts";

/** `t` of the "dates" namespace (next-intl's useTranslations / getTranslations / createTranslator). */
export type DateWords = (key: "time" | "officialTime" | "date" | "longDate" | "dateTime" | "timeRange" | "timeSpan", values: Record<string, string>) => string;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const numeric = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock time in TIME_ZONE at this instant. */
export function wallTime(d: Date): WallTime {
  const p = Object.fromEntries(numeric.formatToParts(d).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute };
}

/** The instant at which TIME_ZONE's clocks show this wall time. */
export function fromWallTime(w: WallTime): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const offsetAt = (t: number) => {
    const s = wallTime(new Date(t));
    return Date.UTC(s.year, s.month - 1, s.day, s.hour, s.minute) - t;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first)); // a second look settles a zone whose offset changes in between
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function dateFormat(locale: Locale, t: DateWords) {
  const weekday = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: "long" });
  const values = (d: Date) => {
    const w = wallTime(d);
    return { hour: pad(w.hour), minute: pad(w.minute), day: pad(w.day), month: pad(w.month), year: pad(w.year, 4), weekday: weekday.format(d) };
  };
  const time = (d: Date) => t("time", values(d));
  const longDate = (d: Date) => t("longDate", values(d));
  const dateTime = (d: Date) => t("dateTime", { time: t("officialTime", values(d)), date: longDate(d) });
  return {
    /** "08:00" */
    time,
    /** "26/11/2026" */
    date: (d: Date) => t("date", values(d)),
    /** "Thứ Năm, ngày 26/11/2026" · "Thursday, 26/11/2026" */
    longDate,
    /** "08 giờ 00, Thứ Năm, ngày 26/11/2026" · "08:00, Thursday, 26/11/2026" */
    dateTime,
    /** "Từ 08 giờ 00 đến 11 giờ 30, Thứ Năm, ngày 26/11/2026"; each end with its own date when they are days apart. */
    timeRange: (start: Date, end: Date) =>
      longDate(start) === longDate(end)
        ? t("timeRange", { start: t("officialTime", values(start)), end: t("officialTime", values(end)), date: longDate(start) })
        : t("timeSpan", { start: dateTime(start), end: dateTime(end) }),
  };
}
export type DateFormat = ReturnType<typeof dateFormat>;

// ---- Typed input: "26/11/2026" and "8:05" (what the date and time fields accept), whatever the browser's locale ----

/** "26/11/2026", "26-11-2026", "26.11.2026" → day, month, year; null when it is not a real date. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  const m = /^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** "08:05", "8:05", "8h05", "08 giờ 05"… → hour and minute (24-hour); null otherwise. */
export function parseClock(text: string): { hour: number; minute: number } | null {
  const m = /^\s*(\d{1,2})\s*(?::|h|giờ|\.)\s*(\d{2})\s*$/i.exec(text);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** An instant as the two fields show it: { day: "26/11/2026", clock: "08:00" }. */
export function toFields(iso: string): { day: string; clock: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { day: "", clock: "" };
  const w = wallTime(d);
  return { day: `${pad(w.day)}/${pad(w.month)}/${pad(w.year, 4)}`, clock: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** The two fields as an ISO instant; "" when either does not read as a date or a time (the server then says so). */
export function fromFields(day: string, clock: string): string {
  const d = parseDay(day);
  const c = parseClock(clock);
  return d && c ? fromWallTime({ ...d, ...c }).toISOString() : "";
}

"use client";
// A date and a time typed as the user reads them — dd/mm/yyyy and 24-hour hh:mm, in Hanoi time — instead of
// <input type="datetime-local">, whose display follows the browser's locale (12/01/2026, 08:00 AM on a US-set tablet).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { fromFields, toFields } from "@/lib/i18n/dates";

const control = "min-h-11 rounded-lg border border-slate-300 bg-white px-3 tabular-nums";

/** `value` and `onChange` speak ISO instants; "" while the typed text is not a date and a time (the server says so). */
export function DateTimeField({ id, label, value, onChange, error }: {
  id: string; label: string; value: string; onChange: (iso: string) => void; error?: string[];
}) {
  const t = useTranslations("dates");
  const [text, setText] = useState(() => toFields(value));
  // A value set from outside (another version taken over) replaces what is shown; the user's own typing does not.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (value !== fromFields(text.day, text.clock)) setText(toFields(value));
  }
  const update = (next: { day: string; clock: string }) => {
    setText(next);
    onChange(fromFields(next.day, next.clock));
  };
  const describedBy = error?.length ? `${id}-error` : undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="mb-1 block text-sm font-medium">{label}</legend>
      <div className="flex gap-2">
        <label className="flex-[3]">
          <span className="sr-only">{t("day")}</span>
          <input id={id} data-testid={`${id}-day`} inputMode="numeric" autoComplete="off" placeholder={t("dayPlaceholder")} aria-invalid={!!describedBy}
            value={text.day} onChange={(e) => update({ ...text, day: e.target.value })} className={`${control} w-full`} />
        </label>
        <label className="flex-[2]">
          <span className="sr-only">{t("clock")}</span>
          <input id={`${id}-clock`} data-testid={`${id}-clock`} inputMode="numeric" autoComplete="off" placeholder={t("clockPlaceholder")} aria-invalid={!!describedBy}
            value={text.clock} onChange={(e) => update({ ...text, clock: e.target.value })} className={`${control} w-full`} />
        </label>
      </div>
      {describedBy && <p className="mt-1 text-sm text-red-800" id={describedBy}>{error!.join(" · ")}</p>}
    </fieldset>
  );
}

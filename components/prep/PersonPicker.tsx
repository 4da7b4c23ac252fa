"use client";
// A searchable people picker (WAI-ARIA combobox, via downshift): type part of a name or position, with or without
// diacritics, to narrow the list; tap or arrow + Enter to choose. Replaces a plain <select> of every user.
import { useCombobox } from "downshift";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { fold } from "@/lib/i18n/search";

export interface Person { id: string; name: string; title: string | null }
/** The "nobody chosen" entry (shown as `emptyLabel`). */
const NOBODY: Person = { id: "", name: "", title: null };
const { InputBlur, InputKeyDownEscape, InputChange } = useCombobox.stateChangeTypes;
const nameOf = (p: Person | null) => p?.name ?? "";

/** `value` is a user id ("" for nobody); `people` come sorted (lib/users listUsers). The label is `${id}-label`. */
export function PersonPicker({ id, value, onChange, people, emptyLabel }: {
  id: string; value: string; onChange: (id: string) => void; people: Person[]; emptyLabel: string;
}) {
  const t = useTranslations("prep");
  const selected = people.find((p) => p.id === value) ?? NOBODY;
  /** What the user has typed to search; null while they are not searching (the list then shows everyone). */
  const [query, setQuery] = useState<string | null>(null);
  const items = useMemo(() => {
    const q = query ? fold(query.trim()) : "";
    return q ? people.filter((p) => fold(`${p.name} ${p.title ?? ""}`).includes(q)) : [NOBODY, ...people];
  }, [query, people]);

  const { isOpen, highlightedIndex, getInputProps, getToggleButtonProps, getMenuProps, getItemProps } = useCombobox<Person>({
    id,
    inputId: id,
    labelId: `${id}-label`,
    items,
    itemToString: nameOf,
    itemToKey: (p) => p?.id,
    selectedItem: selected,
    onSelectedItemChange: ({ selectedItem }) => onChange(selectedItem?.id ?? ""),
    onInputValueChange: ({ inputValue, type }) => type === InputChange && setQuery(inputValue ?? ""),
    onIsOpenChange: ({ isOpen: open }) => !open && setQuery(null),
    // Leaving the field or Escape keeps the chosen person (and shows their name again) instead of half-typed text.
    stateReducer: (state, { type, changes }) =>
      type === InputBlur || type === InputKeyDownEscape
        ? { ...changes, selectedItem: type === InputBlur ? changes.selectedItem : state.selectedItem, inputValue: nameOf(type === InputBlur ? changes.selectedItem ?? state.selectedItem : state.selectedItem) }
        : changes,
    getA11yStatusMessage: ({ isOpen: open }) => (open ? t("peopleFound", { count: items.filter((p) => p.id).length }) : ""),
  });

  return (
    <div className="relative">
      <div className="flex">
        <input {...getInputProps({ placeholder: emptyLabel })} data-testid={`${id}-picker`}
          className="min-h-11 w-full min-w-0 rounded-l-lg border border-r-0 border-slate-300 bg-white px-3 placeholder:text-slate-500" />
        <button type="button" {...getToggleButtonProps({ "aria-label": t("showPeople") })}
          className="flex min-h-11 min-w-11 items-center justify-center rounded-r-lg border border-slate-300 bg-white text-slate-600">
          <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="currentColor"><path d="M5.5 7.5 10 12l4.5-4.5z" /></svg>
        </button>
      </div>
      <ul {...getMenuProps()} className={isOpen ? "absolute z-30 mt-1 max-h-72 w-full overflow-auto rounded-lg border border-slate-200 bg-white py-1 shadow-xl" : "hidden"}>
        {isOpen &&
          items.map((p, index) => (
            <li key={p.id || "nobody"} {...getItemProps({ item: p, index })}
              className={`flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1.5 ${highlightedIndex === index ? "bg-brand-50" : ""} ${p.id === selected.id ? "font-semibold" : ""}`}>
              {p.id ? (
                <>
                  <span>{p.name}</span>
                  {p.title && <span className="text-sm font-normal text-slate-600">{p.title}</span>}
                </>
              ) : (
                <span className="text-slate-600">{emptyLabel}</span>
              )}
            </li>
          ))}
      </ul>
      {isOpen && items.length === 0 && (
        <p className="absolute z-30 mt-1 w-full rounded-lg border border-slate-200 bg-white p-3 text-slate-600 shadow-xl">{t("noPeopleFound")}</p>
      )}
    </div>
  );
}

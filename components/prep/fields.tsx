"use client";
// Labelled, touch-sized form controls shared by the preparation forms.
import type { ReactNode } from "react";

const control = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3";

export function Field({ label, id, error, children }: { label: string; id: string; error?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">{label}</label>
      {children}
      {error?.length ? <p className="mt-1 text-sm text-red-800" id={`${id}-error`}>{error.join(" · ")}</p> : null}
    </div>
  );
}

export const inputClass = control;

export function UserSelect({ id, value, onChange, users, emptyLabel }: {
  id: string; value: string; onChange: (v: string) => void; users: { id: string; name: string; title: string | null }[]; emptyLabel: string;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
      <option value="">{emptyLabel}</option>
      {users.map((u) => <option key={u.id} value={u.id}>{u.name}{u.title ? ` – ${u.title}` : ""}</option>)}
    </select>
  );
}

/** <input type="datetime-local"> speaks local wall time; the API speaks ISO instants. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
export const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : "");

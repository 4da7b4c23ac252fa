"use client";
// Labelled, touch-sized form controls shared by the preparation forms.
import type { ReactNode } from "react";

const control = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3";

export function Field({ label, id, error, children }: { label: string; id: string; error?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} id={`${id}-label`} className="mb-1 block text-sm font-medium">{label}</label>
      {children}
      {error?.length ? <p className="mt-1 text-sm text-red-800" id={`${id}-error`}>{error.join(" · ")}</p> : null}
    </div>
  );
}

export const inputClass = control;

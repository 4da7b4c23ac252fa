"use client";
import { useTranslations } from "next-intl";
import { useRef } from "react";

/** A button that asks first, in a native <dialog> (focus trapped, Esc closes, touch-friendly). */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, danger = true, className = "" }: {
  label: string; question: string; confirmLabel?: string; onConfirm: () => unknown; danger?: boolean; className?: string;
}) {
  const t = useTranslations("prep");
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" onClick={() => ref.current?.showModal()}
        className={`min-h-11 rounded-lg border px-3 font-medium ${danger ? "border-red-300 text-red-800 hover:bg-red-50" : "border-slate-300 hover:bg-slate-50"} ${className}`}>
        {label}
      </button>
      <dialog ref={ref} className="m-auto w-[min(28rem,90vw)] rounded-xl p-0 backdrop:bg-black/40">
        <form method="dialog" className="space-y-4 p-5">
          <p className="text-lg">{question}</p>
          <div className="flex justify-end gap-2">
            <button value="cancel" className="min-h-11 rounded-lg border border-slate-300 px-4">{t("cancel")}</button>
            <button value="ok" onClick={() => void onConfirm()}
              className={`min-h-11 rounded-lg px-4 font-semibold text-white ${danger ? "bg-red-700" : "bg-brand-600"}`}>
              {confirmLabel ?? t("confirm")}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

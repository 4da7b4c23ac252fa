"use client";
// The signed-in user's name, opening what concerns the account: signing out on every device.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { call } from "@/lib/http/client";
import { userOps } from "@/lib/users/operations";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { leaveSession } from "./SessionWatch";

export function AccountMenu({ name }: { name: string }) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onDown);
    };
  }, [open]);

  async function signOutEverywhere() {
    await call(userOps.endSessions).catch(() => {});
    leaveSession("signedOutEverywhere");
  }

  return (
    <div ref={box} className="relative min-w-0">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-haspopup="true" aria-label={t("account", { name })}
        className="flex min-h-11 max-w-28 items-center gap-1 lg:max-w-48 rounded-lg px-2 text-sm text-slate-700 hover:bg-slate-100">
        <span className="truncate" data-testid="current-user">{name}</span>
        <span aria-hidden>▾</span>
      </button>
      {open && (
        <div className="absolute right-0 z-20 mt-1 w-max rounded-xl border border-slate-200 bg-white p-2 shadow-xl">
          <ConfirmButton label={t("signOutEverywhere")} question={t("signOutEverywhereQuestion")} confirmLabel={t("signOutEverywhere")}
            onConfirm={signOutEverywhere} className="w-full" />
        </div>
      )}
    </div>
  );
}

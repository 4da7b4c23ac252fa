"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })}
      className="min-h-11 rounded-lg px-3 font-medium text-slate-700 hover:bg-slate-100">
      {t("signOut")}
    </button>
  );
}

"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { leaveSession } from "./SessionWatch";

/** next-auth ends the session (and its sockets, which also say so); one navigation to the sign-in page follows. */
export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <button type="button" onClick={() => void signOut({ redirect: false }).finally(() => leaveSession("signedOut"))}
      className="min-h-11 shrink-0 whitespace-nowrap rounded-lg px-3 font-medium text-slate-700 hover:bg-slate-100">
      {t("signOut")}
    </button>
  );
}

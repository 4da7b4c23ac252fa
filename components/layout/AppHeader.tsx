import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/policy";
import { LocaleSwitcher } from "./LocaleSwitcher";
import { SignOutButton } from "./SignOutButton";
import { NotificationBell } from "./NotificationBell";
import { AccountMenu } from "./AccountMenu";
import { SessionWatch } from "./SessionWatch";

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations();
  return (
    <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
      <a href="#main" className="sr-only focus:not-sr-only">{t("app.skip")}</a>
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-2 lg:gap-3">
        <Link href="/meetings" className="flex min-h-11 shrink-0 items-center text-lg font-bold text-brand-900">{t("app.name")}</Link>
        <nav className="flex flex-1 items-center gap-0 whitespace-nowrap">
          <Link href="/meetings" className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium hover:bg-slate-100">{t("nav.meetings")}</Link>
          <Link href="/opinions" className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium hover:bg-slate-100">{t("nav.opinions")}</Link>
          {can(actor, "audit.verify") && (
            <Link href="/admin/audit" className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium hover:bg-slate-100">{t("nav.audit")}</Link>
          )}
        </nav>
        <AccountMenu name={actor.name} />
        <NotificationBell />
        <LocaleSwitcher signedIn />
        <SignOutButton />
      </div>
      <SessionWatch />
    </header>
  );
}

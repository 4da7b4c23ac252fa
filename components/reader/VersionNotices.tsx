"use client";
// The bars under the reader's toolbar about versions: a newer one was published (open it), this is an older one
// (open the latest), one's notes carried over from an earlier version (and those that could not be placed, each
// opening on the version it was written on), and the pages changed since the version read before.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { VersionNews } from "./useVersionNews";

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-lg px-3 text-sm font-medium";
const BAR = "flex flex-wrap items-center gap-2 border-b px-3 py-1 text-sm";

export function VersionNotices({ news, shown, latest, paperUrl, onOpenLatest, onJump }: {
  news: VersionNews; shown: number; latest: number; paperUrl: string;
  onOpenLatest: () => void; onJump: (page: number) => void;
}) {
  const t = useTranslations("reader.versions");
  const tk = useTranslations("reader.notes.kind");
  const [listOpen, setListOpen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const { newer, carry, changed } = news;
  const carriedSomething = carry && (carry.carried.length > 0 || carry.unplaced.length > 0);
  return (
    <>
      {newer !== null && (
        <div role="alert" className={`${BAR} border-amber-300 bg-amber-50 text-amber-950`} data-testid="newer-version">
          <span className="min-w-0 flex-1">{t("newer", { version: newer })}</span>
          <button type="button" className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`} onClick={onOpenLatest}>{t("openNewer", { version: newer })}</button>
        </div>
      )}
      {newer === null && shown < latest && (
        <div role="status" className={`${BAR} border-slate-300 bg-slate-100 text-slate-900`} data-testid="older-version">
          <span className="min-w-0 flex-1">{t("older", { version: shown, latest })}</span>
          <button type="button" className={`${BUTTON} bg-brand-600 text-white hover:bg-brand-700`} onClick={onOpenLatest}>{t("openLatest")}</button>
        </div>
      )}
      {carriedSomething && !dismissed && (
        <div role="status" className={`${BAR} border-sky-200 bg-sky-50 text-sky-950`} data-testid="carried-notes">
          <span className="min-w-0 flex-1">
            {carry.carried.length > 0 && t("carried", { count: carry.carried.length, from: carry.from ?? 0 })}
            {carry.carried.length > 0 && carry.unplaced.length > 0 && " "}
            {carry.unplaced.length > 0 && t("unplaced", { count: carry.unplaced.length, from: carry.from ?? 0 })}
          </span>
          {carry.unplaced.length > 0 && (
            <button type="button" className={`${BUTTON} text-brand-700 hover:bg-sky-100`} aria-expanded={listOpen} onClick={() => setListOpen((v) => !v)}>
              {listOpen ? t("hideUnplaced") : t("showUnplaced")}
            </button>
          )}
          <button type="button" className={`${BUTTON} min-w-11 hover:bg-sky-100`} aria-label={t("dismiss")} title={t("dismiss")} onClick={() => setDismissed(true)}>✕</button>
          {listOpen && (
            <ul className="basis-full space-y-1 pb-1" data-testid="unplaced-notes">
              {carry.unplaced.map((n) => (
                <li key={n.clientId} className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-200 bg-white px-2" data-testid="unplaced-note">
                  <span className="text-xs font-semibold text-slate-600">{t("notePlace", { kind: tk(n.kind), page: n.page })}</span>
                  <span className="min-w-0 flex-1 truncate">{n.text}</span>
                  <Link className={`${BUTTON} text-brand-700 hover:bg-sky-50`} href={`${paperUrl}?version=${n.version}&page=${n.page}`}>{t("openOn", { version: n.version })}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {changed && changed.pages.length > 0 && (
        <div role="status" className={`${BAR} border-violet-200 bg-violet-50 text-violet-950`} data-testid="changed-pages">
          <span>{t("changed", { since: changed.since, count: changed.pages.length })}</span>
          {changed.pages.slice(0, 12).map((p) => (
            <button key={p} type="button" className={`${BUTTON} min-w-11 border border-violet-300 bg-white px-2 hover:bg-violet-100`} onClick={() => onJump(p)} aria-label={t("goToChanged", { page: p })}>{p}</button>
          ))}
          {changed.pages.length > 12 && <span>…</span>}
        </div>
      )}
    </>
  );
}

"use client";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { call } from "@/lib/http/client";
import { notificationOps } from "@/lib/notifications/operations";
import type { notificationListJson } from "@/lib/notifications/schema";
import { getSocket } from "@/lib/realtime/client";

/** A text a notification's data carries (the member a deputy attends for), or "". */
const dataText = (data: unknown, key: string) => {
  const v = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : "";
};
/** Notifications about a request for written opinions carry its id (they belong to no meeting). */
const opinionOf = (data: unknown) => dataText(data, "opinionId") || null;

/** Badge with the unread count, live through the user's own room; a list that opens on tap, closes on Escape or a tap outside. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  // "5 minutes ago" against a clock that ticks, not the render time (next-intl asks for an explicit `now`).
  const now = useNow({ updateInterval: 30_000 });
  const [data, setData] = useState<z.output<typeof notificationListJson>>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);
  const load = useCallback(() => call(notificationOps.list).then(setData, () => {}), []);

  useEffect(() => {
    void load();
    const socket = getSocket();
    const onNew = () => void load();
    socket.on("notification.created", onNew);
    socket.on("notifications.read", onNew);
    socket.on("connect", onNew); // catch up after a lost connection
    return () => {
      socket.off("notification.created", onNew);
      socket.off("notifications.read", onNew);
      socket.off("connect", onNew);
    };
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      bell.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  async function markAll() {
    await call(notificationOps.read, { body: {} });
    await load();
  }

  return (
    <div className="relative" ref={root}>
      <button type="button" ref={bell} onClick={() => setOpen(!open)} aria-expanded={open} aria-haspopup="true" data-testid="notification-bell"
        aria-label={`${t("title")}${data.unread ? ` – ${t("unread", { count: data.unread })}` : ""}`}
        className="relative flex min-h-11 min-w-11 items-center justify-center rounded-lg hover:bg-slate-100">
        <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="h-6 w-6">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {data.unread > 0 && (
          <span data-testid="notification-badge" className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold text-white">{data.unread}</span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label={t("title")} className="absolute right-0 z-20 mt-1 w-[min(24rem,90vw)] rounded-xl border border-slate-200 bg-white p-2 shadow-xl">
          <div className="flex items-center justify-between px-2 py-1">
            <h2 className="font-semibold">{t("title")}</h2>
            {data.unread > 0 && <button type="button" onClick={markAll} className="min-h-11 px-2 text-sm text-brand-700">{t("markAllRead")}</button>}
          </div>
          {data.items.length === 0 && <p className="p-2 text-slate-600">{t("empty")}</p>}
          <ul className="max-h-96 overflow-auto" data-testid="notification-list">
            {data.items.map((n) => (
              <li key={n.id}>
                <Link href={n.meetingId ? `/meetings/${n.meetingId}` : opinionOf(n.data) ? `/opinions/${opinionOf(n.data)}` : "#"} onClick={() => setOpen(false)}
                  className={`block min-h-11 rounded-lg p-2 hover:bg-slate-50 ${n.readAt ? "text-slate-600" : "font-medium"}`}>
                  {t.has(`kind.${n.kind}`) ? t(`kind.${n.kind}`, { subject: n.subject, member: dataText(n.data, "memberName") }) : n.subject}
                  <span className="block text-xs text-slate-500">{format.relativeTime(new Date(n.createdAt), now)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

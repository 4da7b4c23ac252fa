"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/lib/http/client";
import { getSocket } from "@/lib/realtime/client";

interface Item { id: string; kind: string; subject: string; meetingId: string | null; createdAt: string; readAt: string | null }

/** Badge with the unread count, live through the user's own room; a list that opens on tap. */
export function NotificationBell() {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const [data, setData] = useState<{ unread: number; items: Item[] }>({ unread: 0, items: [] });
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const load = useCallback(() => api("GET", "/api/v1/notifications").then(setData, () => {}), []);

  useEffect(() => {
    void load();
    const socket = getSocket();
    const onNew = () => void load();
    socket.on("notification.created", onNew);
    socket.on("connect", onNew); // catch up after a lost connection
    return () => {
      socket.off("notification.created", onNew);
      socket.off("connect", onNew);
    };
  }, [load]);

  async function markAll() {
    await api("POST", "/api/v1/notifications/read", {});
    await load();
  }

  return (
    <div className="relative">
      <button type="button" onClick={() => setOpen(!open)} aria-expanded={open} aria-haspopup="true" data-testid="notification-bell"
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
        <div ref={panel} role="dialog" aria-label={t("title")} className="absolute right-0 z-20 mt-1 w-[min(24rem,90vw)] rounded-xl border border-slate-200 bg-white p-2 shadow-xl">
          <div className="flex items-center justify-between px-2 py-1">
            <h2 className="font-semibold">{t("title")}</h2>
            {data.unread > 0 && <button type="button" onClick={markAll} className="min-h-11 px-2 text-sm text-brand-700">{t("markAllRead")}</button>}
          </div>
          {data.items.length === 0 && <p className="p-2 text-slate-600">{t("empty")}</p>}
          <ul className="max-h-96 overflow-auto" data-testid="notification-list">
            {data.items.map((n) => (
              <li key={n.id}>
                <Link href={n.meetingId ? `/meetings/${n.meetingId}` : "#"} onClick={() => setOpen(false)}
                  className={`block min-h-11 rounded-lg p-2 hover:bg-slate-50 ${n.readAt ? "text-slate-600" : "font-medium"}`}>
                  {t.has(`kind.${n.kind}`) ? t(`kind.${n.kind}`, { subject: n.subject }) : n.subject}
                  <span className="block text-xs text-slate-500">{format.relativeTime(new Date(n.createdAt))}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

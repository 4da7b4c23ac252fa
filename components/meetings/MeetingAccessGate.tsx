"use client";
// A participant removed while the meeting is open: the server has already taken their sockets out of its rooms; this
// replaces the meeting with a notice saying so (the meeting's own live view unmounts with it).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { getSocket } from "@/lib/realtime/client";
import { userEventSchemas } from "@/lib/realtime/events";

export function MeetingAccessGate({ meetingId, children }: { meetingId: string; children: React.ReactNode }) {
  const t = useTranslations("meeting.removed");
  const [removed, setRemoved] = useState(false);

  useEffect(() => {
    const socket = getSocket();
    const onRemoved = (raw: unknown) => {
      const p = userEventSchemas["meeting.removed"].safeParse(raw);
      if (p.success && p.data.meetingId === meetingId) setRemoved(true);
    };
    socket.on("meeting.removed", onRemoved);
    return () => {
      socket.off("meeting.removed", onRemoved);
    };
  }, [meetingId]);

  if (!removed) return children;
  return (
    <section role="alert" data-testid="meeting-removed" className="mx-auto mt-8 max-w-xl rounded-2xl border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold text-amber-950">{t("title")}</h1>
      <p className="mt-2 text-amber-950">{t("body")}</p>
      <Link href="/meetings" className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
        {t("back")}
      </Link>
    </section>
  );
}

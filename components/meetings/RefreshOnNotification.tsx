"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { getSocket } from "@/lib/realtime/client";

/** Re-reads a server-rendered page when the user is told something (invited, published, cancelled, removed). */
export function RefreshOnNotification() {
  const router = useRouter();
  useEffect(() => {
    const socket = getSocket();
    const refresh = () => router.refresh();
    socket.on("notification.created", refresh);
    socket.on("meeting.removed", refresh);
    return () => {
      socket.off("notification.created", refresh);
      socket.off("meeting.removed", refresh);
    };
  }, [router]);
  return null;
}

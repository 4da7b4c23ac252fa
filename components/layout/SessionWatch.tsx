"use client";
// When this tablet's session ends (signed out here or elsewhere, account deactivated, password changed, expired), the
// server says why and closes the socket: go to the sign-in page, which says why too. Mounted with the app header.
import { useEffect } from "react";
import { getSocket } from "@/lib/realtime/client";
import { userEventSchemas, type SessionEndReason } from "@/lib/realtime/events";

let leaving = false;
/** To the sign-in page, once: the API answer and the socket's notice may both ask, and a second navigation would abort the first. */
export function leaveSession(reason: SessionEndReason) {
  if (leaving) return;
  leaving = true;
  window.location.assign(`/login?ended=${reason}`);
}

export function SessionWatch() {
  useEffect(() => {
    const socket = getSocket();
    const onEnded = (raw: unknown) => {
      const p = userEventSchemas["session.ended"].safeParse(raw);
      leaveSession(p.success ? p.data.reason : "expired");
    };
    // Refused when reconnecting: the session ended while this tablet was offline.
    const onRefused = (e: Error) => {
      if (e.message === "UNAUTHENTICATED") leaveSession("expired");
    };
    socket.on("session.ended", onEnded);
    socket.on("connect_error", onRefused);
    return () => {
      socket.off("session.ended", onEnded);
      socket.off("connect_error", onRefused);
    };
  }, []);
  return null;
}

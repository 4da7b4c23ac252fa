"use client";
// Read receipts from the reader: the pages seen and the current page, reported in batches (on open, then at most
// every REPORT_EVERY ms while something changed, and when the page is hidden or left) — never a write per page turn.
import { useCallback, useEffect, useRef } from "react";
import { href } from "@/lib/http/operation";
import { readingOps } from "@/lib/reading/operations";

export const REPORT_EVERY = 15_000;

export function useReadingReport(documentId: string, version: number, enabled: boolean) {
  const pending = useRef(new Set<number>());
  const lastPage = useRef(0);
  const dirty = useRef(false);
  const opened = useRef(false);

  const flush = useCallback(() => {
    if (!enabled || !dirty.current || lastPage.current < 1) return;
    const pages = [...pending.current];
    pending.current.clear();
    dirty.current = false;
    // keepalive: the last report must outlive the page it is sent from.
    void fetch(href(readingOps.report, { params: { documentId } }), {
      method: "PUT",
      keepalive: true,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version, pages, lastPage: lastPage.current }),
    }).catch(() => {
      for (const p of pages) pending.current.add(p);
      dirty.current = true;
    });
  }, [documentId, version, enabled]);

  /** The reader is on `page`: seen, and where they are. The first one opens the receipt at once. */
  const seen = useCallback(
    (page: number) => {
      pending.current.add(page);
      lastPage.current = page;
      dirty.current = true;
      if (!opened.current) {
        opened.current = true;
        flush();
      }
    },
    [flush],
  );

  useEffect(() => {
    if (!enabled) return;
    const timer = setInterval(flush, REPORT_EVERY);
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", flush);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [enabled, flush]);

  return { seen, flush };
}

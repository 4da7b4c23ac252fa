"use client";
// The reader's panel, server-rendered as always, but its code is asked for and hydrated only once pdf.js has drawn the
// first page (first-drawn.ts): until then its server HTML stays as it is (React leaves a suspended part of the page
// alone while hydrating the rest, and replays a tap on it once it is hydrated), and the page's scripts are Next's,
// React's and pdf.js's only. bench/reader.ts measures what this buys on a throttled tablet.
// The reader's styles are here, not with the panel: the page drawn before the panel's code arrives needs them.
import "pdfjs-dist/web/pdf_viewer.css";
import "./reader.css";
import { lazy, Suspense } from "react";
import { firstPageDrawn } from "./first-drawn";
import type { ReaderPanelProps } from "./ReaderPanel";

// On the server the panel is rendered at once, without a lazy import to wait for: a boundary that waited for one
// (the first request after each start) was streamed apart from the page (see the paper page). The branch is compiled
// out of the browser's bundle (Next replaces `typeof window` there), so the panel's code stays out of it.
const Panel = typeof window === "undefined"
  ? (require("./ReaderPanel") as typeof import("./ReaderPanel")).default
  : lazy(() => firstPageDrawn().then(() => import("./ReaderPanel")));

export function ReaderDeferred(props: ReaderPanelProps) {
  return (
    <Suspense fallback={null}>
      <Panel {...props} />
    </Suspense>
  );
}

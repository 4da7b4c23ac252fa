// The reader's panel (toolbar, notes, live updates) is hydrated after pdf.js has drawn the first page, not before it:
// on a tablet, React's hydration and the panel's scripts (zod, socket.io, the notes) take the page's one main thread
// for seconds, and pdf.js needs that thread to feed its worker the paper's bytes and to draw. The page's inline script
// (boot.ts) says when its viewer has drawn a page or given up; the panel's code is asked for then (ReaderDeferred.tsx).
// Nothing here may import more than this file: it is in the page's first scripts.

/** The longest the panel waits for pdf.js's first page: a slow or broken paper must not leave the toolbar dead. */
export const PANEL_WAIT_MS = 6000;

/** Set by the page's inline script: resolves when its viewer drew a page, or could not (no viewer, a failed paper). */
export const FIRST_DRAWN_GLOBAL = "__ocFirstDrawn";

/** Resolves when the reader's panel may be hydrated: the first page drawn, at most PANEL_WAIT_MS, at once without a script. */
export function firstPageDrawn(waitMs = PANEL_WAIT_MS): Promise<void> {
  if (typeof window === "undefined") return Promise.resolve();
  const drawn = (window as unknown as Record<string, Promise<void> | undefined>)[FIRST_DRAWN_GLOBAL];
  if (!drawn) return Promise.resolve();
  return Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]);
}

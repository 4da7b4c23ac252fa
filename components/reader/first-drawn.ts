// The reader's panel (toolbar, notes, live updates) is hydrated after pdf.js has drawn the first page, not before it:
// on a tablet, React's hydration and the panel's scripts (zod, socket.io, the notes) take the page's one main thread
// for seconds, and pdf.js needs that thread to feed its worker the paper's bytes and to draw. The page's inline script
// (boot.ts) says when its viewer has drawn a page or given up; the panel's code is asked for then (ReaderDeferred.tsx).
// Nothing here may import more than this file: it is in the page's first scripts.

/** The longest the panel waits for pdf.js's first page: a slow or broken paper must not leave the toolbar dead. */
export const PANEL_WAIT_MS = 6000;

/**
 * Set by the page's inline script: `drawn` resolves when its viewer drew a page, or could not (no viewer, a failed
 * paper); `path` is the page it was set up on.
 */
export const FIRST_DRAWN_GLOBAL = "__ocFirstDrawn";

export interface FirstDrawn {
  path: string;
  drawn: Promise<void>;
}

/**
 * Resolves when the reader's panel may be hydrated: once the page's inline script has drawn the first page, at most
 * `waitMs` later. At once when there is no such script for this page: a paper reached by a tap in the app (no inline
 * script runs; the panel opens pdf.js itself), or one left before its first page was drawn, whose promise would
 * otherwise hold the next paper's panel back.
 */
export function firstPageDrawn(waitMs = PANEL_WAIT_MS, win: { location: { pathname: string } } | undefined = typeof window === "undefined" ? undefined : window): Promise<void> {
  if (!win) return Promise.resolve();
  const boot = (win as unknown as Record<string, FirstDrawn | undefined>)[FIRST_DRAWN_GLOBAL];
  if (!boot || boot.path !== win.location.pathname) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([boot.drawn, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]).finally(() => clearTimeout(timer));
}

// When the reader's panel may be hydrated (first-drawn.ts): after the page's own first page, never held back by
// another page's, never for longer than its wait.
import { describe, expect, it } from "vitest";
import { FIRST_DRAWN_GLOBAL, firstPageDrawn } from "./first-drawn";

const pageAt = (pathname: string, boot?: { path: string; drawn: Promise<void> }) => ({ location: { pathname }, ...(boot ? { [FIRST_DRAWN_GLOBAL]: boot } : {}) });
const PAPER = "/meetings/m1/papers/d1";
/** How long the promise took to resolve, in ms (Infinity: not within `limit`). */
async function took(p: Promise<void>, limit = 1000) {
  const start = performance.now();
  const done = await Promise.race([p.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), limit))]);
  return done ? performance.now() - start : Infinity;
}

describe("firstPageDrawn", () => {
  it("resolves at once on the server and where no inline script ran (a paper opened by a tap in the app)", async () => {
    expect(await took(firstPageDrawn(5000, undefined))).toBeLessThan(50);
    expect(await took(firstPageDrawn(5000, pageAt(PAPER)))).toBeLessThan(50);
  });

  it("waits for this page's first page to be drawn", async () => {
    let drawn!: () => void;
    const boot = { path: PAPER, drawn: new Promise<void>((r) => (drawn = r)) };
    const waiting = firstPageDrawn(5000, pageAt(PAPER, boot));
    setTimeout(drawn, 150);
    const ms = await took(waiting);
    expect(ms).toBeGreaterThanOrEqual(120);
    expect(ms).toBeLessThan(1000);
  });

  it("waits no longer than its limit when the first page never comes", async () => {
    const boot = { path: PAPER, drawn: new Promise<void>(() => {}) };
    const ms = await took(firstPageDrawn(200, pageAt(PAPER, boot)));
    expect(ms).toBeGreaterThanOrEqual(180);
    expect(ms).toBeLessThan(1000);
  });

  it("is not held back by another paper's page left before its first page was drawn", async () => {
    const boot = { path: "/meetings/m1/papers/other", drawn: new Promise<void>(() => {}) };
    expect(await took(firstPageDrawn(5000, pageAt(PAPER, boot)))).toBeLessThan(50);
  });
});

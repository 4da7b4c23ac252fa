"use client";
// Page thumbnails, drawn only when scrolled into the strip (a 300-page paper draws a handful), each a 44 px+ target.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { PDFDocumentProxy } from "pdfjs-dist";

const WIDTH = 96;

function Thumbnail({ doc, page, current, onPick, root }: { doc: PDFDocumentProxy; page: number; current: boolean; onPick: (p: number) => void; root: HTMLElement | null }) {
  const t = useTranslations("reader");
  const canvas = useRef<HTMLCanvasElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const el = button.current;
    if (!el) return;
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    const draw = async () => {
      const p = await doc.getPage(page);
      if (cancelled || !canvas.current) return;
      const base = p.getViewport({ scale: 1 });
      const viewport = p.getViewport({ scale: (WIDTH * devicePixelRatio) / base.width });
      const c = canvas.current;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      const render = p.render({ canvas: c, viewport });
      task = render;
      await render.promise.catch(() => {});
    };
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        void draw();
      }
    }, { root, rootMargin: "200px" });
    seen.observe(el);
    return () => {
      cancelled = true;
      seen.disconnect();
      task?.cancel();
    };
  }, [doc, page, root]);

  useEffect(() => {
    if (current) button.current?.scrollIntoView({ block: "nearest" });
  }, [current]);

  return (
    <button ref={button} type="button" onClick={() => onPick(page)} aria-label={t("thumbnail", { page })} aria-current={current ? "page" : undefined}
      className={`flex w-full flex-col items-center gap-1 rounded-lg p-2 ${current ? "bg-brand-100 ring-2 ring-brand-600" : "hover:bg-slate-100"}`}>
      <canvas ref={canvas} width={WIDTH} height={Math.round(WIDTH * 1.41)} className="bg-white shadow" style={{ width: WIDTH, height: "auto" }} />
      <span className="text-xs text-slate-700">{page}</span>
    </button>
  );
}

export function Thumbnails({ doc, current, onPick }: { doc: PDFDocumentProxy; current: number; onPick: (p: number) => void }) {
  const t = useTranslations("reader");
  const strip = useRef<HTMLElement>(null);
  const pages = Array.from({ length: doc.numPages }, (_, i) => i + 1);
  return (
    <nav ref={strip} aria-label={t("thumbnails")} data-testid="thumbnails" className="w-32 shrink-0 overflow-y-auto border-r border-slate-300 bg-white p-1">
      {pages.map((p) => <Thumbnail key={p} doc={doc} page={p} current={p === current} onPick={onPick} root={strip.current} />)}
    </nav>
  );
}

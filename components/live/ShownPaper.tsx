"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { DocumentRow } from "@/lib/meetings/view";
import { drawPage } from "./pagePicture";

/** The page the presenter shows; a member who follows sees it turn, one who browses gets a tap to come back. */
export function ShownPaper({ fileUrl, document, page, presenter, following, onFollow, readerHref, large = false }: {
  /** Where this viewer reads the paper: the permission-checked file route, or the display's own. */
  fileUrl: string;
  document: DocumentRow;
  page: number;
  presenter: string | null;
  following: boolean;
  onFollow: () => void;
  /** A member's way into the real reader, following the presenter there (the room display has none). */
  readerHref?: string;
  large?: boolean;
}) {
  const t = useTranslations("live");
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const url = fileUrl;

  useEffect(() => {
    if (!following || !canvas.current || !box.current) return;
    const abort = new AbortController();
    setFailed(false);
    // The whole page in view: the room display's free area, or most of a tablet's screen height.
    const height = large ? box.current.clientHeight : Math.round(window.innerHeight * 0.7);
    drawPage(canvas.current, url, page, box.current.clientWidth, height, abort.signal)
      .then(() => !abort.signal.aborted && setDrawn(page))
      .catch(() => !abort.signal.aborted && setFailed(true));
    return () => abort.abort();
  }, [following, url, page, large]);

  return (
    <div className={`${large ? "flex h-full flex-col" : ""} space-y-2 border-t border-slate-100 pt-3`} data-testid="shown-paper" data-document-id={document.id} data-page={page}>
      <p className={`font-medium ${large ? "text-2xl" : ""}`}>
        {presenter ? t("presenterShows", { name: presenter, title: document.title }) : document.title}{" "}
        <span className="text-slate-600" data-testid="shown-page">{t("page", { page, pages: document.version?.pageCount ?? page })}</span>
      </p>
      {readerHref && (
        <Link href={readerHref} className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-semibold text-white" data-testid="follow-in-reader">{t("openInReader")}</Link>
      )}
      {following ? (
        <div ref={box} className={`flex justify-center overflow-hidden rounded-lg border border-slate-200 bg-slate-100 ${large ? "min-h-0 flex-1" : ""}`}>
          <canvas ref={canvas} data-testid="shown-canvas" data-drawn-page={drawn ?? ""} aria-label={t("page", { page, pages: document.version?.pageCount ?? page })} />
          {failed && <p role="alert" className="p-3 text-red-800">{t("pageFailed")}</p>}
        </div>
      ) : (
        <button type="button" onClick={onFollow} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white" data-testid="follow-presenter">{t("followPresenter")}</button>
      )}
    </div>
  );
}

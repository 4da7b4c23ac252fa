import { Suspense } from "react";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { readerView } from "@/lib/reading/queries";
import { ReaderDeferred } from "@/components/reader/ReaderDeferred";
import { ReaderBoot } from "@/components/reader/ReaderBoot";
import { initialPageOf, paperFileUrl, shownVersion } from "@/components/reader/boot";
import { getTranslations } from "next-intl/server";
import { getDateFormat } from "@/lib/i18n/server";
import { pdfjsVersion } from "@/lib/documents/pdfjs-version";
import { firstPageUrl } from "@/components/reader/firstpage";

export const dynamic = "force-dynamic";

export default async function PaperPage({ params, searchParams }: {
  params: Promise<{ meetingId: string; documentId: string }>;
  searchParams: Promise<{ page?: string | string[]; version?: string | string[] }>;
}) {
  const actor = await pageActor();
  const { meetingId, documentId } = await params;
  const view = await orNotFound(readerView(actor, meetingId, documentId));
  // "My notes" links to a note's page: ?page=N opens there instead of where the reader left off.
  const query = await searchParams;
  const asked = Number(query.page);
  // ?version=N opens an earlier version (a note that could not be carried over stays there); unknown ones: the latest.
  const asks = Number(query.version);
  const version = Number.isInteger(asks) && asks > 0 ? asks : undefined;
  const pdfjs = pdfjsVersion();
  const shown = shownVersion(view, version);
  const startPage = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  // The marks over every page, in the same words whether the page's script or the reader panel lays them.
  const [t, tc, dates] = await Promise.all([getTranslations("reader"), getTranslations("confidentiality"), getDateFormat()]);
  const watermark = t("watermark", { name: actor.name, time: dates.dateTime(new Date()) });
  const mark = view.document.confidentiality !== "NORMAL" ? tc(view.document.confidentiality) : null;
  const initialPage = initialPageOf(view, shown, startPage);
  const boot = {
    url: paperFileUrl(view.document.id, shown.number), size: shown.size, pdfjsVersion: pdfjs, initialPage, marks: { watermark, mark, changedLabel: "" },
    firstPage: shown.firstPage && initialPage === 1 ? firstPageUrl(view.document.id, shown.number) : null,
    ranges: (initialPage === 1 && shown.firstPage?.ranges) || null,
  };
  return (
    <main id="main">
      {/* First in the page: pdf.js and the paper's first request start as soon as this is parsed (boot.ts). */}
      <ReaderBoot part="start" {...boot} />
      {/* The session watch, the removed-participant gate and the reader, hydrated once pdf.js has drawn page 1. In one
          piece with the page: React streams a Suspense boundary apart (hidden until a later frame, i.e. after the
          page's scripts have run) once the page's HTML passes ~12.8 KB (its progressiveChunkSize). */}
      <ReaderDeferred meetingId={meetingId} view={view} watermark={watermark} startPage={startPage} version={version} pdfjsVersion={pdfjs} />
      {/* The rest of the boot script (~4 KB, pdf.js's viewer on the paper's container) in a boundary of its own, out
          of the panel's budget: streamed apart, a script still runs as it is parsed. */}
      <Suspense fallback={null}>
        <ReaderBoot part="viewer" {...boot} />
      </Suspense>
    </main>
  );
}

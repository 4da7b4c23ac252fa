// The reader page's head start (see boot.ts): pdf.js's worker, library and viewer modules and the paper's first
// request begin while the browser is still receiving Next's scripts, and pdf.js's viewer draws page 1 (with the
// marks) on the server-rendered container without waiting for React. Server-rendered only: the inline script runs
// once, from the page's HTML; React does not run it again, and the viewer starts pdf.js itself when it is absent.
// Two parts (bootStartScript, bootViewerScript): `start`, first in the page, asks for the worker, the library and the paper
// (once the first page's picture is in);
// `viewer`, after the reader's panel in a Suspense boundary of its own (see the page), sets pdf.js's viewer up.
import { headers } from "next/headers";
import { bootStartScript, bootViewerScript, pdfjsAssets } from "./boot";
import type { PageMarks } from "./marks";
import type { ByteRange } from "@/lib/reading/paper-bytes";

/** The request's CSP nonce (proxy.ts puts the policy on the request; Next puts the same nonce on its own scripts). */
async function requestNonce() {
  return /'nonce-([^']+)'/.exec((await headers()).get("content-security-policy") ?? "")?.[1];
}

/** `firstPage`: the first page's picture (firstpage.ts), when there is one: pdf.js's downloads wait for it. */
export async function ReaderBoot({ part, url, size, pdfjsVersion, initialPage, marks, firstPage, ranges }: {
  part: "start" | "viewer"; url: string; size: number; pdfjsVersion: string; initialPage: number; marks: Omit<PageMarks, "changed">; firstPage: string | null;
  /** The byte ranges page 1 needs (FirstPage.ranges), asked for first instead of the whole paper. */
  ranges: ByteRange[] | null;
}) {
  const nonce = await requestNonce();
  if (part === "viewer") return <script type="module" async nonce={nonce} dangerouslySetInnerHTML={{ __html: bootViewerScript(url, pdfjsVersion, size, initialPage, marks, !!ranges) }} />;
  // No preload hints for the picture or pdf.js's modules: given after this component's await, React sends them once
  // the page's head is out, in the RSC payload, which the browser reads only at hydration. The picture's <img>
  // (fetchpriority high) is found by the browser's preload scanner in the panel's HTML, and pdf.js's downloads wait for
  // it (bootStartScript).
  const assets = pdfjsAssets(pdfjsVersion);
  return (
    <>
      {/* pdf.js's labels in the page's language (lib/i18n/pdfjs.ts): its GenericL10n looks for this link. */}
      <link rel="resource" type="application/l10n" href={assets.l10n} />
      <script type="module" async nonce={nonce} dangerouslySetInnerHTML={{ __html: bootStartScript(url, pdfjsVersion, size, firstPage, nonce, ranges) }} />
    </>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { orNotFound, pageActor } from "@/lib/auth/page";
import { getMeetingSnapshot } from "@/lib/meetings/queries";
import { agendaPrintModel, type PrintDocument } from "@/lib/agenda/print";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { PrintButton } from "@/components/agenda/PrintButton";
import { href } from "@/lib/http/operation";
import { agendaOps } from "@/lib/agenda/operations";

export const dynamic = "force-dynamic";

/** A CSS string literal (for @page margin boxes). */
const cssString = (s: string) => JSON.stringify(s).replace(/</g, "\\3c ");

/** "Trang {page}/{pages}" as CSS content, with the browser's page counters in place of the numbers. */
function pageCounterCss(footer: (page: string, pages: string) => string): string {
  return footer("\u0001", "\u0002")
    .split(/([\u0001\u0002])/)
    .filter(Boolean)
    .map((part) => (part === "\u0001" ? "counter(page)" : part === "\u0002" ? "counter(pages)" : cssString(part)))
    .join(" ");
}

function Documents({ documents }: { documents: PrintDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {documents.map((d) => (
        <li key={d.id} className="flex gap-2" data-testid="print-document">
          <span aria-hidden className="text-neutral-500">•</span>
          <span>
            {d.mark && <strong className="mr-1.5 text-red-800 print:text-black">{d.mark}</strong>}
            {d.title}
            {d.pages && <span className="text-neutral-600"> · {d.pages}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

const NUMBER_WIDTH = ["min-w-8", "min-w-12", "min-w-16"];

export default async function PrintAgendaPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await pageActor();
  const { meetingId } = await params;
  const snapshot = await orNotFound(getMeetingSnapshot(actor, meetingId));
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const model = await agendaPrintModel(snapshot, locale);
  const t = await getTranslations("print");
  const footerCss = `@page { size: A4; margin: 14mm 14mm 18mm;
    @bottom-left { content: ${cssString(model.title)}; font-size: 8pt; color: #444; }
    @bottom-right { content: ${pageCounterCss(model.footer)}; font-size: 8pt; color: #444; } }`;

  return (
    <main id="main" className="min-h-screen bg-white text-black">
      <style>{footerCss}</style>
      <div className="mx-auto max-w-[210mm] px-6 py-6 print:max-w-none print:p-0">
        <nav className="mb-6 flex flex-wrap items-center gap-3 print:hidden" aria-label={model.heading}>
          <Link href={`/meetings/${snapshot.meeting.id}`} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-medium">
            ← {t("back")}
          </Link>
          <span className="flex-1" />
          <a href={href(agendaOps.pdf, { params: { meetingId: snapshot.meeting.id }, query: { locale } })} data-testid="download-pdf"
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-medium">
            {t("downloadPdf")}
          </a>
          <PrintButton label={t("print")} />
        </nav>

        <header className="relative text-center">
          {model.statusMark && (
            <p className="absolute right-0 top-0 font-bold text-red-800 print:text-black" data-testid="print-status">{model.statusMark}</p>
          )}
          <p className="text-sm font-bold uppercase tracking-wide text-neutral-600">{model.heading}</p>
          <h1 className="mt-2 text-2xl font-bold leading-snug">{model.title}</h1>
        </header>

        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
          {model.meta.map((m) => (
            <div key={m.label} className="contents">
              <dt className="font-bold">{m.label}:</dt>
              <dd>{m.value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-1 text-xs text-neutral-600">{model.stamp}</p>

        {model.rows.length === 0 ? (
          <p className="mt-6">{model.noAgenda}</p>
        ) : (
          <>
            <table className="mt-6 w-full border-collapse" data-testid="print-agenda">
              <thead>
                <tr className="border-b-2 border-neutral-700 text-left text-xs font-bold text-neutral-600">
                  <th scope="col" className="w-16 py-1 pr-3">{model.columns.time}</th>
                  <th scope="col" className="py-1">{model.columns.item}</th>
                  <th scope="col" className="whitespace-nowrap py-1 pl-3 text-right">{model.columns.minutes}</th>
                </tr>
              </thead>
              <tbody>
                {model.rows.map((r, i) => (
                  <tr key={r.id} data-testid="print-item" className={`break-inside-avoid ${r.depth === 0 && i > 0 ? "border-t border-neutral-300" : ""}`}>
                    <td className="py-1.5 pr-3 align-top font-bold tabular-nums">{r.time}</td>
                    <td className="py-1.5 align-top">
                      <div className="flex gap-1.5" style={{ paddingLeft: `${r.depth * 1.25}rem` }}>
                        <span className={`shrink-0 font-bold ${NUMBER_WIDTH[Math.min(r.depth, 2)]}`}>{r.number}</span>
                        <div className="min-w-0">
                          <p className={r.depth === 0 ? "font-bold" : ""}>{r.title}</p>
                          {r.presenter && <p className="text-sm text-neutral-700">{r.presenter}</p>}
                          {r.description && <p className="whitespace-pre-line text-sm text-neutral-700">{r.description}</p>}
                          <Documents documents={r.documents} />
                        </div>
                      </div>
                    </td>
                    <td className="whitespace-nowrap py-1.5 pl-3 text-right align-top text-sm text-neutral-700">{r.minutes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-2 border-t-2 border-neutral-700 pt-2 font-bold" data-testid="print-total">{model.total}</p>
          </>
        )}

        {model.meetingDocuments.length > 0 && (
          <section className="mt-6 break-inside-avoid">
            <h2 className="text-lg font-bold">{model.meetingDocumentsHeading}</h2>
            <Documents documents={model.meetingDocuments} />
          </section>
        )}
      </div>
    </main>
  );
}

"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { DocumentSummary } from "@/lib/meetings/queries";
import { FileIcon } from "@/components/ui/FileIcon";
import { DocumentActions } from "@/components/documents/DocumentActions";
import { MyPaperBadge } from "@/components/reader/MyReading";

const MARK: Record<string, string> = {
  NORMAL: "",
  CONFIDENTIAL: "bg-orange-100 text-orange-900",
  SECRET: "bg-red-100 text-red-900",
};

export function DocumentList({ documents, changed, manage }: {
  documents: DocumentSummary[]; changed: Set<string>;
  manage?: { participants: { user: { id: string; name: string } }[] };
}) {
  const t = useTranslations();
  // Shown on the meeting's page: a paper opens in the reader there.
  const { meetingId } = useParams<{ meetingId: string }>();
  return (
    <ul className="mt-2 space-y-1" aria-label={t("meeting.documents")}>
      {documents.map((d) => (
        <li key={d.id} data-testid="document" className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
          <div className="flex flex-wrap items-center gap-2">
            <FileIcon />
            <Link href={`/meetings/${meetingId}/papers/${d.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-900 underline-offset-2 hover:underline"
              aria-label={t("documents.open", { title: d.title })}>{d.title}</Link>
            {d.confidentiality !== "NORMAL" && (
              <span className={`rounded px-1.5 text-xs font-semibold ${MARK[d.confidentiality]}`}>{t(`confidentiality.${d.confidentiality}`)}</span>
            )}
            {d.version && <MyPaperBadge meetingId={meetingId} paper={{ id: d.id, version: d.version.number, pageCount: d.version.pageCount }} />}
            {changed.has(d.id) && <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-900">{t("meeting.updated")}</span>}
            {d.version && (
              <span className="whitespace-nowrap text-sm text-slate-600" data-testid="document-meta">
                {t("meeting.pages", { count: d.version.pageCount })} · {t("meeting.version", { version: d.version.number })}
              </span>
            )}
          </div>
          {manage && <DocumentActions document={d} participants={manage.participants} allowed={d.allowedUserIds} />}
        </li>
      ))}
    </ul>
  );
}

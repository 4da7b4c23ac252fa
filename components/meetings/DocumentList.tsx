"use client";
import { useTranslations } from "next-intl";
import type { DocumentSummary } from "@/lib/meetings/queries";
import type { Jsonified } from "@/lib/http/json";
import { FileIcon } from "@/components/ui/FileIcon";

const MARK: Record<string, string> = {
  NORMAL: "",
  CONFIDENTIAL: "bg-orange-100 text-orange-900",
  SECRET: "bg-red-100 text-red-900",
};

export function DocumentList({ documents, changed }: { documents: Jsonified<DocumentSummary>[]; changed: Set<string> }) {
  const t = useTranslations();
  return (
    <ul className="mt-2 space-y-1" aria-label={t("meeting.documents")}>
      {documents.map((d) => (
        <li key={d.id} data-testid="document" className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
          <FileIcon />
          <span className="font-medium">{d.title}</span>
          {d.confidentiality !== "NORMAL" && (
            <span className={`rounded px-1.5 text-xs font-semibold ${MARK[d.confidentiality]}`}>{t(`confidentiality.${d.confidentiality}`)}</span>
          )}
          {changed.has(d.id) && <span className="rounded bg-amber-200 px-1.5 text-xs font-semibold text-amber-900">{t("meeting.updated")}</span>}
          {d.version && (
            <span className="text-sm text-slate-600">
              {t("meeting.pages", { count: d.version.pageCount })} · {t("meeting.version", { version: d.version.number })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

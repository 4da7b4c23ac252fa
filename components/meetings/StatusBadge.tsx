import { useTranslations } from "next-intl";

const COLORS: Record<string, string> = {
  DRAFT: "bg-slate-200 text-slate-800",
  SUBMITTED: "bg-amber-100 text-amber-900",
  APPROVED: "bg-sky-100 text-sky-900",
  PUBLISHED: "bg-emerald-100 text-emerald-900",
  IN_PROGRESS: "bg-red-100 text-red-900",
  CLOSED: "bg-slate-300 text-slate-900",
  CANCELLED: "bg-slate-200 text-slate-600 line-through",
};

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("status");
  return <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${COLORS[status] ?? ""}`}>{t(status)}</span>;
}

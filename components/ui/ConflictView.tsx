"use client";
// A real conflict: someone saved this while you were editing. Both versions side by side; nothing is lost until
// the user chooses.
import { useTranslations } from "next-intl";

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

export function ConflictView({ fields, onKeepMine, onTakeTheirs }: { fields: ConflictField[]; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useTranslations("conflict");
  const differing = fields.filter((f) => f.mine !== f.theirs);
  return (
    <div role="alert" data-testid="conflict" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="font-semibold">{t("title")}</p>
      <p className="text-sm">{t("explain")}</p>
      {differing.length > 0 && (
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr><th scope="col" className="py-1 pr-2">{t("field")}</th><th scope="col" className="py-1 pr-2">{t("theirs")}</th><th scope="col" className="py-1">{t("mine")}</th></tr>
          </thead>
          <tbody>
            {differing.map((f) => (
              <tr key={f.label} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-2 font-medium">{f.label}</th>
                <td className="py-1 pr-2" data-testid="conflict-theirs">{f.theirs}</td>
                <td className="py-1" data-testid="conflict-mine">{f.mine}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white">{t("keepMine")}</button>
        <button type="button" onClick={onTakeTheirs} className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-semibold">{t("takeTheirs")}</button>
      </div>
    </div>
  );
}

"use client";
import { useTranslations } from "next-intl";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import type { LiveView } from "@/lib/live/view";
import { numberedAgenda } from "@/lib/live/view";
import type { useLiveCommand } from "./useLiveCommand";

const btn = "min-h-11 rounded-lg border border-slate-300 px-4 font-semibold disabled:opacity-40";

/** Who presents, which paper is on the screens, and its page (followers' tablets and the room display turn with it). */
export function PresenterControl({ snapshot, view, cmd }: { snapshot: MeetingSnapshot; view: LiveView; cmd: ReturnType<typeof useLiveCommand> }) {
  const t = useTranslations("live");
  const { live, permissions, participants } = snapshot;
  // Only papers everyone may see go on the room's screens; the current item's papers first.
  const all = [...(view.current?.node.documents ?? []), ...numberedAgenda(snapshot.agenda).flatMap((i) => (i.node.id === live.currentItemId ? [] : i.node.documents)), ...snapshot.meetingDocuments]
    .filter((d) => !d.restricted && d.version);
  const shown = view.shownDocument;
  const pages = shown?.version?.pageCount ?? 1;
  const page = live.shown?.page ?? 1;
  if (!permissions.run && !permissions.present) return null;
  return (
    <section aria-labelledby="console-presenter" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="console-presenter" className="text-lg font-semibold">{t("presenting")}</h2>
      {permissions.run && (
        <label className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{t("presenter")}</span>
          <select value={live.presenter?.id ?? ""} disabled={cmd.pending} data-testid="presenter"
            onChange={(e) => cmd.runMeeting({ command: "settings", presenterUserId: e.target.value || null })}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2">
            <option value="">{t("chairPresents")}</option>
            {participants.map((p) => <option key={p.user.id} value={p.user.id}>{p.user.name}</option>)}
          </select>
        </label>
      )}
      {permissions.present && (
        <>
          <label className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-medium">{t("paper")}</span>
            <select value={shown?.id ?? ""} disabled={cmd.pending} data-testid="shown-document"
              onChange={(e) => cmd.present({ documentId: e.target.value || null, page: 1 })}
              className="min-h-11 max-w-full rounded-lg border border-slate-300 bg-white px-2">
              <option value="">{t("nothingShown")}</option>
              {all.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
            </select>
          </label>
          {shown && (
            <div className="flex items-center gap-2">
              <button type="button" className={btn} disabled={cmd.pending || page <= 1} onClick={() => cmd.present({ documentId: shown.id, page: page - 1 })} data-testid="page-back">← {t("pageBack")}</button>
              <span className="min-w-24 text-center font-semibold" data-testid="presenter-page">{t("page", { page, pages })}</span>
              <button type="button" className={`${btn} bg-brand-600 text-white`} disabled={cmd.pending || page >= pages} onClick={() => cmd.present({ documentId: shown.id, page: page + 1 })} data-testid="page-forward">{t("pageForward")} →</button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

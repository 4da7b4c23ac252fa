"use client";
import { useTranslations } from "next-intl";
import { call } from "@/lib/http/client";
import { liveOps } from "@/lib/live/operations";
import { href } from "@/lib/http/operation";
import { documentOps } from "@/lib/documents/operations";
import type { LiveView } from "@/lib/live/view";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { useAction } from "@/components/ui/useAction";
import { ItemClock, LiveStateBadge } from "./LiveClock";
import { QuorumBadge } from "./QuorumBadge";
import { SpeakerList } from "./SpeakerList";
import { ShownPaper } from "./ShownPaper";
import { useNow } from "./useNow";
import { readerFollowPath } from "@/lib/live/follow";

const button = "min-h-11 rounded-lg px-4 font-semibold disabled:opacity-60";

/** A member's view of the running meeting: where it is, the quorum, checking in, asking to speak, following. */
export function MemberLivePanel({ snapshot, view, follow }: {
  snapshot: MeetingSnapshot;
  view: LiveView;
  follow: { following: boolean; browse: () => void; jumpBack: () => void };
}) {
  const t = useTranslations("live");
  const { live, meeting, permissions } = snapshot;
  const now = useNow(live.state === "RUNNING" || !!view.speaking);
  const { error, pending, run, retry } = useAction();
  const meetingId = meeting.id;
  const checkedIn = !!view.me?.checkedInAt;
  const { current } = view;

  return (
    <section aria-labelledby="live-heading" data-testid="live-panel" className="space-y-3 rounded-xl border-2 border-brand-600 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="live-heading" className="text-xl font-semibold">{t("title")}</h2>
        <LiveStateBadge state={live.state} />
        <span className="ml-auto"><QuorumBadge quorum={view.quorum} /></span>
      </div>
      {current && (
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1" data-testid="live-current">
          <span className="text-sm font-medium text-slate-600">{t("currentItem")}</span>
          <span className="font-semibold"><span className="text-brand-700">{current.number}</span> {current.node.title}</span>
          <ItemClock live={live} itemId={current.node.id} plannedMinutes={current.node.plannedMinutes} now={now} />
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        {permissions.checkIn && (checkedIn ? (
          <span className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-emerald-50 px-3 font-semibold text-emerald-900" data-testid="checked-in">
            ✓ {view.me?.checkedInDeputy ? t("deputyCheckedIn") : t("checkedIn")}
          </span>
        ) : (
          <button type="button" disabled={pending} onClick={() => run(() => call(liveOps.checkIn, { params: { meetingId }, body: { present: true } }))}
            className={`${button} bg-emerald-600 text-white`} data-testid="check-in">{t("checkIn")}</button>
        ))}
        {current && (follow.following ? (
          <button type="button" onClick={follow.browse} className={`${button} border border-slate-300 bg-white`} data-testid="browse" aria-pressed="true">
            {t("followingOn")}
          </button>
        ) : (
          <button type="button" onClick={follow.jumpBack} className={`${button} bg-brand-600 text-white`} data-testid="jump-back">{t("jumpBack")}</button>
        ))}
      </div>
      {live.state !== "CLOSED" && live.state !== "NOT_STARTED" && (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          {permissions.speak && (
            <div className="flex flex-wrap gap-2">
              {view.mine ? (
                view.mine.status === "WAITING" ? (
                  <>
                    <span className="inline-flex min-h-11 items-center font-medium" data-testid="my-place">
                      {t("yourPlace", { place: view.queue.findIndex((r) => r.id === view.mine!.id) + 1 })}
                    </span>
                    <button type="button" disabled={pending} onClick={() => run(() => call(liveOps.withdraw, { params: { meetingId }, body: { requestId: view.mine!.id } }))}
                      className={`${button} border border-slate-300 bg-white`} data-testid="withdraw">{t("withdraw")}</button>
                  </>
                ) : (
                  <span className="inline-flex min-h-11 items-center font-semibold text-brand-700" data-testid="you-speak">{t("youHaveTheFloor")}</span>
                )
              ) : (
                <>
                  <button type="button" disabled={pending} onClick={() => run(() => call(liveOps.requestToSpeak, { params: { meetingId }, body: { kind: "SPEAK" } }))}
                    className={`${button} bg-brand-600 text-white`} data-testid="ask-to-speak">{t("askToSpeak")}</button>
                  <button type="button" disabled={pending} onClick={() => run(() => call(liveOps.requestToSpeak, { params: { meetingId }, body: { kind: "POINT_OF_ORDER" } }))}
                    className={`${button} border border-brand-600 bg-white text-brand-700`} data-testid="point-of-order">{t("askPointOfOrder")}</button>
                </>
              )}
            </div>
          )}
          <SpeakerList speaking={view.speaking} queue={view.queue} limitSeconds={live.speakingLimitSeconds} now={now} />
        </div>
      )}
      <ErrorNote error={error} onRetry={retry} />
      {live.shown && view.shownDocument && live.state !== "CLOSED" && (
        <ShownPaper fileUrl={href(documentOps.file, { params: { documentId: view.shownDocument.id } })} document={view.shownDocument} page={live.shown.page} presenter={live.presenter?.name ?? meeting.chair?.name ?? null} following={follow.following} onFollow={follow.jumpBack}
          readerHref={readerFollowPath(meetingId, view.shownDocument.id, live.shown.page)} />
      )}
    </section>
  );
}

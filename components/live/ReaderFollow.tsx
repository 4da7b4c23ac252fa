"use client";
// Following the presenter inside the reader: while a member follows, the reader opens the paper the presenter shows
// and turns to the presenter's page; turning a page oneself (or "Browse freely") stops that, and one tap on "Follow
// the presenter" comes back. The presenter's paper and page come from the meeting's live state (its events, with the
// usual resync); the paper is only opened when it is in this member's own snapshot, which lists only the papers they
// may read (lib/policy documentScope), and the reader's page checks the policy again.
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { fetchSnapshot, useMeetingLive } from "@/lib/realtime/client";
import { liveView } from "@/lib/live/view";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { readerFollowPath } from "@/lib/live/follow";

/** What the reader needs to move: its page, turn to a page; pageCount is 0 until its pages are laid out. */
export interface Turnable {
  readonly page: number;
  readonly pageCount: number;
  goTo(page: number): void;
}

const followKey = (meetingId: string) => `oc.presenter.${meetingId}`;

/** Loads the meeting's live state once (the reader's page does not carry it), then follows its changes. */
export function ReaderFollow(props: { meetingId: string; documentId: string; viewer: Turnable | null; page: number }) {
  const [initial, setInitial] = useState<MeetingSnapshot | null>(null);
  // Asked once the paper is open: the snapshot's request would otherwise share the tablet's bandwidth with page 1's.
  const opened = props.viewer !== null;
  useEffect(() => {
    if (!opened) return;
    let live = true;
    fetchSnapshot(props.meetingId, undefined).then(
      (r) => live && r.status === 200 && setInitial(r.body),
      () => {}, // No live state (e.g. offline): the reader works on its own.
    );
    return () => {
      live = false;
    };
  }, [props.meetingId, opened]);
  return initial ? <FollowBar {...props} initial={initial} /> : null;
}

function FollowBar({ meetingId, documentId, viewer, page, initial }: {
  meetingId: string; documentId: string; viewer: Turnable | null; page: number; initial: MeetingSnapshot;
}) {
  const t = useTranslations("live");
  const router = useRouter();
  const asked = useSearchParams().get("follow") === "1";
  const { snapshot } = useMeetingLive(initial);
  const view = useMemo(() => liveView(snapshot), [snapshot]);
  const { live } = snapshot;
  const running = live.state === "RUNNING" || live.state === "PAUSED";
  // Only a paper this member may read (it is in their snapshot) is ever opened for them.
  const shown = running && live.shown && view.shownDocument ? { ...live.shown, title: view.shownDocument.title } : null;
  const presenter = live.presenter?.name ?? snapshot.meeting.chair?.name ?? "";

  const [following, setFollowingState] = useState(false);
  useEffect(() => {
    // Opened from "follow in the reader", or still following from the paper before: on. Kept per tab.
    const stored = sessionStorage.getItem(followKey(meetingId));
    if (asked || stored === "1") setFollowingState(true);
  }, [asked, meetingId]);
  const setFollowing = useCallback((on: boolean) => {
    setFollowingState(on);
    sessionStorage.setItem(followKey(meetingId), on ? "1" : "0");
  }, [meetingId]);

  // The page the follower was last moved to: a different page showing up afterwards is the member's own turning.
  const target = useRef<number | null>(null);
  useEffect(() => {
    if (!following || !shown) return;
    if (shown.documentId !== documentId) {
      target.current = null;
      router.replace(readerFollowPath(meetingId, shown.documentId, shown.page));
      return;
    }
    if (!viewer) return;
    // A viewer just opened lays its pages out a moment later (and then turns to its opening page): turn after that.
    const to = shown.page;
    let wait: ReturnType<typeof setTimeout> | undefined;
    const turn = () => {
      if (viewer.pageCount === 0) return void (wait = setTimeout(turn, 50));
      target.current = to;
      if (viewer.page !== to) viewer.goTo(to);
    };
    turn();
    return () => clearTimeout(wait);
  }, [following, shown?.documentId, shown?.page, documentId, viewer, meetingId, router]);
  useEffect(() => {
    if (following && target.current !== null && page !== target.current) setFollowing(false);
    // Only a change of page decides this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page]);

  if (!shown) return null;
  const here = shown.documentId === documentId;
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 border-b border-brand-200 bg-brand-50 px-2 py-1 text-sm"
      data-testid="reader-follow" data-following={following} data-presenter-page={shown.page} data-presenter-document={shown.documentId}>
      <span className="min-w-0 flex-1 truncate">
        {following ? t("readerFollowing", { name: presenter }) : t("presenterShows", { name: presenter, title: shown.title })}{" · "}
        {here ? t("presenterOnPage", { page: shown.page }) : shown.title}
      </span>
      {following ? (
        <button type="button" onClick={() => setFollowing(false)} className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 font-semibold" data-testid="reader-browse">
          {t("browseFreely")}
        </button>
      ) : (
        <button type="button" onClick={() => { target.current = null; setFollowing(true); }} className="min-h-11 rounded-lg bg-brand-600 px-3 font-semibold text-white" data-testid="reader-follow-presenter">
          {t("followPresenter")}
        </button>
      )}
    </div>
  );
}

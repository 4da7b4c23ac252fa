"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { io } from "socket.io-client";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import { MeetingSync, type SyncSocket } from "@/lib/realtime/sync";
import { liveView } from "@/lib/live/view";
import { attendanceOf, countsForQuorum } from "@/lib/live/attendance";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { ItemClock, LiveStateBadge } from "./LiveClock";
import { QuorumBadge } from "./QuorumBadge";
import { SpeakerList } from "./SpeakerList";
import { ShownPaper } from "./ShownPaper";
import { useNow } from "./useNow";
import { DisplayVote } from "@/components/votes/VotesPanel";
import { liveEventSchemas, userEventSchemas } from "@/lib/realtime/events";
import type { VoteProgress } from "@/lib/votes/schema";
import { href } from "@/lib/http/operation";
import { liveOps } from "@/lib/live/operations";

const dot = { PRESENT: "bg-emerald-600", DEPUTY: "bg-sky-600", EXCUSED: "bg-slate-400", ABSENT: "bg-red-500" } as const;

/** How the display is let in: a per-meeting display token, or a display-only account's session. */
export type DisplaySource = { token: string } | { meetingId: string };

const displayUrls = (source: DisplaySource) =>
  "token" in source
    ? {
        snapshot: `/api/display/${encodeURIComponent(source.token)}`,
        shown: (documentId: string) => `/api/display/${encodeURIComponent(source.token)}/shown?document=${encodeURIComponent(documentId)}`,
      }
    : {
        snapshot: href(liveOps.room, { params: { meetingId: source.meetingId } }),
        shown: (documentId: string) => href(liveOps.roomShown, { params: { meetingId: source.meetingId }, query: { document: documentId } }),
      };

/** The room's big screen: the same MeetingSync as every tablet, on a socket opened with the display token or session. */
export function RoomDisplay({ initial, source }: { initial: MeetingSnapshot; source: DisplaySource }) {
  const key = "token" in source ? source.token : source.meetingId;
  const urls = displayUrls(source);
  const t = useTranslations("live");
  const dates = useDateFormat();
  const [snapshot, setSnapshot] = useState(initial);
  const [connected, setConnected] = useState<boolean | null>(null);
  // Why the screen stopped: its link was replaced or revoked, or its account was taken off this meeting's room.
  const [ended, setEnded] = useState<false | "link" | "removed">(false);
  const [voteProgress, setVoteProgress] = useState(() => new Map<string, VoteProgress>());

  useEffect(() => {
    const socket = "token" in source
      ? io({ auth: { displayToken: source.token }, transports: ["websocket", "polling"] })
      : io({ withCredentials: true, transports: ["websocket", "polling"] });
    const sync = new MeetingSync({
      socket: socket as unknown as SyncSocket,
      initial,
      fetchSnapshot: async () => {
        const res = await fetch(urls.snapshot, { cache: "no-store" });
        if (!res.ok) throw new Error(String(res.status));
        return { status: 200, body: await res.json() };
      },
      onState: (s) => setSnapshot(s),
      onConnection: setConnected,
      onRefused: () => setEnded("token" in source ? "link" : "removed"),
    });
    socket.on("display.ended", () => setEnded("link"));
    // A display account taken off the room leaves the meeting's rooms at once; the screen says so instead of freezing.
    socket.on("meeting.removed", (raw: unknown) => {
      const p = userEventSchemas["meeting.removed"].safeParse(raw);
      if (p.success && p.data.meetingId === initial.meeting.id) setEnded("removed");
    });
    socket.on("vote.progress", (raw: unknown) => {
      const p = liveEventSchemas["vote.progress"].safeParse(raw);
      if (p.success) setVoteProgress((old) => new Map(old).set(p.data.voteId, p.data));
    });
    socket.on("connect_error", (e) => e.message === "UNAUTHENTICATED" && setEnded("token" in source ? "link" : "removed"));
    sync.start();
    return () => {
      sync.stop();
      socket.disconnect();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const view = useMemo(() => liveView(snapshot), [snapshot]);
  const { meeting, live } = snapshot;
  const now = useNow(true);
  if (ended) return <main className="flex min-h-screen items-center justify-center p-8 text-3xl text-slate-700" data-testid="display-invalid">{t(ended === "link" ? "displayInvalid" : "displayTakenOff")}</main>;
  const { current } = view;

  return (
    <main className="flex h-screen flex-col gap-6 overflow-hidden bg-slate-100 p-8 text-slate-900" data-testid="room-display" data-connected={String(connected)}>
      <header className="flex items-center gap-6">
        <h1 className="min-w-0 flex-1 truncate text-4xl font-bold">{meeting.title}</h1>
        <LiveStateBadge state={live.state} />
        <QuorumBadge quorum={view.quorum} large />
        <span suppressHydrationWarning className="font-mono text-4xl tabular-nums" data-testid="wall-clock">{dates.time(new Date(now))}</span>
      </header>
      <div className="grid min-h-0 flex-1 grid-cols-[2fr_1fr] gap-6">
        <section className="flex min-h-0 flex-col gap-4 rounded-2xl bg-white p-6 shadow">
          {current ? (
            <div data-testid="display-current">
              <p className="text-2xl font-medium text-slate-600">{t("currentItem")}</p>
              <p className="text-5xl font-bold leading-tight"><span className="text-brand-700">{current.number}</span> {current.node.title}</p>
              {current.node.presenter && <p className="mt-1 text-2xl text-slate-700">{t("presenterIs", { name: current.node.presenter.name })}</p>}
              <p className="mt-2"><ItemClock live={live} itemId={current.node.id} plannedMinutes={current.node.plannedMinutes} now={now} large /></p>
            </div>
          ) : (
            <p className="text-4xl text-slate-600">{t(`state.${live.state}`)}</p>
          )}
          {live.shown && view.shownDocument ? (
            <div className="min-h-0 flex-1 overflow-hidden">
              <ShownPaper fileUrl={urls.shown(live.shown.documentId)}
                document={view.shownDocument} page={live.shown.page} presenter={live.presenter?.name ?? meeting.chair?.name ?? null} following onFollow={() => {}} large />
            </div>
          ) : (
            <ol className="min-h-0 flex-1 space-y-1 overflow-hidden text-2xl">
              {view.items.map(({ node, number, depth }) => (
                <li key={node.id} style={{ paddingLeft: `${depth * 2}rem` }} data-current={node.id === live.currentItemId ? "true" : undefined}
                  className={`rounded-lg px-3 py-1 ${node.id === live.currentItemId ? "bg-brand-600 font-semibold text-white" : ""}`}>
                  {number} {node.title}
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside className="flex min-h-0 flex-col gap-6">
          <DisplayVote votes={snapshot.votes} progress={voteProgress} />
          <section className="rounded-2xl bg-white p-6 shadow" data-testid="display-speakers">
            <h2 className="mb-2 text-2xl font-semibold">{t("speakers")}</h2>
            <SpeakerList speaking={view.speaking} queue={view.queue.slice(0, 6)} limitSeconds={live.speakingLimitSeconds} now={now} large />
          </section>
          <section className="min-h-0 flex-1 overflow-hidden rounded-2xl bg-white p-6 shadow" data-testid="display-attendance">
            <h2 className="mb-2 text-2xl font-semibold">{t("attendance")}</h2>
            <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-xl">
              {snapshot.participants.map((p) => {
                const a = attendanceOf(p);
                return (
                  <li key={p.id} className="flex items-center gap-2 truncate" data-attendance={a}>
                    {/* Not counted for the quorum (the secretary, observers): grey unless here. */}
                    <span aria-hidden className={`h-3 w-3 shrink-0 rounded-full ${a === "ABSENT" && !countsForQuorum(p) ? "bg-slate-300" : dot[a]}`} />
                    <span className="truncate">{p.user.name}</span>
                    <span className="sr-only">{t(`attendanceState.${a}`)}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        </aside>
      </div>
    </main>
  );
}

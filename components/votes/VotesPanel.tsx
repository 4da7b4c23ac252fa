"use client";
// Votes on the meeting page. Members: an open vote is a ballot card at the top (large choices, the ballot's receipt,
// live "n of m"), a closed one its result. The chair and the secretary also plan, open and close votes and see who
// has not voted yet (never who chose what in a secret vote: nobody can).
import { useTranslations } from "next-intl";
import { attendanceOf, attendsFor } from "@/lib/live/attendance";
import { useState } from "react";
import { call } from "@/lib/http/client";
import { href } from "@/lib/http/operation";
import { voteOps } from "@/lib/votes/operations";
import type { MeetingSnapshot } from "@/lib/meetings/view";
import type { VoteProgress, VoteRow } from "@/lib/votes/schema";
import { RULE_PRESETS, type RulePreset } from "@/lib/votes/rules";
import { optionLabel, ruleInWords } from "@/lib/votes/words";
import { useAction } from "@/components/ui/useAction";
import { ErrorNote } from "@/components/ui/ErrorNote";
import { ConfirmButton } from "@/components/ui/ConfirmButton";
import { useDateFormat } from "@/components/ui/useDateFormat";
import { useSecondsLeft, useVote } from "./useVote";

type T = (key: string, values?: Record<string, string | number>) => string;

export function VotesPanel({ snapshot }: { snapshot: MeetingSnapshot }) {
  const t = useTranslations("votes") as unknown as T;
  const runs = snapshot.permissions.run;
  const { votes } = snapshot;
  if (!runs && votes.length === 0) return null;
  // Open votes first: a ballot is what a member must see at once.
  const order = { OPEN: 0, DRAFT: 1, CLOSED: 2 } as const;
  const shown = [...votes].sort((a, b) => order[a.status] - order[b.status]);
  const items = new Map<string, string>();
  const mine = snapshot.participants.find((p) => p.user.id === snapshot.viewer.id);
  // The deputy a member named (a participant without a vote, or no participant at all) may cast that member's ballot,
  // where the meeting lets deputies vote; where it does not, a deputy checked in is told so on the card.
  const deputiesVote = snapshot.live.deputiesVote;
  const mayBeDeputy = deputiesVote && (snapshot.participants.some((p) => attendsFor(p, snapshot.viewer.id)) || (!!mine && (!mine.mayVote || mine.role === "OBSERVER")));
  const deputyNoVote = !deputiesVote && snapshot.participants.some((p) => attendsFor(p, snapshot.viewer.id) && attendanceOf(p) === "DEPUTY");
  const walk = (nodes: MeetingSnapshot["agenda"]) => nodes.forEach((n) => (items.set(n.id, n.title), walk(n.children)));
  walk(snapshot.agenda);
  return (
    <section aria-labelledby="votes-heading" data-testid="votes" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="votes-heading" className="mb-3 text-xl font-semibold">{t("title")}</h2>
      {runs && <NewVote meetingId={snapshot.meeting.id} version={snapshot.meeting.version} items={items} />}
      {shown.length === 0 ? (
        <p className="text-slate-600">{t("console.none")}</p>
      ) : (
        <ul className="space-y-3">
          {shown.map((v) => (
            <li key={v.id}>
              <VoteCard vote={v} runs={runs} itemTitle={v.agendaItemId ? items.get(v.agendaItemId) ?? null : null} version={snapshot.meeting.version} seatHint={seatHint(snapshot, v)} mayBeDeputy={mayBeDeputy} deputyNoVote={deputyNoVote} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Whether the viewer's own seat may vote on `vote` now, from the meeting's rows (the server decides in the end). */
function seatHint(s: MeetingSnapshot, vote: VoteRow): boolean {
  const me = s.participants.find((p) => p.user.id === s.viewer.id);
  if (!me || !me.mayVote || me.role === "OBSERVER" || s.meeting.status !== "IN_PROGRESS") return false;
  return vote.allowRemote || (me.checkedInAt !== null && !me.checkedInDeputy);
}

function VoteCard({ vote, runs, itemTitle, version, seatHint, mayBeDeputy, deputyNoVote }: {
  vote: VoteRow; runs: boolean; itemTitle: string | null; version: number; seatHint: boolean; mayBeDeputy: boolean; deputyNoVote: boolean;
}) {
  const t = useTranslations("votes") as unknown as T;
  const dates = useDateFormat();
  const { progress, myBallot, eligible, cast, castError, casting, retry } = useVote(vote, seatHint, mayBeDeputy);
  const step = useAction();
  const secondsLeft = useSecondsLeft(vote.status === "OPEN" ? vote.closesAt : null);
  const label = (i: number) => optionLabel(vote.options, vote.standardOptions, i, t);
  const open = vote.status === "OPEN";
  const mayCast = open && eligible && !(myBallot?.recorded && (!vote.allowChange || vote.ballotKind === "SECRET"));
  const tone = open ? "border-brand-600 ring-2 ring-brand-100" : "border-slate-200";
  return (
    <article data-testid="vote-card" data-status={vote.status} data-vote-id={vote.id} aria-labelledby={`vote-${vote.id}`}
      className={`rounded-xl border p-4 ${tone}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className={`rounded-full px-2 py-0.5 font-semibold ${open ? "bg-brand-600 text-white" : vote.status === "CLOSED" ? "bg-slate-200 text-slate-800" : "bg-amber-100 text-amber-900"}`}>
          {t(`status.${vote.status}`)}
        </span>
        <span className="text-slate-700">{t(`kind.${vote.ballotKind}`)}</span>
        {itemTitle && <span className="text-slate-600">· {itemTitle}</span>}
        {secondsLeft !== null && <span className="ml-auto font-semibold tabular-nums text-amber-800" role="timer">{t("closesIn", { seconds: secondsLeft })}</span>}
      </div>
      <h3 id={`vote-${vote.id}`} className="mt-2 text-lg font-semibold leading-snug">{vote.question}</h3>
      <p className="mt-1 text-sm text-slate-600">{ruleInWords(vote.rule, vote.standardOptions, t)} {t(`kindHint.${vote.ballotKind}`)}</p>

      {open && progress && (
        <div className="mt-3" data-testid="vote-progress" aria-live="polite">
          <p className="font-medium">{t("progress", { cast: progress.cast, eligible: progress.eligible })}</p>
          <div className="mt-1 h-2 rounded-full bg-slate-200" aria-hidden>
            <div className="h-2 rounded-full bg-brand-600 transition-all" style={{ width: `${progress.eligible ? Math.min(100, (100 * progress.cast) / progress.eligible) : 0}%` }} />
          </div>
          {progress.counts ? (
            <ul className="mt-2 flex flex-wrap gap-3 text-sm" data-testid="vote-live-counts">
              {progress.counts.map((c, i) => <li key={i}>{label(i)}: <strong className="tabular-nums">{c}</strong></li>)}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-600">{t("countsHidden")}</p>
          )}
          {runs && progress.notVoted && (
            <p className="mt-1 text-sm text-slate-700" data-testid="vote-not-voted">
              {progress.notVoted.length ? t("notVoted", { names: progress.notVoted.map((p) => p.name).join(", ") }) : t("everyoneVoted")}
            </p>
          )}
        </div>
      )}

      {open && myBallot?.recorded && (
        <p className="mt-3 rounded-lg bg-emerald-50 p-3 text-emerald-900" role="status" data-testid="ballot-recorded">
          {t(vote.ballotKind === "SECRET" ? "recordedSecret" : "recorded", { time: dates.time(new Date(myBallot.recordedAt!)) })}
          {myBallot.choice !== null && <> {t("yourChoice", { choice: label(myBallot.choice) })}</>}
          {vote.allowChange && vote.ballotKind !== "SECRET" && <> {t("changeHint")}</>}
        </p>
      )}
      {mayCast && (
        <div className="mt-3 grid gap-2 sm:grid-cols-3" role="group" aria-label={t("cast")}>
          {vote.options.map((_, i) => (
            <button key={i} type="button" disabled={casting} onClick={() => void cast(i)} data-testid="vote-option"
              aria-label={t("castFor", { option: label(i) })}
              aria-pressed={myBallot?.choice === i}
              className={`min-h-14 rounded-xl border-2 px-4 text-lg font-semibold disabled:opacity-60 ${myBallot?.choice === i ? "border-brand-700 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}>
              {label(i)}
            </button>
          ))}
        </div>
      )}
      {casting && <p className="mt-2 text-sm text-slate-600" role="status">{t("sending")}</p>}
      <ErrorNote error={castError} onRetry={retry} />
      {open && !eligible && myBallot !== null && !myBallot.recorded && <p className="mt-2 text-sm text-slate-600">{t("notEligibleCheckIn")}</p>}
      {open && !eligible && deputyNoVote && <p className="mt-2 text-sm text-slate-600" data-testid="deputy-no-vote">{t("deputyNoVote")}</p>}

      {vote.status === "CLOSED" && <Result vote={vote} label={label} />}

      {runs && (
        <div className="mt-3 flex flex-wrap gap-2">
          {vote.status === "DRAFT" && (
            <>
              <button type="button" disabled={step.pending} onClick={() => void step.run(() => call(voteOps.open, { params: { voteId: vote.id }, body: {} }))}
                className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60" data-testid="vote-open">{t("console.open")}</button>
              <button type="button" disabled={step.pending} onClick={() => void step.run(() => call(voteOps.remove, { params: { voteId: vote.id }, body: { baseVersion: version } }))}
                className="min-h-11 rounded-lg border border-red-300 px-3 font-medium text-red-800">{t("console.delete")}</button>
            </>
          )}
          {open && (
            <ConfirmButton label={t("console.close")} question={t("console.closeConfirm")} confirmLabel={t("console.close")} danger={false}
              onConfirm={() => step.run(() => call(voteOps.close, { params: { voteId: vote.id }, body: {} }))} className="font-semibold" />
          )}
          <ErrorNote error={step.error} onRetry={step.retry} />
        </div>
      )}
    </article>
  );
}

function Result({ vote, label }: { vote: VoteRow; label: (i: number) => string }) {
  const t = useTranslations("votes") as unknown as T;
  const r = vote.result;
  if (!r) return null;
  const o = r.outcome;
  const verdict = vote.standardOptions ? t(o.passed ? "result.passed" : "result.failed") : o.winner !== null ? t("result.chosen", { option: label(o.winner) }) : t("result.noneChosen");
  const most = Math.max(1, ...o.counts);
  return (
    <div className="mt-3" data-testid="vote-result" data-passed={String(o.passed)}>
      <p className={`text-2xl font-bold ${o.passed ? "text-emerald-800" : "text-red-800"}`}>{verdict}</p>
      {!o.quorumMet && <p className="text-red-800">{t("result.noQuorum")}</p>}
      {o.decidedByChair && <p className="text-slate-800">{t("result.byChair")}</p>}
      <ul className="mt-2 space-y-1">
        {o.counts.map((c, i) => (
          <li key={i}>
            <div className="flex justify-between gap-2"><span>{label(i)}</span><strong className="tabular-nums">{c}</strong></div>
            <div className="h-2 rounded-full bg-slate-100" aria-hidden><div className="h-2 rounded-full bg-slate-500" style={{ width: `${(100 * c) / most}%` }} /></div>
            {r.named?.[i]?.length ? <p className="text-sm text-slate-600">{r.named[i].map((v) => v.name).join(", ")}</p> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-700">
        {t("result.summary", { cast: o.cast, members: o.members, present: o.present })}
        {o.needed !== null && <> · {t("result.needed", { needed: o.needed })}</>}
        {r.closedBy === "timer" && <> · {t("result.closedByTimer")}</>}
      </p>
      <div className="mt-1 flex flex-wrap gap-4">
        <a href={href(voteOps.resultPdf, { params: { voteId: vote.id } })} className="inline-flex min-h-11 items-center font-medium text-brand-700">{t("result.pdf")}</a>
        <a href={href(voteOps.resultCsv, { params: { voteId: vote.id } })} className="inline-flex min-h-11 items-center font-medium text-brand-700">{t("result.csv")}</a>
      </div>
    </div>
  );
}

function NewVote({ meetingId, version, items }: { meetingId: string; version: number; items: Map<string, string> }) {
  const t = useTranslations("votes") as unknown as T;
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState("");
  const [itemId, setItemId] = useState("");
  const [kind, setKind] = useState<"OPEN" | "NAMED" | "SECRET">("OPEN");
  const [preset, setPreset] = useState<RulePreset>("GOVERNMENT");
  const [duration, setDuration] = useState("");
  const [allowChange, setAllowChange] = useState(false);
  const [allowRemote, setAllowRemote] = useState(false);
  const [hideCounts, setHideCounts] = useState(false);
  const { run, pending, error, retry } = useAction();
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} className="mb-3 min-h-11 rounded-lg border border-brand-600 px-4 font-semibold text-brand-700" data-testid="vote-new">
        + {t("console.new")}
      </button>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const out = await run(() =>
      call(voteOps.create, {
        params: { meetingId },
        body: {
          question, agendaItemId: itemId || null, ballotKind: kind, preset, allowChange, allowRemote, hideCounts,
          durationSeconds: duration ? Number(duration) : null, baseVersion: version,
        },
      }),
    );
    if (out) {
      setOpen(false);
      setQuestion("");
    }
  };
  const field = "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 px-3";
  return (
    <form onSubmit={submit} className="mb-4 space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid="vote-form">
      <label className="block font-medium">{t("question")}
        <input required value={question} onChange={(e) => setQuestion(e.target.value)} placeholder={t("console.questionPlaceholder")} className={field} maxLength={500} />
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block font-medium">{t("console.onItem")}
          <select value={itemId} onChange={(e) => setItemId(e.target.value)} className={field}>
            <option value="">{t("console.wholeMeeting")}</option>
            {[...items].map(([id, title]) => <option key={id} value={id}>{title}</option>)}
          </select>
        </label>
        <label className="block font-medium">{t("console.rule")}
          <select value={preset} onChange={(e) => setPreset(e.target.value as RulePreset)} className={field}>
            {(Object.keys(RULE_PRESETS) as RulePreset[]).map((p) => <option key={p} value={p}>{t(`preset.${p}`)}</option>)}
          </select>
        </label>
      </div>
      <fieldset>
        <legend className="font-medium">{t("console.kind")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {(["OPEN", "NAMED", "SECRET"] as const).map((k) => (
            <label key={k} className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 ${kind === k ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{t(`kind.${k}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-sm text-slate-600">{t(`kindHint.${kind}`)}</p>
      </fieldset>
      <label className="block font-medium">{t("console.duration")}
        <input inputMode="numeric" pattern="[0-9]*" value={duration} onChange={(e) => setDuration(e.target.value.replace(/\D/g, ""))} className={`${field} max-w-40`} />
      </label>
      <div className="space-y-1">
        {kind !== "SECRET" && <Check label={t("console.allowChange")} checked={allowChange} onChange={setAllowChange} />}
        <Check label={t("console.allowRemote")} checked={allowRemote} onChange={setAllowRemote} />
        {kind === "OPEN" && <Check label={t("console.hideCounts")} checked={hideCounts} onChange={setHideCounts} />}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white disabled:opacity-60">{t("console.create")}</button>
        <button type="button" onClick={() => setOpen(false)} className="min-h-11 rounded-lg border border-slate-300 px-4">{t("console.cancel")}</button>
      </div>
      <ErrorNote error={error} onRetry={retry} />
    </form>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-center gap-3">
      <input type="checkbox" className="h-5 w-5" checked={checked} onChange={(e) => onChange(e.target.checked)} />{label}
    </label>
  );
}

/**
 * The room display's part: the open vote with its progress, or else the result of the vote closed last (for ten
 * minutes). Large type for a 1920×1080 screen across the room.
 */
export function DisplayVote({ votes, progress }: { votes: VoteRow[]; progress: Map<string, VoteProgress> }) {
  const t = useTranslations("votes") as unknown as T;
  const open = votes.find((v) => v.status === "OPEN");
  const recent = [...votes].filter((v) => v.status === "CLOSED" && v.closedAt && Date.now() - Date.parse(v.closedAt) < 10 * 60_000)
    .sort((a, b) => Date.parse(b.closedAt!) - Date.parse(a.closedAt!))[0];
  const vote = open ?? recent;
  if (!vote) return null;
  const label = (i: number) => optionLabel(vote.options, vote.standardOptions, i, t);
  const p = progress.get(vote.id);
  const o = vote.result?.outcome;
  return (
    <section className="rounded-2xl bg-white p-6 shadow" data-testid="display-vote" data-status={vote.status}>
      <p className="text-2xl font-medium text-slate-600">{t(`kind.${vote.ballotKind}`)} · {t(`status.${vote.status}`)}</p>
      <p className="text-4xl font-bold leading-tight">{vote.question}</p>
      {open && p && <p className="mt-2 text-3xl tabular-nums">{t("progress", { cast: p.cast, eligible: p.eligible })}</p>}
      {o && (
        <div className="mt-2">
          <p className={`text-5xl font-bold ${o.passed ? "text-emerald-800" : "text-red-800"}`}>
            {vote.standardOptions ? t(o.passed ? "result.passed" : "result.failed") : o.winner !== null ? t("result.chosen", { option: label(o.winner) }) : t("result.noneChosen")}
          </p>
          <p className="mt-1 text-3xl">{o.counts.map((c, i) => `${label(i)}: ${c}`).join(" · ")}</p>
        </div>
      )}
    </section>
  );
}

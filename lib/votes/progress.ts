// "n of m have voted", live: after a ballot the vote's progress is read once and sent to the meeting's room, at most
// every PROGRESS_MS per vote however many ballots arrive (the first at once, then one trailing message with the
// latest state). It carries no choices: counts only for OPEN votes that show them; who has not voted yet only to
// those who run the meeting. It is not a meeting change (no version): a tablet that missed one takes the next, or
// fetches the one vote.
import { db } from "../db/index.ts";
import { publishVoteProgress } from "../realtime/publish.ts";
import { voteProgress } from "./queries.ts";

export const PROGRESS_MS = 100;

interface State {
  timer: ReturnType<typeof setTimeout> | null;
  dirty: boolean;
  seq: number;
}
const g = globalThis as unknown as { __opencabinetVoteProgress?: Map<string, State> };
const states = (g.__opencabinetVoteProgress ??= new Map());

export function scheduleProgress(meetingId: string, voteId: string) {
  let s = states.get(voteId);
  if (!s) states.set(voteId, (s = { timer: null, dirty: false, seq: 0 }));
  if (s.timer) {
    s.dirty = true;
    return;
  }
  const state = s;
  const run = async () => {
    state.dirty = false;
    state.seq++;
    try {
      await send(meetingId, voteId, state.seq);
    } catch (e) {
      console.error("vote progress", voteId, e instanceof Error ? e.message : e);
    }
    state.timer = setTimeout(() => {
      state.timer = null;
      if (state.dirty) scheduleProgress(meetingId, voteId);
    }, PROGRESS_MS);
  };
  state.timer = setTimeout(run, 0);
}

async function send(meetingId: string, voteId: string, seq: number) {
  const vote = await db.vote.findUnique({ where: { id: voteId } });
  if (!vote) return;
  const { progress: full, runners } = voteProgress(vote, true, seq);
  const { notVoted: _staffOnly, ...forRoom } = full;
  publishVoteProgress(meetingId, forRoom, full, runners);
}

// The client side of the realtime contract, without React: keeps one meeting's rows in step with the server.
// Events carry the change: the next version is applied as it comes; a gap asks the server for what was missed
// (the same typed events) and only a client too far behind takes a snapshot, conditionally (ETag → 304).
// The React hook (client.ts) and the benchmark's simulated tablets both run exactly this.
import { applyDelta } from "../meetings/delta.ts";
import { assembledOf, assembleRows, type Assembled, type MeetingSnapshot } from "../meetings/view.ts";
import { MEETING_EVENT_NAMES, parseMeetingEvent, type JoinAck, type MeetingEventPayload } from "./events.ts";

/** The part of a socket.io client socket this needs. */
export interface SyncSocket {
  readonly connected: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io's own listener type
  on(event: string, fn: (...args: any[]) => void): unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  off(event: string, fn: (...args: any[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export type SnapshotResponse = { status: 200; etag?: string; body: MeetingSnapshot } | { status: 304 };

export interface MeetingSyncOptions {
  socket: SyncSocket;
  initial: MeetingSnapshot;
  /** GET the snapshot, sending `If-None-Match: etag` when given. */
  fetchSnapshot: (etag: string | undefined) => Promise<SnapshotResponse>;
  /** New state; `changed` lists the agenda items and papers this step touched (for "updated" marks). */
  onState?: (snapshot: MeetingSnapshot, changed: string[]) => void;
  onConnection?: (connected: boolean) => void;
  /** The server refused the meeting (removed from it, signed out, deleted): stop showing it. */
  onRefused?: (error: { code: string; message: string }) => void;
}

/** How long to wait for the event of one's own write before fetching instead (socket down, event lost). */
const OWN_WRITE_GRACE_MS = 1500;

export class MeetingSync {
  readonly meetingId: string;
  /** The state and what it was made from: the next event keeps what it does not change. */
  private assembled: Assembled;
  private etag: string | undefined;
  /** Events that arrived ahead of a gap, by version, until the gap is filled. */
  private ahead = new Map<number, { name: string; payload: MeetingEventPayload }>();
  private catchingUp = false;
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;
  private running = false;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly handlers = new Map<string, (payload: unknown) => void>();

  constructor(private readonly opts: MeetingSyncOptions) {
    this.meetingId = opts.initial.meeting.id;
    this.assembled = assembledOf(opts.initial);
    for (const name of MEETING_EVENT_NAMES) this.handlers.set(name, (payload) => this.receive(name, payload));
  }

  get version(): number {
    return this.assembled.rows.meeting.version;
  }
  get snapshot(): MeetingSnapshot {
    return this.assembled.snapshot;
  }

  start() {
    if (this.running) return;
    this.running = true;
    const { socket } = this.opts;
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    for (const [name, fn] of this.handlers) socket.on(name, fn);
    if (socket.connected) this.onConnect();
  }

  stop() {
    if (!this.running) return;
    this.running = false;
    const { socket } = this.opts;
    socket.emit("meeting:leave", { meetingId: this.meetingId });
    socket.off("connect", this.onConnect);
    socket.off("disconnect", this.onDisconnect);
    for (const [name, fn] of this.handlers) socket.off(name, fn);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Takes a snapshot obtained elsewhere (e.g. the fresh state a 409 carried) if it is not older than ours. */
  accept(snapshot: MeetingSnapshot) {
    if (snapshot.meeting.id !== this.meetingId || snapshot.meeting.version < this.version) return;
    this.assembled = assembledOf(snapshot);
    for (const v of this.ahead.keys()) if (v <= this.version) this.ahead.delete(v);
    this.opts.onState?.(snapshot, []);
    this.drain();
  }

  /** After one's own write answered `version`: its event normally arrives at once; if not, fetch. */
  expect(version: number) {
    if (version <= this.version) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (this.running && this.version < version) void this.resync();
    }, OWN_WRITE_GRACE_MS);
    this.timers.add(t);
  }

  /** Fetch the snapshot (conditionally), coalescing bursts into one more fetch after the running one. */
  resync(): Promise<void> {
    if (this.fetching) {
      this.fetchAgain = true;
      return this.fetching;
    }
    this.fetching = (async () => {
      do {
        this.fetchAgain = false;
        try {
          const res = await this.opts.fetchSnapshot(this.etag);
          if (res.status === 200) {
            this.etag = res.etag;
            if (this.running) this.accept(res.body);
          }
        } catch {
          /* offline or refused: the next event or reconnect tries again */
        }
      } while (this.fetchAgain && this.running);
    })().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private onConnect = () => {
    this.opts.onConnection?.(true);
    this.join();
  };

  private onDisconnect = () => this.opts.onConnection?.(false);

  /** Join (or re-join) the meeting's room, sending our version; the answer carries what we missed. */
  private join() {
    this.catchingUp = true;
    this.opts.socket.emit("meeting:join", { meetingId: this.meetingId, version: this.version }, (ack: JoinAck) => {
      this.catchingUp = false;
      if (!this.running) return;
      if (!ack.ok) {
        this.opts.onRefused?.(ack.error);
        return;
      }
      for (const m of ack.missed) this.receive(m.name, m.payload, true);
      if (ack.snapshot || ack.version > this.version) void this.resync();
      else this.drain();
    });
  }

  private receive(name: string, raw: unknown, replayed = false) {
    const event = parseMeetingEvent(name, raw);
    if (!event) {
      // Not what the contract says (a newer server?): do not guess, take the server's state.
      void this.resync();
      return;
    }
    if (event.meetingId !== this.meetingId || event.version <= this.version) return;
    if (event.version > this.version + 1) {
      this.ahead.set(event.version, { name, payload: event });
      // A gap: something was missed (at most once delivery). Ask for it unless a join is already doing that.
      if (!this.catchingUp && !replayed && this.opts.socket.connected) this.join();
      return;
    }
    this.apply(event);
    this.drain();
  }

  private drain() {
    for (let next = this.ahead.get(this.version + 1); next; next = this.ahead.get(this.version + 1)) {
      this.ahead.delete(this.version + 1);
      this.apply(next.payload);
    }
  }

  private apply(event: MeetingEventPayload) {
    this.assembled = assembleRows(applyDelta(this.assembled.rows, "change" in event ? event : {}, event.version), this.assembled);
    const changed: string[] = [];
    if ("change" in event) {
      for (const r of event.items ?? []) changed.push(r.id);
      for (const r of event.documents ?? []) changed.push(r.id);
    }
    this.opts.onState?.(this.assembled.snapshot, changed);
  }
}

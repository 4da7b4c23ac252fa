// socket.io bootstrap: handshake with the HTTP session (own origin only), per-user and per-session rooms,
// policy-checked meeting rooms with catch-up. A socket lives only as long as its session: it is closed when the
// session ends or expires, and every join re-reads the session and the user.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { sessionIdOf } from "../auth/actor.ts";
import { endReasonOf, liveSession } from "../auth/sessions.ts";
import { foreignOrigin } from "../http/origin.ts";
import { db } from "../db/index.ts";
import { AppError, notFound, unauthenticated, validationError } from "../errors/index.ts";
import { errorTranslator } from "../i18n/errors.ts";
import { resolveLocale } from "../i18n/locale.ts";
import { DEFAULT_LOCALE } from "../i18n/config.ts";
import { can, isStaff, type Actor } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import {
  displayRoom, joinMeetingSchema, MAX_REPLAY, meetingRoom, meetingStaffRoom, meetingUserRoom, sessionRoom, userRoom,
  type ChangeEventName, type ClientToServerEvents, type JoinAck, type MissedEvent, type ServerToClientEvents, type SessionEndReason,
} from "./events.ts";
import { eventFor, setRealtimeServer } from "./publish.ts";
import { ROOM_VIEWER, type FullDelta } from "../meetings/delta.ts";
import type { Viewer } from "../meetings/view.ts";
import { displayMeeting, displayTokenHash } from "../live/display.ts";
import { authorizeRoomDisplay } from "../live/room.ts";

interface SocketData {
  actor: Actor;
  sessionId: string;
  expiresAt: Date;
  /** A room display (opened with a meeting's display token, no session): its meeting and its token's hash. */
  display?: string;
  displayHash?: string;
}

function refusal(locale: string, e: unknown): JoinAck {
  const t = errorTranslator(resolveLocale({ user: locale }));
  return { ok: false, error: e instanceof AppError ? { code: e.code, message: t(e.text) } : { code: "INTERNAL", message: t("joinFailed") } };
}

type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Tells the socket why, then closes it (the client does not reconnect after a server-side disconnect). */
function endSocket(socket: AppSocket, reason: SessionEndReason) {
  socket.emit("session.ended", { reason });
  socket.disconnect();
}

// setTimeout holds at most about 24.8 days; sessions last hours.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function attachRealtime(httpServer: HttpServer): Server {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Leave other upgrade requests (Next's dev HMR) alone instead of destroying them.
    destroyUpgrade: false,
    // Cross-site WebSocket hijacking: a page elsewhere could open a socket with this browser's cookie. Refused
    // before the upgrade (HTTP 403); no Origin at all is a non-browser client, which needs the cookie anyway.
    allowRequest: (req, callback) => {
      const foreign = foreignOrigin(req.headers);
      callback(foreign ? "Foreign origin" : null, !foreign);
    },
  });

  io.use(async (socket, next) => {
    try {
      // A room display authenticates with its meeting's display token instead of a session (lib/live/display.ts).
      const displayToken = (socket.handshake.auth as { displayToken?: unknown } | undefined)?.displayToken;
      if (displayToken !== undefined) {
        const meetingId = await displayMeeting(displayToken);
        if (!meetingId) return next(new Error("UNAUTHENTICATED"));
        socket.data = { display: meetingId, displayHash: displayTokenHash(displayToken as string) } as SocketData;
        await socket.join(displayRoom(meetingId));
        return next();
      }
      const sessionId = await sessionIdOf(socket.handshake.headers);
      if (!sessionId) return next(new Error("UNAUTHENTICATED"));
      // In the session's room before its liveness is read: a session ending meanwhile is either seen ended here or
      // reaches this socket through the room.
      await socket.join(sessionRoom(sessionId));
      const live = await liveSession(sessionId);
      if (!live) return next(new Error("UNAUTHENTICATED"));
      socket.data = { ...live, sessionId };
      await socket.join(userRoom(live.actor.id));
      next();
    } catch (e) {
      next(e as Error);
    }
  });

  io.on("connection", (socket) => {
    if (socket.data.display) return serveDisplay(socket as unknown as Socket, socket.data.display);
    const { sessionId, expiresAt } = socket.data;
    const untilExpiry = Math.min(MAX_TIMER_MS, Math.max(0, expiresAt.getTime() - Date.now()));
    const expiry = setTimeout(() => endSocket(socket, "expired"), untilExpiry);
    socket.on("disconnect", () => clearTimeout(expiry));
    socket.on("meeting:join", async (raw: unknown, ack?: (a: JoinAck) => void) => {
      const reply = typeof ack === "function" ? ack : () => {};
      try {
        // The session and the user as they are now: a join never rests on what was true at the handshake.
        const live = await liveSession(sessionId);
        if (!live) {
          reply(refusal(socket.data.actor.locale, unauthenticated()));
          return endSocket(socket, await endReasonOf(sessionId));
        }
        socket.data.actor = live.actor;
        reply(await joinMeeting(socket as unknown as Socket, live.actor, raw));
      } catch (e) {
        reply(refusal(socket.data.actor.locale, e));
      }
    });
    socket.on("meeting:leave", (raw: unknown) => {
      const p = joinMeetingSchema.pick({ meetingId: true }).safeParse(raw);
      if (!p.success) return;
      const { meetingId } = p.data;
      for (const room of [meetingRoom(meetingId), meetingStaffRoom(meetingId), meetingUserRoom(meetingId, socket.data.actor.id)]) void socket.leave(room);
    });
  });

  setRealtimeServer(io as unknown as Server);
  return io as unknown as Server;
}

async function joinMeeting(socket: Socket, actor: Actor, raw: unknown): Promise<JoinAck> {
  const parsed = joinMeetingSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { meetingId, version } = parsed.data;
  if (actor.role === "DISPLAY") {
    // A display-only account: its room's audience only, replayed as the room (like a display token).
    const meeting = await authorizeRoomDisplay(actor, meetingId).catch(() => null);
    if (!meeting) throw notFound();
    await socket.join([meetingRoom(meetingId), meetingUserRoom(meetingId, actor.id)]);
    return replay(meetingId, version, meeting.version, ROOM_VIEWER);
  }
  // Re-read the actor: a deactivated user or a changed membership must not keep receiving events.
  const resource = await loadMeetingResource(db, actor, meetingId).catch(() => null);
  if (!resource || !can(actor, "meeting.view", resource)) throw notFound();
  // The room for what everyone in the meeting sees, plus the sub-rooms for what only some may see.
  const rooms = [meetingRoom(meetingId), meetingUserRoom(meetingId, actor.id)];
  if (isStaff(actor)) rooms.push(meetingStaffRoom(meetingId));
  await socket.join(rooms);
  return replay(meetingId, version, resource.version, { id: actor.id, role: actor.role });
}

/** What a (re)joining client missed since `version`: the stored events cut for `viewer`, or "take a snapshot". */
async function replay(meetingId: string, version: number, known: number, viewer: Viewer): Promise<JoinAck> {
  // Joined first, then read: an event committed in between arrives twice at worst, and clients drop versions they have.
  // (`known` was read before the join, so it cannot say "nothing missed": an event emitted between that
  // read and the join would be lost for good when no later change follows.)
  const events = await db.meetingEvent.findMany({
    where: { meetingId, version: { gt: version } },
    orderBy: { version: "asc" },
    take: MAX_REPLAY + 1,
  });
  if (events.length === 0) return { ok: true, version: Math.max(version, known), missed: [], snapshot: version < known };
  const complete = version > 0 && events.length <= MAX_REPLAY && events[0]?.version === version + 1;
  // The same typed events a live client got, cut to what this viewer may see.
  const missed = complete
    ? events.map((e) => {
        const { change, ...full } = e.payload as unknown as { change: string } & FullDelta;
        return eventFor(e.name as ChangeEventName, { meetingId, version: e.version, change }, full, viewer);
      })
    : [];
  return { ok: true, version: Math.max(known, events[events.length - 1].version), missed: missed as MissedEvent[], snapshot: !complete };
}

/**
 * A room display: it may join only its own meeting, into the room's audience (what every participant sees), and
 * replays as the room. Replacing or revoking the token closes it (closeDisplaySockets).
 */
function serveDisplay(socket: Socket, meetingId: string) {
  socket.on("meeting:join", async (raw: unknown, ack?: (a: JoinAck) => void) => {
    const reply = typeof ack === "function" ? ack : () => {};
    const refuse = (e: AppError) => reply(refusal(DEFAULT_LOCALE, e));
    const parsed = joinMeetingSchema.safeParse(raw);
    if (!parsed.success) return refuse(validationError(parsed.error));
    if (parsed.data.meetingId !== meetingId) return refuse(notFound());
    try {
      // The token may have been revoked since the handshake.
      const live = await db.meetingLive.findUnique({ where: { meetingId }, select: { displayTokenHash: true, meeting: { select: { version: true } } } });
      if (!live || live.displayTokenHash !== (socket.data as SocketData).displayHash) {
        refuse(unauthenticated());
        return void socket.disconnect();
      }
      await socket.join(meetingRoom(meetingId));
      reply(await replay(meetingId, parsed.data.version, live.meeting.version, ROOM_VIEWER));
    } catch {
      refuse(new AppError("BAD_REQUEST", "BAD_REQUEST"));
    }
  });
}

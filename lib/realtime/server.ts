// socket.io bootstrap: handshake with the HTTP session, per-user room, policy-checked meeting rooms with catch-up.
import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { getActor } from "../auth/actor.ts";
import { db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { can, type Actor } from "../policy/index.ts";
import { loadMeetingResource } from "../meetings/access.ts";
import { joinMeetingSchema, MAX_REPLAY, meetingRoom, userRoom, type JoinAck } from "./events.ts";
import { setRealtimeServer } from "./publish.ts";

interface SocketData {
  actor: Actor;
}

export function attachRealtime(httpServer: HttpServer): Server {
  const io = new Server<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>(httpServer, {
    serveClient: false,
    // Leave other upgrade requests (Next's dev HMR) alone instead of destroying them.
    destroyUpgrade: false,
  });

  io.use(async (socket, next) => {
    try {
      const actor = await getActor(socket.handshake.headers);
      if (!actor) return next(new Error("UNAUTHENTICATED"));
      socket.data.actor = actor;
      next();
    } catch (e) {
      next(e as Error);
    }
  });

  io.on("connection", (socket) => {
    const actor = socket.data.actor;
    void socket.join(userRoom(actor.id));
    socket.on("meeting:join", async (raw: unknown, ack?: (a: JoinAck) => void) => {
      const reply = typeof ack === "function" ? ack : () => {};
      try {
        reply(await joinMeeting(socket as unknown as Socket, actor, raw));
      } catch (e) {
        const err = e instanceof AppError ? { code: e.code, message: e.message } : { code: "INTERNAL", message: "Join failed" };
        reply({ ok: false, error: err });
      }
    });
    socket.on("meeting:leave", (raw: unknown) => {
      const p = joinMeetingSchema.pick({ meetingId: true }).safeParse(raw);
      if (p.success) void socket.leave(meetingRoom(p.data.meetingId));
    });
  });

  setRealtimeServer(io as unknown as Server);
  return io as unknown as Server;
}

async function joinMeeting(socket: Socket, actor: Actor, raw: unknown): Promise<JoinAck> {
  const parsed = joinMeetingSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid join request");
  const { meetingId, version } = parsed.data;
  // Re-read the actor: a deactivated user or a changed membership must not keep receiving events.
  const resource = await loadMeetingResource(db, actor, meetingId).catch(() => null);
  if (!resource || !can(actor, "meeting.view", resource)) throw new AppError("NOT_FOUND", "Meeting not found.");
  await socket.join(meetingRoom(meetingId));
  // Joined first, then read: an event committed in between arrives twice at worst, and clients drop versions they have.
  if (version >= resource.version) return { ok: true, version: resource.version, missed: [], snapshot: false };
  const events = await db.meetingEvent.findMany({
    where: { meetingId, version: { gt: version } },
    orderBy: { version: "asc" },
    take: MAX_REPLAY + 1,
  });
  const complete = version > 0 && events.length <= MAX_REPLAY && events[0]?.version === version + 1;
  return {
    ok: true,
    version: resource.version,
    missed: complete ? events.map((e) => ({ name: e.name, payload: e.payload as Record<string, unknown> })) : [],
    snapshot: !complete,
  };
}

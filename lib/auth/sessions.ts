// Server-side sessions: the JWT only names a session; this table decides whether it is still live. Ending a session
// here ends it for HTTP at once (getActor) and, through lib/realtime, for the sockets opened with it.
import { db, type Tx } from "../db/index.ts";
import { readConsistent, sql } from "../db/read.ts";
import type { Actor, SystemRole } from "../policy/index.ts";
import type { SessionEndReason } from "../realtime/events.ts";
import { closeSessionSockets } from "../realtime/publish.ts";
import { SESSION_MAX_AGE_S } from "./session.ts";

/** How long ended and expired sessions stay as sign-in history (and known addresses for the login throttle). */
export const SESSION_HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

export async function startSession(userId: string, address: string): Promise<string> {
  const now = Date.now();
  const [session] = await db.$transaction([
    db.session.create({ data: { userId, address, expiresAt: new Date(now + SESSION_MAX_AGE_S * 1000) }, select: { id: true } }),
    db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now - SESSION_HISTORY_MS) } } }),
  ]);
  return session.id;
}

interface SessionActorRow {
  id: string;
  role: SystemRole;
  name: string;
  email: string;
  locale: string;
  active: unknown;
  expiresAt: unknown;
  endedAt: unknown;
}

/**
 * The actor of a live session of an active user, and when the session expires; or null. Runs on every request and socket join, so it is one query
 * along two primary keys: Prisma would either make two round trips or scan User with a correlated EXISTS, hence raw
 * SQL (portable: quoted identifiers, no SQLite functions), as a prepared statement on lib/db's reader (~0.5 ms of
 * CPU per request through Prisma's $queryRaw, ~0.03 ms there; it sees every committed sign-out at once). Dates and
 * booleans are compared here, since drivers return them differently.
 */
export async function liveSession(sessionId: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const [rows] = readConsistent([sql`
    SELECT u."id", u."role", u."name", u."email", u."locale", u."active", s."expiresAt", s."endedAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`]) as unknown as SessionActorRow[][];
  const r = rows[0];
  const expiresAt = r && toDate(r.expiresAt);
  if (!r || !r.active || r.endedAt !== null || !(expiresAt! > new Date())) return null;
  return { actor: { id: r.id, role: r.role, name: r.name, email: r.email, locale: r.locale }, expiresAt: expiresAt! };
}

const toDate = (v: unknown) => (v instanceof Date ? v : new Date(v as string | number));

/**
 * Ends live sessions: one, all of a user's, or all of a user's but one. Returns the ids that were live; after the
 * commit, the caller hands them to closeSessionSockets.
 */
export async function endSessions(
  tx: Tx,
  which: { sessionId: string } | { userId: string; exceptSessionId?: string },
  reason: SessionEndReason,
): Promise<string[]> {
  const where =
    "sessionId" in which
      ? { id: which.sessionId, endedAt: null }
      : { userId: which.userId, endedAt: null, ...(which.exceptSessionId ? { id: { not: which.exceptSessionId } } : {}) };
  const ids = (await tx.session.findMany({ where, select: { id: true } })).map((s) => s.id);
  if (ids.length) await tx.session.updateMany({ where: { id: { in: ids }, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return ids;
}

/** Why a session is no longer live (for a socket that finds out late). */
export async function endReasonOf(sessionId: string): Promise<SessionEndReason> {
  const s = await db.session.findUnique({ where: { id: sessionId }, select: { endReason: true, user: { select: { active: true } } } });
  if (s?.endReason) return s.endReason as SessionEndReason;
  return s && !s.user.active ? "deactivated" : "expired";
}

/** Sign-out: this one session ends, and the sockets opened with it. */
export async function endSession(sessionId: string, reason: SessionEndReason): Promise<void> {
  closeSessionSockets(await endSessions(db, { sessionId }, reason), reason);
}

/** Addresses this user has signed in from recently: the login throttle lets a right password from one of them pass. */
export async function isKnownAddress(userId: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - SESSION_HISTORY_MS);
  return (await db.session.count({ where: { userId, address, createdAt: { gte: since } } })) > 0;
}

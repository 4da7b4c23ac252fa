// Account security: deactivation, password change, "sign out everywhere". Each ends sessions in the same
// transaction as the change, and the sessions' sockets are closed after the commit.
import { db } from "../db/index.ts";
import { appendAudit } from "../audit/index.ts";
import { invalid, notFound } from "../errors/index.ts";
import { authorize, type Actor } from "../policy/index.ts";
import { checkOwnPassword } from "../auth/login.ts";
import { hashPassword } from "../auth/passwords.ts";
import { endSessions } from "../auth/sessions.ts";
import { closeSessionSockets } from "../realtime/publish.ts";
import type { ChangePassword } from "./schema.ts";

export async function setUserActive(actor: Actor, userId: string, input: { active: boolean }) {
  authorize(actor, "user.manage");
  if (userId === actor.id && !input.active) throw invalid("account.selfDeactivate", { active: ["account.selfDeactivate"] });
  const { user, ended } = await db.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!found) throw notFound();
    const user = await tx.user.update({ where: { id: userId }, data: { active: input.active }, select: { id: true, active: true } });
    const ended = input.active ? [] : await endSessions(tx, { userId }, "deactivated");
    await appendAudit(tx, {
      actorId: actor.id, action: input.active ? "user.reactivate" : "user.deactivate", subjectType: "User", subjectId: userId,
      data: { endedSessions: ended.length },
    });
    return { user, ended };
  });
  closeSessionSockets(ended, "deactivated");
  return user;
}

/** The signed-in user's own password. Other sessions end; the one used here stays (it just proved the password). */
export async function changeOwnPassword(actor: Actor, sessionId: string, address: string, input: ChangePassword) {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { email: true, passwordHash: true } });
  if (!(await checkOwnPassword(user, input.currentPassword, address))) {
    throw invalid("account.wrongPassword", { currentPassword: ["account.wrongPassword"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const ended = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    const ended = await endSessions(tx, { userId: actor.id, exceptSessionId: sessionId }, "passwordChanged");
    await appendAudit(tx, { actorId: actor.id, action: "user.password", subjectType: "User", subjectId: actor.id, data: { endedSessions: ended.length } });
    return ended;
  });
  closeSessionSockets(ended, "passwordChanged");
  return { endedSessions: ended.length };
}

/** "Sign out everywhere": every session of this user ends, the one asking included. */
export async function endAllOwnSessions(actor: Actor) {
  const ended = await db.$transaction(async (tx) => {
    const ended = await endSessions(tx, { userId: actor.id }, "signedOutEverywhere");
    await appendAudit(tx, { actorId: actor.id, action: "auth.signOutEverywhere", subjectType: "User", subjectId: actor.id, data: { endedSessions: ended.length } });
    return ended;
  });
  closeSessionSockets(ended, "signedOutEverywhere");
  return { endedSessions: ended.length };
}

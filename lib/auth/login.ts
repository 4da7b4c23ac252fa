// Credentials check with a rate limit kept in the database (survives restarts, works across nodes).
import { db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { verifyPassword } from "./passwords.ts";
import { appendAudit } from "../audit/index.ts";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES || 5);

export async function checkCredentials(emailRaw: string, password: string) {
  const email = emailRaw.trim().toLowerCase();
  const key = `login:${email}`;
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = await db.loginAttempt.count({ where: { key, createdAt: { gte: since } } });
  if (failures >= LOGIN_MAX_FAILURES) {
    throw new AppError("RATE_LIMITED", "Too many failed sign-in attempts. Try again in 15 minutes.");
  }
  const user = await db.user.findUnique({ where: { email } });
  const ok = user !== null && user.active && (await verifyPassword(password, user.passwordHash));
  if (!ok) {
    await db.loginAttempt.create({ data: { key } });
    return null;
  }
  await db.loginAttempt.deleteMany({ where: { key } });
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: user.id, action: "auth.login", subjectType: "User", subjectId: user.id }),
  );
  return user;
}

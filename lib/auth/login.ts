// Credentials check with throttles kept in the database (they survive restarts and work across nodes).
//
// Why three throttles, and why none of them is a lock-out button:
// - per (account, address): LOGIN_MAX_FAILURES failures from one address lock that address out of that account for
//   the window. The attacker's guessing stops; the owner, signing in from their own tablet, is not affected.
// - per address, across accounts: LOGIN_MAX_ADDRESS_FAILURES failures lock the address out of every account. Password
//   spraying (one guess per account, many accounts) is slowed to that many guesses per window.
// - per account, across addresses: after LOGIN_MAX_ACCOUNT_FAILURES failures a distributed attack on one account is
//   answered with 429 for every address the account has not signed in from before (a session in the last 90 days);
//   from a known address sign-in works as usual, so the right password still passes. An attacker with many addresses cannot lock the owner out
//   at their usual tablet; a new device has to wait for the window to pass.
// Unknown e-mails, inactive users and wrong passwords take the same path and the same bcrypt time, so neither the
// answer nor its timing tells which e-mails exist.
import crypto from "node:crypto";
import { db } from "../db/index.ts";
import { AppError } from "../errors/index.ts";
import { appendAudit } from "../audit/index.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { isKnownAddress } from "./sessions.ts";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const limit = (name: string, fallback: number) => Number(process.env[name]) || fallback;
export const LOGIN_MAX_FAILURES = limit("LOGIN_MAX_FAILURES", 5);
export const LOGIN_MAX_ADDRESS_FAILURES = limit("LOGIN_MAX_ADDRESS_FAILURES", 30);
export const LOGIN_MAX_ACCOUNT_FAILURES = limit("LOGIN_MAX_ACCOUNT_FAILURES", 20);

const keys = (email: string, address: string) => ({
  pair: `login:${email}|${address}`,
  address: `login-address:${address}`,
  account: `login-account:${email}`,
});

const rateLimited = () => new AppError("RATE_LIMITED", "signIn.tooManyAttempts");

let dummyHash: Promise<string> | undefined;
/** A hash of the same cost as real ones, for checking a password when there is no user to check it against. */
const dummy = () => (dummyHash ??= hashPassword(crypto.randomUUID()));

/** Always one bcrypt comparison, whoever the user is (or is not). */
async function passwordMatches(user: { passwordHash: string } | null, password: string): Promise<boolean> {
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
  return user !== null && ok;
}

async function recentFailures(k: ReturnType<typeof keys>) {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const rows = await db.loginAttempt.groupBy({ by: ["key"], where: { key: { in: Object.values(k) }, createdAt: { gte: since } }, _count: true });
  const count = (key: string) => rows.find((r) => r.key === key)?._count ?? 0;
  return { pair: count(k.pair), address: count(k.address), account: count(k.account) };
}

const recordFailure = (k: ReturnType<typeof keys>) => db.loginAttempt.createMany({ data: Object.values(k).map((key) => ({ key })) });

/**
 * The user for these credentials from this client address, or null; throws RATE_LIMITED (429) when throttled.
 * `address` comes from lib/http/forwarding.ts clientAddress.
 */
export async function checkCredentials(emailRaw: string, password: string, address: string) {
  const email = emailRaw.trim().toLowerCase();
  const k = keys(email, address);
  const failures = await recentFailures(k);
  if (failures.pair >= LOGIN_MAX_FAILURES || failures.address >= LOGIN_MAX_ADDRESS_FAILURES) throw rateLimited();
  const user = await db.user.findUnique({ where: { email } });
  const ok = (await passwordMatches(user, password)) && user!.active;
  // Checked after bcrypt, with the same query and write whether the password was right or not: neither the answer
  // nor its timing confirms a guess.
  if (failures.account >= LOGIN_MAX_ACCOUNT_FAILURES && !(await isKnownAddress(user?.id ?? "", address))) {
    await recordFailure(k);
    throw rateLimited();
  }
  if (!ok) {
    await recordFailure(k);
    return null;
  }
  await db.loginAttempt.deleteMany({ where: { key: k.pair } });
  await db.$transaction((tx) =>
    appendAudit(tx, { actorId: user!.id, action: "auth.login", subjectType: "User", subjectId: user!.id, data: { address } }),
  );
  return user!;
}

/**
 * Re-checks a signed-in user's own password (before changing it). Counts against the same (account, address)
 * throttle, so a stolen session cannot be used to guess the password without limit.
 */
export async function checkOwnPassword(user: { email: string; passwordHash: string }, password: string, address: string): Promise<boolean> {
  const k = keys(user.email, address);
  const failures = await recentFailures(k);
  if (failures.pair >= LOGIN_MAX_FAILURES) throw rateLimited();
  if (await passwordMatches(user, password)) return true;
  await recordFailure(k);
  return false;
}

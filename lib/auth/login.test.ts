import { describe, expect, it } from "vitest";
import { db } from "../db";
import { checkCredentials, LOGIN_MAX_ACCOUNT_FAILURES, LOGIN_MAX_ADDRESS_FAILURES, LOGIN_MAX_FAILURES } from "./login";
import { hashPassword } from "./passwords";
import { startSession } from "./sessions";

const unique = () => Math.random().toString(36).slice(2);
async function userWithPassword(password: string) {
  const email = `login-${unique()}@test.gov.vn`;
  const user = await db.user.create({ data: { email, name: "Đăng Nhập", passwordHash: await hashPassword(password) } });
  return { email, id: user.id };
}
/** A made-up client address, so tests do not share throttles. */
const address = () => `10.${[1, 2, 3].map(() => Math.floor(Math.random() * 250)).join(".")}`;
const limited = { code: "RATE_LIMITED", status: 429 };

describe("credentials", () => {
  it("accepts the right password (case-insensitive email) and audits the login with the address", async () => {
    const { email } = await userWithPassword("đúng-mật-khẩu");
    const from = address();
    const user = await checkCredentials(email.toUpperCase(), "đúng-mật-khẩu", from);
    expect(user?.email).toBe(email);
    const audit = await db.auditEntry.findMany({ where: { action: "auth.login", actorId: user!.id } });
    expect(audit.map((a) => a.data)).toEqual([{ address: from }]);
  });

  it("refuses a wrong password and an inactive user", async () => {
    const { email } = await userWithPassword("secret");
    expect(await checkCredentials(email, "nope", address())).toBeNull();
    await db.user.update({ where: { email }, data: { active: false } });
    expect(await checkCredentials(email, "secret", address())).toBeNull();
  });

  it("an unknown e-mail and an inactive account take as long as a wrong password (bcrypt runs either way)", async () => {
    const known = await userWithPassword("secret");
    const inactive = await userWithPassword("secret");
    await db.user.update({ where: { id: inactive.id }, data: { active: false } });
    // CPU time, not wall time: bcryptjs runs on this thread, and other work on a busy machine stretches wall time.
    const median = async (email: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = process.cpuUsage();
        await checkCredentials(email, "wrong", address());
        const used = process.cpuUsage(t);
        times.push((used.user + used.system) / 1000);
      }
      return times.sort((a, b) => a - b)[2];
    };
    await median(known.email); // warm up (the dummy hash is made on first use)
    const wrong = await median(known.email);
    const unknown = await median(`nobody-${unique()}@test.gov.vn`);
    const off = await median(inactive.email);
    // bcrypt (cost 10) takes tens of milliseconds; without it a refusal takes about one.
    expect(unknown).toBeGreaterThan(wrong * 0.5);
    expect(off).toBeGreaterThan(wrong * 0.5);
  });

  it("a success clears the (account, address) failures", async () => {
    const { email } = await userWithPassword("secret");
    const from = address();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await checkCredentials(email, "wrong", from);
    expect(await checkCredentials(email, "secret", from)).not.toBeNull();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await checkCredentials(email, "wrong", from);
    expect(await checkCredentials(email, "secret", from)).not.toBeNull();
  });
});

describe("throttling without a lock-out button", () => {
  it(`${LOGIN_MAX_FAILURES} failures lock that address out of that account, not the owner on their own tablet`, async () => {
    const { email } = await userWithPassword("secret");
    const attacker = address();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(await checkCredentials(email, `wrong-${i}`, attacker)).toBeNull();
    await expect(checkCredentials(email, "secret", attacker)).rejects.toMatchObject(limited);
    expect(await checkCredentials(email, "secret", address())).not.toBeNull();
  });

  it(`password spraying: ${LOGIN_MAX_ADDRESS_FAILURES} failures from one address across accounts lock that address out of every account`, async () => {
    const sprayer = address();
    const victim = await userWithPassword("secret");
    for (let i = 0; i < LOGIN_MAX_ADDRESS_FAILURES; i++) await checkCredentials(`sprayed-${i}-${unique()}@test.gov.vn`, "123456", sprayer);
    await expect(checkCredentials(victim.email, "secret", sprayer)).rejects.toMatchObject(limited);
    // Nothing tried against the victim from this address; the victim elsewhere is unaffected.
    expect(await checkCredentials(victim.email, "secret", address())).not.toBeNull();
  });

  it(`after ${LOGIN_MAX_ACCOUNT_FAILURES} failures from many addresses, only addresses the account knows get in, with the right password`, async () => {
    const { email, id } = await userWithPassword("secret");
    const home = address();
    await startSession(id, home); // signed in from here before
    for (let i = 0; i < LOGIN_MAX_ACCOUNT_FAILURES; i++) await checkCredentials(email, "guess", address());
    // A new address gets 429 whether the password is right or not: the answer does not confirm a guess.
    await expect(checkCredentials(email, "secret", address())).rejects.toMatchObject(limited);
    await expect(checkCredentials(email, "guess", address())).rejects.toMatchObject(limited);
    // The owner at their usual tablet still signs in; a wrong password there is just wrong.
    expect(await checkCredentials(email, "typo", home)).toBeNull();
    expect(await checkCredentials(email, "secret", home)).not.toBeNull();
  });

  it("an unknown e-mail is throttled exactly like a known one (no existence oracle in the 429s)", async () => {
    const ghost = `ghost-${unique()}@test.gov.vn`;
    for (let i = 0; i < LOGIN_MAX_ACCOUNT_FAILURES; i++) await checkCredentials(ghost, "guess", address());
    await expect(checkCredentials(ghost, "guess", address())).rejects.toMatchObject(limited);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "../db";
import { checkCredentials, LOGIN_MAX_FAILURES } from "./login";
import { hashPassword } from "./passwords";

async function userWithPassword(password: string) {
  const email = `login-${Math.random().toString(36).slice(2)}@test.gov.vn`;
  await db.user.create({ data: { email, name: "Đăng Nhập", passwordHash: await hashPassword(password) } });
  return email;
}

describe("credentials login", () => {
  it("accepts the right password (case-insensitive email) and audits the login", async () => {
    const email = await userWithPassword("đúng-mật-khẩu");
    const user = await checkCredentials(email.toUpperCase(), "đúng-mật-khẩu");
    expect(user?.email).toBe(email);
    expect(await db.auditEntry.count({ where: { action: "auth.login", actorId: user!.id } })).toBe(1);
  });

  it("refuses a wrong password and an inactive user", async () => {
    const email = await userWithPassword("secret");
    expect(await checkCredentials(email, "nope")).toBeNull();
    await db.user.update({ where: { email }, data: { active: false } });
    expect(await checkCredentials(email, "secret")).toBeNull();
  });

  it(`locks an account after ${LOGIN_MAX_FAILURES} failures, even for the right password`, async () => {
    const email = await userWithPassword("secret");
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect(await checkCredentials(email, `wrong-${i}`)).toBeNull();
    await expect(checkCredentials(email, "secret")).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
  });

  it("a success clears earlier failures", async () => {
    const email = await userWithPassword("secret");
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await checkCredentials(email, "wrong");
    expect(await checkCredentials(email, "secret")).not.toBeNull();
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await checkCredentials(email, "wrong");
    expect(await checkCredentials(email, "secret")).not.toBeNull();
  });
});

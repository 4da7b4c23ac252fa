// Sessions end for real: sign-out, "sign out everywhere", deactivation, password change and expiry each make the
// old cookie worthless at once, through the real route handlers and next-auth's own sign-out event.
import { describe, expect, it } from "vitest";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { authOptions } from "@/lib/auth/options";
import { checkCredentials } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/passwords";
import * as meRoute from "@/app/api/v1/me/route";
import * as sessionsRoute from "@/app/api/v1/me/sessions/route";
import * as passwordRoute from "@/app/api/v1/me/password/route";
import * as userRoute from "@/app/api/v1/users/[userId]/route";
import { apiRequest, makeUser, params, signIn } from "./fixtures";

const asCookie = (cookie: string) => ({ cookie });
const me = async (cookie: string) => (await meRoute.GET(await apiRequest(null, "GET", "/api/v1/me", undefined, asCookie(cookie)), params({}))).status;
const call = async <R>(handler: (req: Request, ctx: { params: Promise<R> }) => Promise<Response>, cookie: string, method: string, body: unknown, p: R) =>
  handler(await apiRequest(null, method, "/x", body, asCookie(cookie)), params(p as Record<string, string>) as never);

describe("sign-out", () => {
  it("next-auth's sign-out event ends the session: the copied cookie is refused afterwards", async () => {
    const user = await makeUser();
    const { cookie } = await signIn(user);
    const other = await signIn(user);
    expect(await me(cookie)).toBe(200);
    const token = await decode({ token: cookie.split("=")[1], secret: process.env.NEXTAUTH_SECRET! });
    await authOptions.events!.signOut!({ token: token!, session: null as never });
    expect(await me(cookie)).toBe(401);
    expect(await me(other.cookie)).toBe(200); // another tablet's session is its own
  });

  it("a session past its end is refused even with a valid JWT", async () => {
    const user = await makeUser();
    const { cookie, sessionId } = await signIn(user);
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await me(cookie)).toBe(401);
  });

  it("a JWT without a session id (as issued before sessions existed) is refused", async () => {
    const user = await makeUser();
    const { encode } = await import("next-auth/jwt");
    const token = await encode({ token: { sub: user.id }, secret: process.env.NEXTAUTH_SECRET! });
    expect(await me(`next-auth.session-token=${token}`)).toBe(401);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user, this one included, clears this cookie, and leaves other users alone", async () => {
    const user = await makeUser();
    const [a, b] = [await signIn(user), await signIn(user)];
    const bystander = await signIn(await makeUser());
    const res = await call(sessionsRoute.DELETE, a.cookie, "DELETE", undefined, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ endedSessions: 2 });
    expect(res.headers.get("set-cookie")).toMatch(/^next-auth\.session-token=; Path=\/; Max-Age=0; HttpOnly/);
    expect([await me(a.cookie), await me(b.cookie), await me(bystander.cookie)]).toEqual([401, 401, 200]);
    expect(await db.auditEntry.count({ where: { action: "auth.signOutEverywhere", actorId: user.id } })).toBe(1);
  });
});

describe("deactivation", () => {
  it("an administrator deactivates a user: their sessions end at once and stay ended after reactivation", async () => {
    const admin = await signIn(await makeUser("ADMIN"));
    const user = await makeUser();
    const tablet = await signIn(user);
    const res = await call(userRoute.PATCH, admin.cookie, "PATCH", { active: false }, { userId: user.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: user.id, active: false } });
    expect(await me(tablet.cookie)).toBe(401);
    await call(userRoute.PATCH, admin.cookie, "PATCH", { active: true }, { userId: user.id });
    expect(await me(tablet.cookie)).toBe(401);
    expect(await me((await signIn(user)).cookie)).toBe(200);
    expect(await db.auditEntry.count({ where: { subjectId: user.id, action: { in: ["user.deactivate", "user.reactivate"] } } })).toBe(2);
  });

  it("only an administrator may; not oneself; an unknown user is 404; bad input 422", async () => {
    const target = await makeUser();
    const adminActor = await makeUser("ADMIN");
    const admin = await signIn(adminActor);
    for (const role of ["SECRETARIAT", "MEMBER"] as const) {
      const who = await signIn(await makeUser(role));
      expect((await call(userRoute.PATCH, who.cookie, "PATCH", { active: false }, { userId: target.id })).status).toBe(403);
    }
    expect((await call(userRoute.PATCH, admin.cookie, "PATCH", { active: false }, { userId: adminActor.id })).status).toBe(422);
    expect((await call(userRoute.PATCH, admin.cookie, "PATCH", { active: false }, { userId: "nobody" })).status).toBe(404);
    expect((await call(userRoute.PATCH, admin.cookie, "PATCH", { active: "no" }, { userId: target.id })).status).toBe(422);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(true);
  });
});

describe("password change", () => {
  async function userWithPassword(password: string): Promise<Actor> {
    const user = await makeUser();
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    return user;
  }

  it("needs the current password; ends the other sessions, keeps this one; the new password works, the old not", async () => {
    const user = await userWithPassword("mật-khẩu-cũ-2026");
    const [here, there] = [await signIn(user), await signIn(user)];
    const wrong = await call(passwordRoute.PUT, here.cookie, "PUT", { currentPassword: "đoán", newPassword: "mật-khẩu-mới-2026" }, {});
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.fields).toHaveProperty("currentPassword");
    expect(await me(there.cookie)).toBe(200);

    const short = await call(passwordRoute.PUT, here.cookie, "PUT", { currentPassword: "mật-khẩu-cũ-2026", newPassword: "ngắn" }, {});
    expect(short.status).toBe(422);
    const tooLong = await call(passwordRoute.PUT, here.cookie, "PUT", { currentPassword: "mật-khẩu-cũ-2026", newPassword: "đ".repeat(40) }, {});
    expect(tooLong.status).toBe(422); // 80 bytes: bcrypt would ignore the end

    const ok = await call(passwordRoute.PUT, here.cookie, "PUT", { currentPassword: "mật-khẩu-cũ-2026", newPassword: "mật-khẩu-mới-2026" }, {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ endedSessions: 1 });
    expect([await me(here.cookie), await me(there.cookie)]).toEqual([200, 401]);
    expect(await checkCredentials(user.email, "mật-khẩu-cũ-2026", "10.9.9.9")).toBeNull();
    expect(await checkCredentials(user.email, "mật-khẩu-mới-2026", "10.9.9.9")).not.toBeNull();
  });

  it("without a session it is 401", async () => {
    const res = await passwordRoute.PUT(await apiRequest(null, "PUT", "/x", { currentPassword: "a", newPassword: "bbbbbbbbbbbb" }), params({}));
    expect(res.status).toBe(401);
  });
});

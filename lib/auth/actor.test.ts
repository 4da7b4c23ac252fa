import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { apiRequest, makeUser, params, sessionCookie } from "../../tests/fixtures";
import { startSession } from "./sessions";
import { getActor, parseCookieHeader, sessionIdOf } from "./actor";

describe("cookies", () => {
  it("a stray % in another app's cookie neither throws nor hides the session", async () => {
    const me = await makeUser();
    expect(parseCookieHeader("other=%; x=%E0%A4%A; ok=a%20b")).toEqual({ other: "%", x: "%E0%A4%A", ok: "a b" });
    const cookie = `other=%; ${await sessionCookie(me)}; last=%zz`;
    expect((await getActor(new Headers({ cookie })))?.id).toBe(me.id);
    const res = await meRoute.GET(await apiRequest(null, "GET", "/api/v1/me", undefined, { cookie }), params({}));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(me.id);
  });

  it("the first cookie of a name wins and a cookie named __proto__ is only a name", () => {
    const parsed = parseCookieHeader("a=1; a=2; __proto__=x");
    expect(parsed.a).toBe("1");
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(parsed["__proto__"]).toBe("x");
  });
});

describe("session tokens", () => {
  afterEach(() => vi.useRealTimers());

  it("a token decoded before is still refused once it has expired, and a forged one never counts", async () => {
    const me = await makeUser();
    const sid = await startSession(me.id, "127.0.0.1");
    const token = await encode({ token: { sub: me.id, sid }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 60 });
    const headers = new Headers({ cookie: `next-auth.session-token=${token}` });
    expect(await sessionIdOf(headers)).toBe(sid);
    expect(await sessionIdOf(headers)).toBe(sid); // the second time from the decoded tokens
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 60_000 + 16_000 });
    expect(await sessionIdOf(headers)).toBeNull();
    vi.useRealTimers();
    const forged = `${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    expect(await sessionIdOf(new Headers({ cookie: `next-auth.session-token=${forged}` }))).toBeNull();
  });

  it("a token made with another secret is refused even after the same text was decoded with ours", async () => {
    const me = await makeUser();
    const sid = await startSession(me.id, "127.0.0.1");
    const token = await encode({ token: { sub: me.id, sid }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 60 });
    const headers = new Headers({ cookie: `next-auth.session-token=${token}` });
    expect(await sessionIdOf(headers)).toBe(sid);
    const ours = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-another-secret-another";
    try {
      expect(await sessionIdOf(headers)).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = ours;
    }
  });
});

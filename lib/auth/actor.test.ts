import { describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/v1/me/route";
import { apiRequest, makeUser, params, sessionCookie } from "../../tests/fixtures";
import { getActor, parseCookieHeader } from "./actor";

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

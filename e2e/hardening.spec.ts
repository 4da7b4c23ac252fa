import { expect, test } from "@playwright/test";

// What only the real server can show: requests Next itself would fail on, answered by server.ts with our headers.
test("a path with a broken %-escape is a 400 with the error JSON and the security headers, not a bare 500", async ({ request }) => {
  for (const path of ["/api/v1/meetings/%E0%A4%A", "/meetings/%"]) {
    const res = await request.get(path, { headers: { "accept-language": "vi" } });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "BAD_REQUEST", message: "Địa chỉ chứa một mã % bị hỏng." });
    const h = res.headers();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["cache-control"]).toBe("no-store");
  }
});

test("the sign-in endpoint refuses an oversized body (413) and still signs in a normal one", async ({ request }) => {
  const big = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=a&password=${"x".repeat(2 * 1024 * 1024)}`,
  });
  expect(big.status()).toBe(413);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const ok = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "member1@demo.gov.vn", password: "demo-password", json: "true" },
  });
  expect(ok.status()).toBeLessThan(400);
  expect((await (await request.get("/api/v1/me")).json()).user.email).toBe("member1@demo.gov.vn");
});

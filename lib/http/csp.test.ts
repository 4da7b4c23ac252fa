import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { isPageRequest, withPagePolicy } from "./csp";

function request(url: string, headers: Record<string, string> = {}) {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.headers = { host: "10.0.0.5:3000", ...headers };
  return { req, res: new ServerResponse(req) };
}

describe("the page policy, set before Next", () => {
  it("pages get it; API answers, Next's static files and prefetches do not", () => {
    expect(isPageRequest("/meetings/abc?x=1", {})).toBe(true);
    expect(isPageRequest("/", {})).toBe(true);
    expect(isPageRequest("/api/v1/meetings", {})).toBe(false);
    expect(isPageRequest("/_next/static/chunks/a.js", {})).toBe(false);
    expect(isPageRequest("/_next/image?url=x", {})).toBe(false);
    expect(isPageRequest("/favicon.ico", {})).toBe(false);
    expect(isPageRequest("/meetings", { "next-router-prefetch": "1" })).toBe(false);
    expect(isPageRequest("/meetings", { purpose: "prefetch" })).toBe(false);
  });

  it("a page request carries a fresh nonce policy on the request (for Next) and the response, replacing the client's", () => {
    const policies = [1, 2].map(() => {
      const { req, res } = request("/meetings", { "content-security-policy": "script-src 'nonce-chosen-by-the-client'" });
      withPagePolicy(req, res);
      const policy = res.getHeader("content-security-policy");
      expect(req.headers["content-security-policy"]).toBe(policy);
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(policy).toContain("connect-src 'self' ws://10.0.0.5:3000 wss://10.0.0.5:3000");
      expect(policy).not.toContain("chosen-by-the-client");
      return policy;
    });
    expect(policies[0]).not.toBe(policies[1]);
  });

  it("elsewhere a client's own policy header is dropped, and the answer's policy is left to next.config.js", () => {
    const { req, res } = request("/api/v1/meetings", { "content-security-policy": "script-src 'nonce-chosen-by-the-client'" });
    withPagePolicy(req, res);
    expect(req.headers["content-security-policy"]).toBeUndefined();
    expect(res.getHeader("content-security-policy")).toBeUndefined();
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, forgetUntrustedForwarding, requestHost, trustedProxyHops } from "./forwarding";
import { foreignOrigin, isOwnOrigin, requestOrigin } from "./origin";

const saved = { TRUST_PROXY: process.env.TRUST_PROXY, PUBLIC_URL: process.env.PUBLIC_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
});

const forged = () => ({
  host: "10.0.0.5:3000",
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  forwarded: "for=6.6.6.6",
});

describe("without a trusted proxy (the default)", () => {
  it("X-Forwarded-* from the client are dropped at the door and never believed", () => {
    delete process.env.TRUST_PROXY;
    expect(trustedProxyHops()).toBe(0);
    const h: Record<string, string> = forged();
    expect(clientAddress(h, "::ffff:192.168.1.20")).toBe("192.168.1.20");
    expect(requestHost(h)).toBe("10.0.0.5:3000");
    expect(requestOrigin(h)).toBe("http://10.0.0.5:3000");
    forgetUntrustedForwarding(h);
    expect(h).toEqual({ host: "10.0.0.5:3000" });
  });
});

describe("behind TRUST_PROXY reverse proxies", () => {
  it("the client is the n-th X-Forwarded-For entry from the right; entries the client made up further left are ignored", () => {
    process.env.TRUST_PROXY = "1";
    const h = { ...forged(), "x-forwarded-for": "6.6.6.6, 203.0.113.7" };
    expect(clientAddress(h, "10.0.0.1")).toBe("203.0.113.7");
    expect(requestOrigin(h)).toBe("https://evil.example");
    process.env.TRUST_PROXY = "2";
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }, "10.0.0.1")).toBe("203.0.113.7");
    process.env.TRUST_PROXY = "true";
    expect(trustedProxyHops()).toBe(1);
    const kept: Record<string, string> = forged();
    forgetUntrustedForwarding(kept);
    expect(kept).toEqual(forged());
  });
});

describe("origins", () => {
  it("own: the host the request came in on, or the public URL; anything else, or a malformed Origin, is foreign", () => {
    delete process.env.TRUST_PROXY;
    delete process.env.NEXTAUTH_URL;
    process.env.PUBLIC_URL = "https://hop.chinhphu.vn/";
    const h = { host: "10.0.0.5:3000" };
    expect(isOwnOrigin("http://10.0.0.5:3000", h)).toBe(true);
    expect(isOwnOrigin("https://hop.chinhphu.vn", h)).toBe(true);
    expect(isOwnOrigin("http://10.0.0.5:3001", h)).toBe(false);
    expect(isOwnOrigin("null", h)).toBe(false);
    expect(foreignOrigin({ ...h, origin: "https://evil.example" })).toBe("https://evil.example");
    expect(foreignOrigin(h)).toBeUndefined(); // no Origin: not a browser's cross-site request
  });
});

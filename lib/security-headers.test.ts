import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  const production = { nonce: "bm9uY2U=", isDevelopment: false };

  it("allows scripts by nonce only, without unsafe-eval or unsafe-inline, in production", () => {
    const policy = securityHeaders({ ...production, publicUrl: "http://localhost:3000" })["Content-Security-Policy"];
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it("adds unsafe-eval only for next dev", () => {
    expect(securityHeaders({ ...production, isDevelopment: true, publicUrl: undefined })["Content-Security-Policy"]).toContain("'unsafe-eval'");
  });

  it("sends HSTS and upgrades insecure requests only when NEXTAUTH_URL is https", () => {
    const plain = securityHeaders({ ...production, publicUrl: "http://desk.internal" });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(plain["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
    const secure = securityHeaders({ ...production, publicUrl: "https://desk.example.gov.hk" });
    expect(secure["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    expect(secure["Permissions-Policy"]).toContain("geolocation=()");
  });
});

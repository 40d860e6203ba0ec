import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptSignIn } from "@/features/auth/sign-in";
import { proxy } from "@/proxy";
import { requestIdFrom } from "@/lib/request-id";

afterAll(async () => db.$disconnect());

/** The id proxy.ts forwards to the app (Next passes overridden request headers as x-middleware-request-*). */
function forwardedRequestId(sent: string): { forwarded: string | null; answered: string | null } {
  const response = proxy(new NextRequest("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "x-request-id": sent } }));
  return { forwarded: response.headers.get("x-middleware-request-x-request-id"), answered: response.headers.get("x-request-id") };
}

describe("X-Request-Id from the client", () => {
  it.each([
    ["too long", "a".repeat(65)],
    ["with spaces and quotes", 'x" OR 1=1 --'],
    ["with a line break", "abc\tdef"],
    ["with markup", "<script>alert(1)</script>"],
    ["with non-ASCII letters", "caf\u00e9-123"],
  ])("is replaced when %s, and the replacement is what the audit log records", async (_case, sent) => {
    const { forwarded, answered } = forwardedRequestId(sent);
    expect(forwarded).toMatch(/^[0-9a-f-]{36}$/);
    expect(answered).toBe(forwarded);
    // The app reads the header again (getRequestContext, sign-in) with the same rule, for requests proxy.ts misses.
    expect(requestIdFrom(sent)).not.toBe(sent);

    const email = `nobody-${randomUUID()}@example.test`;
    await attemptSignIn({ email, password: "wrong-password" }, { requestId: forwarded!, ipAddress: "10.9.8.7" });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn.fail", after: { path: ["email"], equals: email } } });
    expect(entry.requestId).toBe(forwarded);
    expect(await db.auditLog.count({ where: { requestId: sent } })).toBe(0);
  });

  it("is kept when it is at most 64 characters of letters, digits, dot, underscore and hyphen", () => {
    for (const sent of ["a".repeat(64), "lb-2026.12.03_0001", randomUUID()]) {
      expect(forwardedRequestId(sent)).toEqual({ forwarded: sent, answered: sent });
      expect(requestIdFrom(sent)).toBe(sent);
    }
  });
});

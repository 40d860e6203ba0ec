import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadSessionUser } from "@/lib/auth/session";
import * as password from "@/lib/password";
import { createSession, createUser } from "@/tests/factories";
import { accountLockThreshold, attemptSignIn, revokeSession } from "./sign-in";

// Wraps the real argon2 verification to count calls; it still does the real work.
vi.mock("@/lib/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});
afterEach(() => vi.mocked(password.verifyPassword).mockClear());

afterAll(async () => db.$disconnect());

const contextFor = (ipAddress = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ requestId: randomUUID(), ipAddress });

describe("attemptSignIn", () => {
  it("signs in with the right password, resets the failure count and audits the success", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 3 } });
    const context = contextFor();
    const result = await attemptSignIn({ email: user.email.toUpperCase(), password: user.password }, context);
    expect(result).toEqual({ id: user.id, sessionVersion: user.sessionVersion, sessionId: expect.any(String) });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.succeed" } });
    expect(audit).toMatchObject({ actorId: user.id, ipAddress: context.ipAddress, requestId: context.requestId });
  });

  it("refuses a wrong password, counts it and audits it", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    expect(await attemptSignIn({ email: user.email, password: "wrong-password-1" }, contextFor())).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.fail" } });
    expect(audit.after).toMatchObject({ reason: "wrongPassword" });
  });

  it("locks the account for 15 minutes after 10 failures, even when they arrive at the same moment", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await Promise.all(
      Array.from({ length: accountLockThreshold }, (_, attempt) => attemptSignIn({ email: user.email, password: `wrong-${attempt}` }, contextFor())),
    );
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.failedLoginCount).toBe(accountLockThreshold);
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(locked.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor())).toBeNull();
  });

  it("lets the user in again once the lock has expired", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 10, lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor())).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("refuses a deactivated account and an unknown email, both audited", async () => {
    const user = await createUser(db, { role: "ADMIN", active: false });
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor())).toBeNull();
    const unknown = `nobody-${randomUUID()}@example.test`;
    expect(await attemptSignIn({ email: unknown, password: "whatever-password" }, contextFor())).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn.fail", actorId: null, after: { path: ["email"], equals: unknown } } });
    expect(audit.after).toMatchObject({ reason: "unknownAccount" });
  });

  it("throttles an address after too many failures, whatever account it tries", async () => {
    const ipAddress = `192.0.2.${Math.floor(Math.random() * 250)}`;
    await db.loginAttempt.createMany({ data: Array.from({ length: env().LOGIN_IP_FAILURE_LIMIT }, (_, i) => ({ email: `x${i}@example.test`, ipAddress, succeeded: false })) });
    const user = await createUser(db, { role: "ADMIN" });
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor(ipAddress))).toBeNull();
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor())).not.toBeNull();
  });

  it("processes no more failures from one address than the limit, even when they arrive at the same moment", async () => {
    const limit = env().LOGIN_IP_FAILURE_LIMIT;
    const ipAddress = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const user = await createUser(db, { role: "ADMIN" });
    await Promise.all(
      Array.from({ length: limit + 10 }, (_, attempt) => attemptSignIn({ email: `${attempt}-${user.email}`, password: `wrong-${attempt}` }, contextFor(ipAddress))),
    );
    const reasons = await db.auditLog.findMany({ where: { action: "auth.signIn.fail", ipAddress }, select: { after: true } });
    const throttled = reasons.filter((row) => (row.after as { reason: string }).reason === "ipThrottled").length;
    expect(reasons).toHaveLength(limit + 10);
    expect(throttled).toBe(10);
  });

  // No account oracle: every refusal of an account does the same work (one argon2 verification) and the caller
  // shows one message for all (the result is null whatever the reason).
  it.each([
    ["unknownAccount", async () => ({ email: `nobody-${randomUUID()}@example.test`, password: "whatever-password" })],
    ["wrongPassword", async () => ({ email: (await createUser(db, { role: "ADMIN" })).email, password: "wrong-password-1" })],
    ["inactive", async () => {
      const user = await createUser(db, { role: "ADMIN", active: false });
      return { email: user.email, password: user.password };
    }],
    ["locked", async () => {
      const user = await createUser(db, { role: "ADMIN" });
      await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 10, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
      return { email: user.email, password: user.password };
    }],
  ])("refuses a %s sign-in after exactly one password verification", async (reason, credentials) => {
    const input = await credentials();
    const context = contextFor();
    vi.mocked(password.verifyPassword).mockClear();
    expect(await attemptSignIn(input, context)).toBeNull();
    expect(password.verifyPassword).toHaveBeenCalledTimes(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn.fail", requestId: context.requestId } });
    expect(audit.after).toMatchObject({ reason });
  });
});

describe("loadSessionUser", () => {
  it("ends a session at once when the account is deactivated or its session version bumped", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    const sessionId = await createSession(db, user.id);
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toMatchObject({ userId: user.id, role: "COORDINATOR", locale: "en" });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toBeNull();
    expect(await loadSessionUser(user.id, user.sessionVersion + 1, sessionId)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionUser(user.id, user.sessionVersion + 1, sessionId)).toBeNull();
  });

  it("ends a session signed out, past its end, of another user, or missing from the token", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    const other = await createUser(db, { role: "ADMIN" });
    const signIn = await attemptSignIn({ email: user.email, password: user.password }, contextFor(), "Test browser");
    expect(signIn).not.toBeNull();
    const { sessionId } = signIn!;
    const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ userId: user.id, revokedAt: null, userAgent: "Test browser" });
    // The session lasts 8 hours from sign-in, not the 30 days next-auth would give its token.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(8 * 3600_000 + 60_000);

    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).not.toBeNull();
    expect(await loadSessionUser(other.id, other.sessionVersion, sessionId)).toBeNull();
    expect(await loadSessionUser(user.id, user.sessionVersion, undefined)).toBeNull();
    const ended = await createSession(db, user.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(await loadSessionUser(user.id, user.sessionVersion, ended)).toBeNull();

    await revokeSession(user.id, sessionId, contextFor());
    expect(await loadSessionUser(user.id, user.sessionVersion, sessionId)).toBeNull();
    // The sign-out is audited once: signing out again with the same (now revoked) session changes nothing.
    await revokeSession(user.id, sessionId, contextFor());
    expect(await db.auditLog.count({ where: { action: "auth.signOut", entityId: user.id } })).toBe(1);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "auth.signOut", entityId: user.id } })).toMatchObject({ actorEmail: user.email });
    const otherSession = await createSession(db, user.id);
    expect(await loadSessionUser(user.id, user.sessionVersion, otherSession)).not.toBeNull(); // only that session
  });
});

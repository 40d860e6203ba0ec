import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSessionUser } from "@/lib/auth/session";
import { createUser } from "@/tests/factories";
import { accountLockThreshold, attemptSignIn, ipFailureLimit } from "./sign-in";

afterAll(async () => db.$disconnect());

const contextFor = (ipAddress = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ requestId: randomUUID(), ipAddress });

describe("attemptSignIn", () => {
  it("signs in with the right password, resets the failure count and audits the success", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 3 } });
    const context = contextFor();
    const result = await attemptSignIn({ email: user.email.toUpperCase(), password: user.password }, context);
    expect(result).toEqual({ id: user.id, sessionVersion: user.sessionVersion });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.succeeded" } });
    expect(audit).toMatchObject({ actorId: user.id, ipAddress: context.ipAddress, requestId: context.requestId });
  });

  it("refuses a wrong password, counts it and audits it", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    expect(await attemptSignIn({ email: user.email, password: "wrong-password-1" }, contextFor())).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.failed" } });
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
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signIn.failed", actorId: null, after: { path: ["email"], equals: unknown } } });
    expect(audit.after).toMatchObject({ reason: "unknownAccount" });
  });

  it("throttles an address after too many failures, whatever account it tries", async () => {
    const ipAddress = `192.0.2.${Math.floor(Math.random() * 250)}`;
    await db.loginAttempt.createMany({ data: Array.from({ length: ipFailureLimit }, (_, i) => ({ email: `x${i}@example.test`, ipAddress, succeeded: false })) });
    const user = await createUser(db, { role: "ADMIN" });
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor(ipAddress))).toBeNull();
    expect(await attemptSignIn({ email: user.email, password: user.password }, contextFor())).not.toBeNull();
  });
});

describe("loadSessionUser", () => {
  it("ends a session at once when the account is deactivated or its session version bumped", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    expect(await loadSessionUser(user.id, user.sessionVersion)).toMatchObject({ userId: user.id, role: "COORDINATOR", locale: "en" });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await loadSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await loadSessionUser(user.id, user.sessionVersion + 1)).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadSessionUser(user.id, user.sessionVersion + 1)).toBeNull();
  });
});

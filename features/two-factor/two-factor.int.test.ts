import { randomUUID } from "node:crypto";
import path from "node:path";
import { createRequire } from "node:module";
import type { NextAuthOptions } from "next-auth";
import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { runAction, type ActionDefinition, type Translate as ActionTranslate } from "@/lib/action";
import { loadSessionUser } from "@/lib/auth/session";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import { createSession, createUser, DEFAULT_TEST_PASSWORD, type CreatedUser } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import { authOptions } from "@/features/auth/options";
import { attemptPasswordSignIn } from "@/features/auth/sign-in";
import { beginEnrolment, confirmEnrolment, disableSecondFactor, regenerateRecoveryCodes, resetSecondFactor } from "./mutations";
import { findOwnSecondFactor } from "./queries";
import { decryptTotpSecret } from "./secret-box";
import { completeSecondStep } from "./sign-in-step";
import { secondFactorLockThreshold } from "./throttle";
import { totpCodeAt, totpStepSeconds } from "./totp";

// The second factor against the real database (decision 102): enrolment, the sign-in step with its replay refusal,
// recovery codes, throttling, the admin's reset, and REQUIRE_2FA_ROLES (default ADMIN) refusing an un-enrolled
// admin's session in a server action and a route handler.
afterAll(async () => db.$disconnect());

const address = "198.51.100.44";
const request = () => ({ requestId: randomUUID(), ipAddress: address });
const owner = (user: CreatedUser) => ({ actor: { userId: user.id, email: user.email }, request: request() });
// A fixed clock for the codes: each test steps it on by whole 30-second steps, so nothing depends on the hour it runs.
const start = new Date(Date.UTC(2026, 11, 3, 10, 0, 0));
const later = (steps: number) => new Date(start.getTime() + steps * totpStepSeconds * 1000);

async function storedSecret(userId: string): Promise<string> {
  const credential = await db.twoFactorCredential.findUniqueOrThrow({ where: { userId } });
  const secret = decryptTotpSecret(credential.secretCiphertext);
  if (!secret) throw new Error("secret did not decrypt");
  return secret;
}

/** A user with a confirmed factor: its secret and recovery codes. */
async function enrolled(role: "ADMIN" | "COORDINATOR" = "COORDINATOR") {
  const user = await createUser(db, { role });
  await beginEnrolment({ actor: { userId: user.id, email: user.email } });
  const secret = await storedSecret(user.id);
  const { recoveryCodes } = await confirmEnrolment({ ...owner(user), now: start }, { code: totpCodeAt(secret, start) });
  return { user, secret, recoveryCodes };
}

async function passwordStep(user: CreatedUser): Promise<string> {
  const result = await attemptPasswordSignIn({ email: user.email, password: user.password }, request());
  if (!result || !("secondFactorToken" in result)) throw new Error("expected the code step");
  return result.secondFactorToken;
}

describe("enrolment", () => {
  it("keeps the secret encrypted and pending until a right code confirms it, then gives ten single-use recovery codes", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await beginEnrolment({ actor: { userId: user.id, email: user.email } });
    const credential = await db.twoFactorCredential.findUniqueOrThrow({ where: { userId: user.id } });
    const secret = await storedSecret(user.id);
    expect(credential.confirmedAt).toBeNull();
    expect(credential.secretCiphertext).not.toContain(secret);
    const pending = await findOwnSecondFactor({ userId: user.id, email: user.email });
    expect(pending).toMatchObject({ state: "pending", enrolment: { manualKey: expect.stringMatching(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/) } });
    expect(pending.state === "pending" && pending.enrolment?.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await appErrorRefusal(confirmEnrolment({ ...owner(user), now: start }, { code: totpCodeAt(secret, later(5)) }));
    expect(wrong.fieldErrors).toEqual({ code: ["twoFactor.wrongCode"] });
    expect((await db.twoFactorCredential.findUniqueOrThrow({ where: { userId: user.id } })).confirmedAt).toBeNull();

    const { recoveryCodes } = await confirmEnrolment({ ...owner(user), now: start }, { code: totpCodeAt(secret, start) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await db.twoFactorRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(recoveryCodes[0]);
    expect(await findOwnSecondFactor({ userId: user.id, email: user.email })).toMatchObject({ state: "on", remainingRecoveryCodes: 10 });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "twoFactor.enrol", actorId: user.id } })).toBe(1);
    // Once on, starting again is refused (turning it off comes first).
    expect((await appErrorRefusal(beginEnrolment({ actor: { userId: user.id, email: user.email } }))).messageKey).toBe("twoFactor.alreadyOn");
  });
});

describe("the sign-in step", () => {
  it("opens no session after the password, then one with a right code; the same code again is a replay", async () => {
    const { user, secret } = await enrolled();
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const token = await passwordStep(user);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);

    const code = totpCodeAt(secret, later(2));
    const outcome = await completeSecondStep({ token, code }, request(), "Test browser", later(2));
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, sessionId: expect.any(String) } });
    expect(await db.auditLog.findFirst({ where: { entityId: user.id, action: "auth.twoFactor.succeed" } })).toMatchObject({ after: { method: "totp" } });

    // The token is single use, and the code (of that step, or an earlier one) cannot be used again.
    expect(await completeSecondStep({ token, code }, request(), null, later(2))).toEqual({ ok: false, reason: "expired" });
    const again = await passwordStep(user);
    expect(await completeSecondStep({ token: again, code }, request(), null, later(2))).toEqual({ ok: false, reason: "refused" });
    expect(await completeSecondStep({ token: again, code: totpCodeAt(secret, later(1)) }, request(), null, later(2))).toEqual({ ok: false, reason: "refused" });
    const failures = await db.auditLog.findMany({ where: { entityId: user.id, action: "auth.twoFactor.fail" }, orderBy: { id: "asc" } });
    expect(failures.map((entry) => (entry.after as { reason: string }).reason)).toEqual(["expiredChallenge", "replayedCode", "replayedCode"]);
    // A code of the next step (within the window) still works on the same token.
    expect(await completeSecondStep({ token: again, code: totpCodeAt(secret, later(3)) }, request(), null, later(2))).toMatchObject({ ok: true });
  });

  it("accepts each recovery code once", async () => {
    const { user, recoveryCodes } = await enrolled();
    const first = await completeSecondStep({ token: await passwordStep(user), code: recoveryCodes[0].toUpperCase() }, request(), null, later(1));
    expect(first).toMatchObject({ ok: true });
    const reused = await completeSecondStep({ token: await passwordStep(user), code: recoveryCodes[0] }, request(), null, later(1));
    expect(reused).toEqual({ ok: false, reason: "refused" });
    expect(await db.twoFactorRecoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(9);
    expect(await db.auditLog.findFirst({ where: { entityId: user.id, action: "auth.twoFactor.succeed" } })).toMatchObject({ after: { method: "recoveryCode", remainingRecoveryCodes: 9 } });
  });

  it("refuses a token from another address or past its five minutes", async () => {
    const { user, secret } = await enrolled();
    const token = await passwordStep(user);
    expect(await completeSecondStep({ token, code: totpCodeAt(secret, later(1)) }, { requestId: "x", ipAddress: "203.0.113.9" }, null, later(1))).toEqual({ ok: false, reason: "expired" });
    await db.twoFactorChallenge.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 600_000), expiresAt: new Date(Date.now() - 1000) } });
    expect(await completeSecondStep({ token, code: totpCodeAt(secret, later(1)) }, request(), null, later(1))).toEqual({ ok: false, reason: "expired" });
  });

  it("locks the factor after as many wrong codes as wrong passwords lock an account, and then refuses even a right one", async () => {
    const { user, secret } = await enrolled();
    const token = await passwordStep(user);
    for (let attempt = 0; attempt < secondFactorLockThreshold; attempt += 1) {
      expect(await completeSecondStep({ token, code: "000000" === totpCodeAt(secret, later(1)) ? "111111" : "000000" }, request(), null, later(1))).toEqual({ ok: false, reason: "refused" });
    }
    const credential = await db.twoFactorCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(credential.failedCount).toBe(secondFactorLockThreshold);
    expect(credential.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await completeSecondStep({ token, code: totpCodeAt(secret, later(1)) }, request(), null, later(1))).toEqual({ ok: false, reason: "refused" });
    const locked = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.twoFactor.fail" }, orderBy: { id: "desc" } });
    expect(locked.after).toMatchObject({ reason: "locked" });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "auth.twoFactor.fail" } })).toBe(secondFactorLockThreshold + 1);
    // A right password does not reset the count of wrong codes.
    await passwordStep(user);
    expect((await db.twoFactorCredential.findUniqueOrThrow({ where: { userId: user.id } })).failedCount).toBe(secondFactorLockThreshold);
  });

  it("goes through next-auth: the password answers with the code step, the totp provider opens the session", async () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    const { user, secret } = await enrolled();
    const password = await nextAuthSignIn("credentials", { email: user.email, password: user.password });
    const error = new URL(password.redirect ?? "", "http://localhost").searchParams.get("error") ?? "";
    expect(error).toMatch(/^SecondFactorRequired:[\w-]{43}$/);
    expect(password.cookies?.some((cookie) => cookie.name.includes("session-token"))).toBe(false);
    const token = error.slice("SecondFactorRequired:".length);
    const wrong = await nextAuthSignIn("totp", { token, code: "12345" });
    expect(new URL(wrong.redirect ?? "", "http://localhost").searchParams.get("error")).toBe("CredentialsSignin");
    const right = await nextAuthSignIn("totp", { token, code: totpCodeAt(secret, new Date()) });
    expect(new URL(right.redirect ?? "", "http://localhost").searchParams.get("error")).toBeNull();
    expect(right.cookies?.some((cookie) => cookie.name.includes("session-token"))).toBe(true);
    vi.unstubAllEnvs();
  });
});

describe("one's own recovery codes and turning the factor off", () => {
  it("replaces the recovery codes only with a current code", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const wrong = await appErrorRefusal(regenerateRecoveryCodes({ ...owner(user), now: later(1) }, { code: "not-a-code" }));
    expect(wrong.fieldErrors).toEqual({ code: ["twoFactor.wrongCode"] });
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ ...owner(user), now: later(1) }, { code: totpCodeAt(secret, later(1)) });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(recoveryCodes[0]);
    expect(await completeSecondStep({ token: await passwordStep(user), code: recoveryCodes[0] }, request(), null, later(1))).toEqual({ ok: false, reason: "refused" });
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "twoFactor.regenerateRecoveryCodes" } })).toBe(1);
  });

  it("turns it off with the current password and a code, not for a role that requires it", async () => {
    const { user, secret } = await enrolled("COORDINATOR");
    const badPassword = await appErrorRefusal(disableSecondFactor({ ...owner(user), now: later(1) }, { currentPassword: "wrong-password-9", code: totpCodeAt(secret, later(1)) }));
    expect(badPassword.fieldErrors).toEqual({ currentPassword: ["accountSecurity.wrongCurrentPassword"] });
    await disableSecondFactor({ ...owner(user), now: later(1) }, { currentPassword: DEFAULT_TEST_PASSWORD, code: totpCodeAt(secret, later(1)) });
    expect(await db.twoFactorCredential.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.twoFactorRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await attemptPasswordSignIn({ email: user.email, password: user.password }, request())).toMatchObject({ sessionId: expect.any(String) });

    const admin = await enrolled("ADMIN");
    const refused = await appErrorRefusal(disableSecondFactor({ ...owner(admin.user), now: later(1) }, { currentPassword: DEFAULT_TEST_PASSWORD, code: totpCodeAt(admin.secret, later(1)) }));
    expect(refused.messageKey).toBe("twoFactor.requiredForRole");
    expect(await db.twoFactorCredential.count({ where: { userId: admin.user.id } })).toBe(1);
  });
});

describe("an admin's reset", () => {
  it("removes the factor, is audited with the actor, and the user must enrol again at the next sign-in", async () => {
    const { user } = await enrolled("ADMIN");
    const resetter = await createUser(db, { role: "ADMIN" });
    const context = request();
    await resetSecondFactor({ userId: resetter.id, email: resetter.email }, context, { userId: user.id });
    expect(await db.twoFactorCredential.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "twoFactor.reset" } })).toMatchObject({ actorId: resetter.id, requestId: context.requestId });
    // The password alone opens a session again, which may only enrol (REQUIRE_2FA_ROLES defaults to ADMIN).
    const signedIn = await attemptPasswordSignIn({ email: user.email, password: user.password }, request());
    if (!signedIn || !("sessionId" in signedIn)) throw new Error("expected a session");
    expect(await loadSessionUser(user.id, user.sessionVersion, signedIn.sessionId)).toMatchObject({ userId: user.id, secondFactorEnrolmentRequired: true });
    expect((await appErrorRefusal(resetSecondFactor({ userId: resetter.id, email: resetter.email }, request(), { userId: user.id }))).messageKey).toBe("twoFactor.nothingToReset");
  });
});

describe("REQUIRE_2FA_ROLES", () => {
  const messages = loadMessages("en");
  const t = createTranslator({ locale: "en", messages }) as unknown as Translate;
  const errorsT = createTranslator({ locale: "en", messages, namespace: "errors" }) as unknown as ActionTranslate;
  const noInput = z.object({});
  const listUsers: ActionDefinition<typeof noInput, number> = { name: "test.countUsers", schema: noInput, permission: "user:manage", run: () => db.user.count() };
  const auditRoute: RouteDefinition<Record<string, never>> = { name: "test.audit", permission: "audit:view", handle: async () => Response.json({ ok: true }) };

  let admin: CreatedUser;
  let sessionId: string;
  beforeAll(async () => {
    admin = await createUser(db, { role: "ADMIN" });
    sessionId = await createSession(db, admin.id);
  });
  const loadAdmin = () => loadSessionUser(admin.id, admin.sessionVersion, sessionId);

  it("refuses an un-enrolled admin's session in server actions and route handlers, but lets it enrol", async () => {
    expect(await loadAdmin()).toMatchObject({ secondFactorEnrolmentRequired: true });
    expect(await runAction(listUsers, {}, { request: request(), t: errorsT, loadUser: loadAdmin })).toMatchObject({ ok: false, formError: errorsT("forbidden") });
    const answer = await runRoute(auditRoute, {} as NextRequest, { request: request(), t, loadUser: loadAdmin, params: {} });
    expect(answer.status).toBe(401);
    const enrol: ActionDefinition<typeof noInput, { started: true }> = { schema: noInput, name: "test.enrol", permission: "account:manageOwn", allowDuringSecondFactorEnrolment: true, run: (_input, { user }) => beginEnrolment({ actor: user }) };
    expect(await runAction(enrol, {}, { request: request(), t: errorsT, loadUser: loadAdmin })).toEqual({ ok: true, data: { started: true } });

    // Once confirmed, the same session works everywhere.
    await confirmEnrolment({ ...owner(admin), now: start }, { code: totpCodeAt(await storedSecret(admin.id), start) });
    expect((await loadAdmin())?.secondFactorEnrolmentRequired).toBeUndefined();
    expect(await runAction(listUsers, {}, { request: request(), t: errorsT, loadUser: loadAdmin })).toMatchObject({ ok: true });
    expect((await runRoute(auditRoute, {} as NextRequest, { request: request(), t, loadUser: loadAdmin, params: {} })).status).toBe(200);
  });

  it("does not apply to roles not listed, nor to single-sign-on-only accounts", async () => {
    const coordinator = await createUser(db, { role: "COORDINATOR" });
    expect((await loadSessionUser(coordinator.id, coordinator.sessionVersion, await createSession(db, coordinator.id)))?.secondFactorEnrolmentRequired).toBeUndefined();
    const ssoAdmin = await createUser(db, { role: "ADMIN", ssoOnly: true });
    expect((await loadSessionUser(ssoAdmin.id, ssoAdmin.sessionVersion, await createSession(db, ssoAdmin.id)))?.secondFactorEnrolmentRequired).toBeUndefined();
  });

  it("does not apply to a session opened through single sign-on by an account that also has a password", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const ssoSession = await createSession(db, admin.id, { idToken: "header.payload.signature" });
    expect((await loadSessionUser(admin.id, admin.sessionVersion, ssoSession))?.secondFactorEnrolmentRequired).toBeUndefined();
    // The same account's password session still must enrol.
    expect(await loadSessionUser(admin.id, admin.sessionVersion, await createSession(db, admin.id))).toMatchObject({ secondFactorEnrolmentRequired: true });
  });
});

// ---------------------------------------------------------------------------------------------------------------

type AuthHandlerAnswer = { status?: number; redirect?: string; body?: unknown; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<AuthHandlerAnswer>;
};

/** next-auth's own flow (CSRF token, then a provider's callback), as the login page's sign-in runs it. */
async function nextAuthSignIn(providerId: string, fields: Record<string, string>): Promise<AuthHandlerAnswer> {
  const base = { headers: { "x-request-id": randomUUID(), host: "localhost", "x-forwarded-for": address }, cookies: {} as Record<string, string> };
  const options = { ...authOptions, secret: "two-factor-test-secret-of-enough-length" };
  const csrf = await AuthHandler({ req: { ...base, method: "GET", action: "csrf" }, options });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const cookies = Object.fromEntries((csrf.cookies ?? []).map((cookie) => [cookie.name, cookie.value]));
  return AuthHandler({ req: { ...base, cookies, method: "POST", action: "callback", providerId, body: { ...fields, csrfToken, json: "true" } }, options });
}

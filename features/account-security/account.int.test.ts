import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadSessionUser } from "@/lib/auth/session";
import { verifyPassword } from "@/lib/password";
import { createSession, createUser, DEFAULT_TEST_PASSWORD, type CreatedUser } from "@/tests/factories";
import { appErrorRefusal } from "@/tests/support/refusal";
import { accountLockThreshold } from "@/features/auth/sign-in";
import { changeOwnPassword, signOutOtherSessions } from "./mutations";
import { findOwnSessions } from "./queries";

// Change password and the sessions list against the real database: the current password is required, the new one
// must pass the strength rule, and every other session — not this one — stops working at once.
afterAll(async () => db.$disconnect());

const request = () => ({ requestId: randomUUID(), ipAddress: "198.51.100.7" });
const strongPassword = "violet-harbour-kettle-97";

async function userWithSessions(count: number): Promise<{ user: CreatedUser; sessions: string[] }> {
  const user = await createUser(db, { role: "COORDINATOR" });
  const sessions: string[] = [];
  for (let index = 0; index < count; index += 1) sessions.push(await createSession(db, user.id));
  return { user, sessions };
}

const ownerOf = (user: CreatedUser) => ({ userId: user.id, email: user.email });
const works = async (user: CreatedUser, sessionId: string) => (await loadSessionUser(user.id, user.sessionVersion, sessionId)) !== null;

describe("changeOwnPassword", () => {
  it("changes the password, keeps this session, signs out the others and audits it", async () => {
    const { user, sessions } = await userWithSessions(3);
    const [current, ...others] = sessions;
    const context = { actor: ownerOf(user), sessionId: current, request: request() };
    const result = await changeOwnPassword(context, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: strongPassword, confirmPassword: strongPassword });
    expect(result).toEqual({ signedOutSessions: 2 });

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, strongPassword)).toBe(true);
    expect(await works(user, current)).toBe(true);
    for (const other of others) expect(await works(user, other)).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "account.changePassword" } });
    expect(audit).toMatchObject({ actorId: user.id, requestId: context.request.requestId, after: { signedOutSessions: 2 } });
  });

  it("refuses a wrong current password next to that field and changes nothing", async () => {
    const { user, sessions } = await userWithSessions(2);
    const error = await appErrorRefusal(
      changeOwnPassword({ actor: ownerOf(user), sessionId: sessions[0], request: request() }, { currentPassword: "not-my-password-1", newPassword: strongPassword, confirmPassword: strongPassword }),
    );
    expect(error.fieldErrors).toEqual({ currentPassword: ["accountSecurity.wrongCurrentPassword"] });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, DEFAULT_TEST_PASSWORD)).toBe(true);
    expect(await works(user, sessions[1])).toBe(true);
    expect(await db.auditLog.count({ where: { entityId: user.id, action: "account.changePassword" } })).toBe(0);
  });

  it("refuses a guessable new password with the estimator's reason", async () => {
    const { user, sessions } = await userWithSessions(1);
    const weak = await appErrorRefusal(
      changeOwnPassword({ actor: ownerOf(user), sessionId: sessions[0], request: request() }, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "abcdefghijklmn", confirmPassword: "abcdefghijklmn" }),
    );
    expect(weak.fieldErrors).toEqual({ newPassword: ["passwordRules.warnings.sequences"] });
    const short = await appErrorRefusal(
      changeOwnPassword({ actor: ownerOf(user), sessionId: sessions[0], request: request() }, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: "Xk9#pL", confirmPassword: "Xk9#pL" }),
    );
    expect(short.fieldErrors).toEqual({ newPassword: ["passwordRules.tooShort"] });
    const same = await appErrorRefusal(
      changeOwnPassword({ actor: ownerOf(user), sessionId: sessions[0], request: request() }, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: DEFAULT_TEST_PASSWORD, confirmPassword: DEFAULT_TEST_PASSWORD }),
    );
    expect(same.fieldErrors).toEqual({ newPassword: ["accountSecurity.sameAsCurrent"] });
  });
});

describe("guessing the current password", () => {
  it("counts towards the account lock like sign-in failures, and a locked account cannot change its password", async () => {
    const { user, sessions } = await userWithSessions(1);
    const context = { actor: ownerOf(user), sessionId: sessions[0], request: request() };
    const wrong = { currentPassword: "not-my-password-1", newPassword: strongPassword, confirmPassword: strongPassword };
    for (let attempt = 1; attempt < accountLockThreshold; attempt += 1) {
      expect((await appErrorRefusal(changeOwnPassword(context, wrong))).fieldErrors).toEqual({ currentPassword: ["accountSecurity.wrongCurrentPassword"] });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
    await appErrorRefusal(changeOwnPassword(context, wrong));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();
    // Now even the right password is refused until the lock ends.
    const locked = await appErrorRefusal(changeOwnPassword(context, { ...wrong, currentPassword: DEFAULT_TEST_PASSWORD }));
    expect(locked.fieldErrors).toEqual({ currentPassword: ["accountSecurity.currentPasswordLocked"] });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(stored.passwordHash, DEFAULT_TEST_PASSWORD)).toBe(true);
  });
});

describe("sessions list and sign out everywhere else", () => {
  it("lists only the user's own working sessions, marks this one, and signs out the others", async () => {
    const { user, sessions } = await userWithSessions(3);
    const [current, second, third] = sessions;
    const someoneElse = await userWithSessions(1);
    // Neither a signed-out nor an ended session is listed.
    await createSession(db, user.id, { revokedAt: new Date() });
    await createSession(db, user.id, { createdAt: new Date(Date.now() - 10 * 3600_000), expiresAt: new Date(Date.now() - 3600_000) });

    const listed = await findOwnSessions(ownerOf(user), current);
    expect(listed.map((session) => session.id).sort()).toEqual([current, second, third].sort());
    expect(listed.filter((session) => session.isCurrent).map((session) => session.id)).toEqual([current]);

    const context = { actor: ownerOf(user), sessionId: current, request: request() };
    expect(await signOutOtherSessions(context)).toEqual({ signedOutSessions: 2 });
    expect((await findOwnSessions(ownerOf(user), current)).map((session) => session.id)).toEqual([current]);
    expect(await works(user, current)).toBe(true);
    expect(await works(user, second)).toBe(false);
    // Another user's session is untouched.
    expect(await works(someoneElse.user, someoneElse.sessions[0])).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "account.signOutOtherSessions" } });
    expect(audit.after).toEqual({ signedOutSessions: 2 });

    // Again: nothing left to sign out, and said so.
    expect(await signOutOtherSessions(context)).toEqual({ signedOutSessions: 0 });
  });
});

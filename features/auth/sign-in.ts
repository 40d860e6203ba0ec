import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";

export const accountLockThreshold = 10;
export const accountLockMinutes = 15;
export const ipFailureWindowMinutes = 15;
export const ipFailureLimit = Number(process.env.LOGIN_IP_FAILURE_LIMIT ?? 50);

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignedInUser {
  id: string;
  sessionVersion: number;
}

// Verifying against a real hash when the account does not exist keeps the response time the same either way.
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword("decoy-password-never-valid"));

/**
 * Checks credentials with throttling that holds across app instances (state in PostgreSQL). Every outcome is
 * audited; the caller shows one generic message for all failures so accounts cannot be enumerated.
 */
export async function attemptSignIn(input: SignInInput, context: RequestContext): Promise<SignedInUser | null> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - ipFailureWindowMinutes * 60_000);
  const recentIpFailures = await db.loginAttempt.count({ where: { ipAddress: context.ipAddress, succeeded: false, createdAt: { gte: since } } });
  if (recentIpFailures >= ipFailureLimit) {
    await recordFailure(email, null, context, "ipThrottled");
    return null;
  }

  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await getDecoyHash(), input.password);
    await recordFailure(email, null, context, "unknownAccount");
    return null;
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordFailure(email, user.id, context, "locked");
    return null;
  }
  const passwordMatches = await verifyPassword(user.passwordHash, input.password);
  if (!passwordMatches || !user.active) {
    await recordFailure(email, user.id, context, user.active ? "wrongPassword" : "inactive", true);
    return null;
  }

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() } });
    await tx.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, succeeded: true } });
    await writeAudit(tx, { userId: user.id, email }, context, { action: "auth.signIn.succeeded", entityType: "User", entityId: user.id });
  });
  return { id: user.id, sessionVersion: user.sessionVersion };
}

async function recordFailure(email: string, userId: string | null, context: RequestContext, reason: string, countTowardsLock = false) {
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ipAddress: context.ipAddress, succeeded: false } });
    if (userId && countTowardsLock) {
      // One statement, so concurrent failures on several instances cannot lose a count.
      await tx.$executeRaw`
        UPDATE "User" SET
          "failedLoginCount" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= now() THEN 1 ELSE "failedLoginCount" + 1 END,
          "lockedUntil" = CASE
            WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= now() THEN NULL
            WHEN "failedLoginCount" + 1 >= ${accountLockThreshold} THEN now() + make_interval(mins => ${accountLockMinutes})
            ELSE "lockedUntil" END
        WHERE "id" = ${userId}`;
    }
    await writeAudit(tx, userId ? { userId, email } : null, context, {
      action: "auth.signIn.failed",
      entityType: "User",
      entityId: userId,
      after: { email, reason },
    });
  });
}

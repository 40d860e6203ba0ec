import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";
import { sessionMaxAgeSeconds } from "@/lib/auth/session-cookie";
import { sql } from "kysely";
import { runQuery, runStatement, sqlBuilder } from "@/lib/kysely";
import { advisoryLock } from "@/lib/sql-fragments";
import { createSignInChallenge, hasConfirmedSecondFactor } from "@/features/two-factor/challenges";

export const accountLockThreshold = 10;
export const accountLockMinutes = 15;
export const ipFailureWindowMinutes = 15;

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignedInUser {
  id: string;
  sessionVersion: number;
  /** The new session's row (Session.id); the session token carries it. */
  sessionId: string;
}

/** A right password of an account with an authenticator: no session yet, a pending token for the code step. */
export interface SecondFactorChallenge {
  secondFactorToken: string;
}

// Verifying against a real hash when the account does not exist keeps the work the same either way.
let decoyHash: Promise<string> | undefined;
const getDecoyHash = () => (decoyHash ??= hashPassword("decoy-password-never-valid"));

/**
 * Checks credentials with throttling that holds across app instances (state in PostgreSQL). Every outcome is
 * audited; the caller shows one generic message for all failures so accounts cannot be enumerated, and every
 * refusal of an account — unknown, locked, inactive, wrong password — costs exactly one argon2 verification, so
 * the time does not tell them apart either.
 */
export async function attemptPasswordSignIn(input: SignInInput, context: RequestContext, userAgent: string | null = null): Promise<SignedInUser | SecondFactorChallenge | null> {
  const email = input.email.trim().toLowerCase();
  const attempt = await recordAttempt(email, context.ipAddress);
  if (!attempt.withinLimit) {
    await recordFailure(email, null, context, "ipThrottled");
    return null;
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
  if (!user) {
    await recordFailure(email, null, context, "unknownAccount");
    return null;
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    await recordFailure(email, user.id, context, "locked");
    return null;
  }
  if (user.ssoOnly) {
    // Signs in only through the identity provider (features/sso); the same generic answer as any other refusal.
    await recordFailure(email, user.id, context, "ssoOnly");
    return null;
  }
  // An invited user without a password yet (decision 080) was verified against the decoy hash: never a match.
  if (user.passwordHash === null) {
    await recordFailure(email, user.id, context, "noPassword");
    return null;
  }
  if (!passwordMatches || !user.active) {
    await recordFailure(email, user.id, context, user.active ? "wrongPassword" : "inactive", true);
    return null;
  }

  if (await hasConfirmedSecondFactor(db, user.id)) {
    // The password was right (its failure count starts again), but only the code step opens a session (decision 102).
    const secondFactorToken = await db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null } });
      await tx.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
      await writeAudit(tx, { userId: user.id, email }, context, { action: "auth.twoFactor.challenge", entityType: "User", entityId: user.id });
      return createSignInChallenge(tx, user.id, context);
    });
    return { secondFactorToken };
  }

  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() } });
    await tx.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
    await writeAudit(tx, { userId: user.id, email }, context, { action: "auth.signIn.succeed", entityType: "User", entityId: user.id });
    return startSession(tx, user.id, context, userAgent);
  });
  return { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id };
}

/**
 * The password step alone, for callers that take no second step (tests, scripts): an account with an authenticator
 * gets null here as for any refusal; sign-in itself (features/auth/options.ts) uses attemptPasswordSignIn.
 */
export async function attemptSignIn(input: SignInInput, context: RequestContext, userAgent: string | null = null): Promise<SignedInUser | null> {
  const result = await attemptPasswordSignIn(input, context, userAgent);
  return result && "sessionId" in result ? result : null;
}

/** A new session row for a user who has just signed in (with a password or through single sign-on). */
export async function startSession(tx: Prisma.TransactionClient, userId: string, context: RequestContext, userAgent: string | null) {
  return tx.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
      ipAddress: context.ipAddress,
      userAgent: userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true },
  });
}

/**
 * Records the attempt as a failure before any work is done (a success turns it into one), and says whether the
 * address was still within its limit. Counting and inserting under a per-address lock, so that concurrent attempts
 * — on any number of app instances — cannot all read the same count and all pass.
 */
async function recordAttempt(email: string, ipAddress: string): Promise<{ id: bigint; withinLimit: boolean }> {
  return db.$transaction(async (tx) => {
    await runStatement(sqlBuilder.selectNoFrom(advisoryLock(`login-address:${ipAddress}`).as("locked")), tx);
    const [row] = await runQuery(
      sqlBuilder
        .with("recent", (query) =>
          query
            .selectFrom("LoginAttempt")
            .select(sql<number>`count(*)`.as("failures"))
            .where("ipAddress", "=", ipAddress)
            .where((eb) => eb.not(eb.ref("succeeded")))
            .where("createdAt", ">=", sql<Date>`now() - make_interval(mins => ${ipFailureWindowMinutes})`),
        )
        .insertInto("LoginAttempt")
        .columns(["email", "ipAddress", "succeeded"])
        .expression((eb) => eb.selectFrom("recent").select([eb.val(email).as("email"), eb.val(ipAddress).as("ipAddress"), sql.lit(false).as("succeeded")]))
        .returning((eb) => ["id", eb(eb.selectFrom("recent").select("failures").$asScalar(), "<", env().LOGIN_IP_FAILURE_LIMIT).$castTo<boolean>().as("withinLimit")]),
      tx,
    );
    // A BigInt column: the generated types say string, the Prisma client hands over a bigint.
    return { id: BigInt(row.id), withinLimit: row.withinLimit };
  });
}

/**
 * One more wrong password on the account's counter, locking it at the threshold. One statement, so concurrent failures
 * on several instances cannot lose a count; a lock that has run out starts a new count. Sign-in and the change of
 * one's own password (features/account-security) both count here.
 */
export async function countPasswordFailure(userId: string, client?: Prisma.TransactionClient): Promise<void> {
  await runStatement(
    sqlBuilder
      .updateTable("User")
      .set((eb) => {
        const lockExpired = eb.and([eb("lockedUntil", "is not", null), eb("lockedUntil", "<=", sql<Date>`now()`)]);
        return {
          failedLoginCount: eb.case().when(lockExpired).then(1).else(eb("failedLoginCount", "+", 1)).end(),
          lockedUntil: eb
            .case()
            .when(lockExpired)
            .then(null)
            .when(eb("failedLoginCount", "+", 1), ">=", accountLockThreshold)
            .then(sql<Date>`now() + make_interval(mins => ${accountLockMinutes})`)
            .else(eb.ref("lockedUntil"))
            .end(),
        };
      })
      .where("id", "=", userId),
    client,
  );
}

async function recordFailure(email: string, userId: string | null, context: RequestContext, reason: string, countTowardsLock = false) {
  await db.$transaction(async (tx) => {
    if (userId && countTowardsLock) {
      await countPasswordFailure(userId, tx);
    }
    await writeAudit(tx, userId ? { userId, email } : null, context, {
      action: "auth.signIn.fail",
      entityType: "User",
      entityId: userId,
      after: { email, reason },
    });
  });
}

/** Signing out: the session's row is revoked, so the token stops working at once wherever a copy of it is. */
export async function revokeSession(userId: string, sessionId: string, context: RequestContext): Promise<void> {
  await db.$transaction(async (tx) => {
    // One statement ends the session and reads the email the audit entry names (the user's now, not the token's).
    const ended = await tx.$queryRaw<{ email: string }[]>`
      UPDATE "Session" AS s SET "revokedAt" = now() FROM "User" AS u
      WHERE s."id" = ${sessionId} AND s."userId" = ${userId} AND s."revokedAt" IS NULL AND u."id" = s."userId"
      RETURNING u."email"`;
    // Only a sign-out that ended an open session is one: a repeated request or a stale cookie changes nothing.
    if (ended.length === 0) return;
    await writeAudit(tx, { userId, email: ended[0].email }, context, { action: "auth.signOut", entityType: "User", entityId: userId });
  });
}

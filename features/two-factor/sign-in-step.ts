import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { RequestContext } from "@/lib/request-context";
import { startSession, type SignedInUser } from "@/features/auth/sign-in";
import { hashChallengeToken } from "./challenges";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { decryptTotpSecret } from "./secret-box";
import { countSecondFactorFailure, isLocked } from "./throttle";
import { looksLikeTotpCode, matchTotpStep } from "./totp";

export interface SecondStepInput {
  /** The pending token the password step handed to the browser. */
  token: string;
  /** An authenticator code, or one of the recovery codes. */
  code: string;
}

/** "expired": the password step must be done again; "refused": a wrong, replayed or locked-out code (one message). */
export type SecondStepOutcome = { ok: true; user: SignedInUser } | { ok: false; reason: "expired" | "refused" };

type FailureReason = "expiredChallenge" | "inactive" | "locked" | "wrongCode" | "replayedCode" | "wrongRecoveryCode" | "noFactor";

async function refuse(userId: string | null, email: string | null, context: RequestContext, reason: FailureReason, counts: boolean): Promise<SecondStepOutcome> {
  await db.$transaction(async (tx) => {
    if (userId && counts) await countSecondFactorFailure(userId, tx);
    await writeAudit(tx, userId && email ? { userId, email } : null, context, { action: "auth.twoFactor.fail", entityType: "User", entityId: userId, after: { reason } });
  });
  return { ok: false, reason: reason === "expiredChallenge" ? "expired" : "refused" };
}

/**
 * The second step of a password sign-in (decision 102): the pending token (single use, 5 minutes, from the same
 * address) and a current authenticator code — or an unused recovery code — open the session. Wrong codes count
 * towards the factor's lock; every attempt is audited (auth.twoFactor.succeed / auth.twoFactor.fail).
 */
export async function completeSecondStep(input: SecondStepInput, context: RequestContext, userAgent: string | null = null, now = new Date()): Promise<SecondStepOutcome> {
  const challenge = await db.twoFactorChallenge.findUnique({ where: { tokenHash: hashChallengeToken(input.token) } });
  if (!challenge || challenge.consumedAt || challenge.expiresAt <= new Date() || challenge.ipAddress !== context.ipAddress) {
    return refuse(challenge?.userId ?? null, null, context, "expiredChallenge", false);
  }
  const user = await db.user.findUnique({ where: { id: challenge.userId }, select: { id: true, email: true, active: true, sessionVersion: true } });
  if (!user?.active) return refuse(challenge.userId, user?.email ?? null, context, "inactive", false);
  const credential = await db.twoFactorCredential.findUnique({ where: { userId: user.id } });
  if (!credential?.confirmedAt) return refuse(user.id, user.email, context, "noFactor", false);
  if (isLocked(credential)) return refuse(user.id, user.email, context, "locked", false);

  let method: "totp" | "recoveryCode";
  if (looksLikeTotpCode(input.code)) {
    method = "totp";
    const secret = decryptTotpSecret(credential.secretCiphertext);
    const step = secret === null ? null : matchTotpStep(secret, input.code, now);
    if (step === null) return refuse(user.id, user.email, context, "wrongCode", true);
    // Claimed in one conditional update: the same code (or an older one) cannot sign in twice, even concurrently.
    const { count } = await db.twoFactorCredential.updateMany({
      where: { userId: user.id, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
      data: { lastUsedStep: BigInt(step) },
    });
    if (count !== 1) return refuse(user.id, user.email, context, "replayedCode", true);
  } else {
    method = "recoveryCode";
    const normalized = normalizeRecoveryCode(input.code);
    const { count } = normalized
      ? await db.twoFactorRecoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(normalized), usedAt: null }, data: { usedAt: now } })
      : { count: 0 };
    if (count !== 1) return refuse(user.id, user.email, context, "wrongRecoveryCode", true);
  }

  const session = await db.$transaction(async (tx) => {
    // Single use: a second request with the same token finds it consumed and opens nothing.
    const { count } = await tx.twoFactorChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: now } });
    if (count !== 1) return null;
    await tx.twoFactorCredential.update({ where: { userId: user.id }, data: { failedCount: 0, lockedUntil: null } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const remainingRecoveryCodes = await tx.twoFactorRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
    await writeAudit(tx, { userId: user.id, email: user.email }, context, {
      action: "auth.twoFactor.succeed",
      entityType: "User",
      entityId: user.id,
      after: { method, ...(method === "recoveryCode" ? { remainingRecoveryCodes } : {}) },
    });
    await writeAudit(tx, { userId: user.id, email: user.email }, context, { action: "auth.signIn.succeed", entityType: "User", entityId: user.id, after: { secondFactor: method } });
    return startSession(tx, user.id, context, userAgent);
  });
  if (!session) return refuse(user.id, user.email, context, "expiredChallenge", false);
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id } };
}

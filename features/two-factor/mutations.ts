import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/authorization";
import { isSecondFactorEnrolmentRequired } from "@/lib/auth/second-factor";
import { env } from "@/lib/env";
import { AppError, NotFoundError } from "@/lib/errors";
import { verifyPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";
import { countPasswordFailure } from "@/features/auth/sign-in";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { decryptTotpSecret, encryptTotpSecret } from "./secret-box";
import { countSecondFactorFailure, isLocked } from "./throttle";
import { generateTotpSecret, matchTotpStep } from "./totp";
import type { ConfirmEnrolmentInput, DisableSecondFactorInput, RegenerateRecoveryCodesInput } from "./schemas";

// One's own second factor (decision 102): set up (pending until a code confirms it), recovery codes, turning it off;
// and an admin's reset of someone else's. Every change audited with its actor in the change's transaction.

type Tx = Prisma.TransactionClient;

export interface OwnSecondFactorContext {
  actor: Pick<Actor, "userId" | "email">;
  request: RequestContext;
  /** The time codes are checked at (tests pass a fixed one); default the system clock. */
  now?: Date;
}

const entityType = "User";

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })) });
  return codes;
}

/** A new pending secret for the actor, replacing an unconfirmed one; refused while a confirmed one exists. */
export async function beginEnrolment({ actor }: Pick<OwnSecondFactorContext, "actor">): Promise<{ started: true }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.twoFactorCredential.findUnique({ where: { userId: actor.userId }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) throw new AppError("twoFactor.alreadyOn");
    const secretCiphertext = encryptTotpSecret(generateTotpSecret());
    // A restarted set-up keeps the wrong-code count and lock: starting again is no way round them.
    await tx.twoFactorCredential.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, secretCiphertext },
      update: { secretCiphertext, confirmedAt: null, lastUsedStep: null },
    });
    return { started: true as const };
  });
}

/**
 * Checks a code against the credential: refused while locked, counted when wrong, and a code of a step at or before
 * the last one used is a replay. The step is claimed in one conditional update, so two requests cannot both use it.
 * Returns the step; throws a field error on `field` otherwise (the count is committed before the refusal).
 */
async function claimCurrentCode(userId: string, code: string, now: Date, field: string, options: { confirming: boolean }): Promise<number> {
  const credential = await db.twoFactorCredential.findUnique({ where: { userId } });
  if (!credential || (options.confirming ? credential.confirmedAt !== null : credential.confirmedAt === null)) {
    throw new AppError(options.confirming ? "twoFactor.notStarted" : "twoFactor.notOn");
  }
  if (isLocked(credential)) throw new AppError("checkFields", {}, { [field]: ["twoFactor.locked"] });
  const secret = decryptTotpSecret(credential.secretCiphertext);
  const step = secret === null ? null : matchTotpStep(secret, code, now);
  const claimed =
    step !== null &&
    (
      await db.twoFactorCredential.updateMany({
        where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }] },
        data: { lastUsedStep: BigInt(step), failedCount: 0, lockedUntil: null },
      })
    ).count === 1;
  if (!claimed) {
    await countSecondFactorFailure(userId);
    throw new AppError("checkFields", {}, { [field]: [step === null ? "twoFactor.wrongCode" : "twoFactor.codeAlreadyUsed"] });
  }
  return step;
}

/** The first code confirms the pending secret; the ten recovery codes are returned to be shown once. */
export async function confirmEnrolment({ actor, request, now = new Date() }: OwnSecondFactorContext, input: ConfirmEnrolmentInput): Promise<{ recoveryCodes: string[] }> {
  await claimCurrentCode(actor.userId, input.code, now, "code", { confirming: true });
  return db.$transaction(async (tx) => {
    const { count } = await tx.twoFactorCredential.updateMany({ where: { userId: actor.userId, confirmedAt: null }, data: { confirmedAt: now } });
    if (count !== 1) throw new AppError("twoFactor.notStarted");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, request, { action: "twoFactor.enrol", entityType, entityId: actor.userId, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

/** Ten new recovery codes (the old ones stop working); the current authenticator code is required. */
export async function regenerateRecoveryCodes({ actor, request, now = new Date() }: OwnSecondFactorContext, input: RegenerateRecoveryCodesInput): Promise<{ recoveryCodes: string[] }> {
  await claimCurrentCode(actor.userId, input.code, now, "code", { confirming: false });
  return db.$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await writeAudit(tx, actor, request, { action: "twoFactor.regenerateRecoveryCodes", entityType, entityId: actor.userId, after: { recoveryCodes: recoveryCodes.length } });
    return { recoveryCodes };
  });
}

/** Turns the actor's second factor off: current password and a current code; not while their role requires one. */
export async function disableSecondFactor({ actor, request, now = new Date() }: OwnSecondFactorContext, input: DisableSecondFactorInput): Promise<{ disabled: true }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, role: true, ssoOnly: true, passwordHash: true, lockedUntil: true, active: true } });
  if (!user?.active) throw new NotFoundError();
  if (isSecondFactorEnrolmentRequired({ role: user.role, ssoOnly: user.ssoOnly, hasConfirmedSecondFactor: false }, env().REQUIRE_2FA_ROLES)) {
    throw new AppError("twoFactor.requiredForRole");
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError("checkFields", {}, { currentPassword: ["accountSecurity.currentPasswordLocked"] });
  if (user.passwordHash === null || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await countPasswordFailure(user.id);
    throw new AppError("checkFields", {}, { currentPassword: ["accountSecurity.wrongCurrentPassword"] });
  }
  await claimCurrentCode(actor.userId, input.code, now, "code", { confirming: false });
  return db.$transaction(async (tx) => {
    await deleteSecondFactor(tx, actor.userId);
    await writeAudit(tx, actor, request, { action: "twoFactor.disable", entityType, entityId: actor.userId });
    return { disabled: true as const };
  });
}

async function deleteSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  const { count } = await tx.twoFactorCredential.deleteMany({ where: { userId } });
  await tx.twoFactorRecoveryCode.deleteMany({ where: { userId } });
  await tx.twoFactorChallenge.deleteMany({ where: { userId, consumedAt: null } });
  return count > 0;
}

/**
 * An admin removes a user's second factor (a lost phone and no recovery codes). Their next sign-in is by password
 * alone, and when their role requires a factor they are sent to set one up again before anything else.
 */
export async function resetSecondFactor(actor: Pick<Actor, "userId" | "email">, request: RequestContext, input: { userId: string }): Promise<{ userId: string; name: string }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true } });
    if (!user) throw new NotFoundError();
    const removed = await deleteSecondFactor(tx, user.id);
    if (!removed) throw new AppError("twoFactor.nothingToReset");
    await writeAudit(tx, actor, request, { action: "twoFactor.reset", entityType, entityId: user.id });
    return { userId: user.id, name: user.name };
  });
}

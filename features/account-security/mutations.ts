import "server-only";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/authorization";
import { AppError, ForbiddenError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/password";
import type { RequestContext } from "@/lib/request-context";
import type { Prisma } from "@/generated/prisma/client";
import { countPasswordFailure } from "@/features/auth/sign-in";
import { evaluatePassword, passwordFailureMessageKey } from "./password-rules";
import type { ChangePasswordInput } from "./schemas";

/** Who acts on their own account, and from which session (the one that stays signed in). */
export interface OwnAccountContext {
  actor: Pick<Actor, "userId" | "email">;
  sessionId: string;
  request: RequestContext;
}

/** A new password for its owner, or a field error naming the rule it breaks (in the errors catalog). */
export function assertPasswordAllowed(password: string, owner: { email: string; name: string }, field = "newPassword"): void {
  const evaluation = evaluatePassword(password, owner);
  if (!evaluation.ok) throw new AppError("checkFields", {}, { [field]: [passwordFailureMessageKey(evaluation.failure)] });
}

/** Every other session of the user that still works is signed out; returns how many. */
export async function revokeOtherSessions(tx: Prisma.TransactionClient, userId: string, keepSessionId: string | null): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() }, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Changes the actor's own password (the current one is required) and signs out every other session, keeping this
 * one (decision 085: sessions are revoked row by row rather than by bumping sessionVersion, which this session's
 * token carries too).
 */
export async function changeOwnPassword({ actor, sessionId, request }: OwnAccountContext, input: ChangePasswordInput): Promise<{ signedOutSessions: number }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { id: true, email: true, name: true, passwordHash: true, active: true, lockedUntil: true } });
  if (!user?.active) throw new ForbiddenError();
  // A session is not a licence to guess the password: wrong current passwords count towards the same lock as
  // failed sign-ins, and a locked account changes nothing until the lock ends.
  if (user.lockedUntil && user.lockedUntil > new Date()) throw new AppError("checkFields", {}, { currentPassword: ["accountSecurity.currentPasswordLocked"] });
  // An account without a password (invited, decision 080) has no current password to match.
  if (user.passwordHash === null || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await countPasswordFailure(user.id);
    throw new AppError("checkFields", {}, { currentPassword: ["accountSecurity.wrongCurrentPassword"] });
  }
  assertPasswordAllowed(input.newPassword, user);
  if (input.newPassword === input.currentPassword) throw new AppError("checkFields", {}, { newPassword: ["accountSecurity.sameAsCurrent"] });
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, failedLoginCount: 0, lockedUntil: null } });
    const signedOutSessions = await revokeOtherSessions(tx, user.id, sessionId);
    await writeAudit(tx, actor, request, { action: "account.changePassword", entityType: "User", entityId: user.id, after: { signedOutSessions } });
    return { signedOutSessions };
  });
}

/** "Sign out everywhere else": every other session of the actor that still works ends now. */
export async function signOutOtherSessions({ actor, sessionId, request }: OwnAccountContext): Promise<{ signedOutSessions: number }> {
  return db.$transaction(async (tx) => {
    const signedOutSessions = await revokeOtherSessions(tx, actor.userId, sessionId);
    await writeAudit(tx, actor, request, { action: "account.signOutOtherSessions", entityType: "User", entityId: actor.userId, after: { signedOutSessions } });
    return { signedOutSessions };
  });
}


import "server-only";
import { sql } from "kysely";
import type { Prisma } from "@/generated/prisma/client";
import { runStatement, sqlBuilder } from "@/lib/kysely";
import { accountLockMinutes, accountLockThreshold } from "@/features/auth/sign-in";

// Wrong codes are throttled like wrong passwords (features/auth/sign-in.ts countPasswordFailure): the same threshold
// and lock length, counted in one statement so concurrent failures on several instances cannot lose a count. The
// counter is the factor's own, so a right password does not reset the count of wrong codes.

export const secondFactorLockThreshold = accountLockThreshold;
export const secondFactorLockMinutes = accountLockMinutes;

export async function countSecondFactorFailure(userId: string, client?: Prisma.TransactionClient): Promise<void> {
  await runStatement(
    sqlBuilder
      .updateTable("TwoFactorCredential")
      .set((eb) => {
        const lockExpired = eb.and([eb("lockedUntil", "is not", null), eb("lockedUntil", "<=", sql<Date>`now()`)]);
        return {
          failedCount: eb.case().when(lockExpired).then(1).else(eb("failedCount", "+", 1)).end(),
          lockedUntil: eb
            .case()
            .when(lockExpired)
            .then(null)
            .when(eb("failedCount", "+", 1), ">=", secondFactorLockThreshold)
            .then(sql<Date>`now() + make_interval(mins => ${secondFactorLockMinutes})`)
            .else(eb.ref("lockedUntil"))
            .end(),
        };
      })
      .where("userId", "=", userId),
    client,
  );
}

/** Against the real clock, like the lock itself (set from the database's now()). */
export function isLocked(credential: { lockedUntil: Date | null }): boolean {
  return credential.lockedUntil !== null && credential.lockedUntil > new Date();
}

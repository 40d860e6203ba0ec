import "server-only";
import type { Actor } from "@/lib/authorization";
import { Prisma } from "@/generated/prisma/client";

// Pieces of the raw statements behind the most used lists (cohorts, placement board) and the placement report,
// where a Prisma model query costs several times in app CPU what the database spends on it.

/** `cohortScope` (./queries.ts) as SQL on "Cohort" c: keep the two in step. */
export function cohortScopeSql(actor: Actor): Prisma.Sql {
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return Prisma.sql`(c."sendingJurisdictionId" = ${actor.jurisdictionId} OR c."hostJurisdictionId" = ${actor.jurisdictionId})`;
  }
  return Prisma.sql`FALSE`;
}

import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authorization";
import type { Prisma } from "@/generated/prisma/client";

/** The cohorts an actor may see: all for admins, those its side takes part in for coordinators, none otherwise. */
export function cohortScope(actor: Actor): Prisma.CohortWhereInput {
  if (actor.role === "ADMIN") return {};
  if (actor.role === "COORDINATOR" && actor.jurisdictionId) {
    return { OR: [{ sendingJurisdictionId: actor.jurisdictionId }, { hostJurisdictionId: actor.jurisdictionId }] };
  }
  return { id: { in: [] } };
}

export async function findVisibleCohorts(actor: Actor) {
  return db.cohort.findMany({
    where: cohortScope(actor),
    orderBy: { startDate: "desc" },
    include: {
      sendingJurisdiction: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
      hostJurisdiction: { select: { nameEn: true, nameZhHant: true, nameZhHans: true } },
      _count: { select: { placements: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
}

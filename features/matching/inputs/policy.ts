import { isAllowed, placementResource, type Actor, type CohortSides } from "@/lib/authorization";
import type { CohortStatus, PlacementStatus } from "@/generated/prisma/enums";

// Who may rank a placement's host-unit preferences, and until when (decision 107). Pure: the pages show the same
// answer the mutation enforces.

export interface PreferencePlacement {
  officerId: string;
  hostUnitId: string | null;
  status: PlacementStatus;
  cohort: CohortSides & { nominationDeadline: Date | null; status: CohortStatus };
}

/** Why a preference list cannot be edited by this actor now; null when it can. */
export type PreferenceLock = "forbidden" | "cohortClosed" | "notNominated" | "deadlinePassed";

/**
 * The officer ranks their own preferences up to and including the nomination deadline (a Hong Kong date; no
 * deadline, no limit); the sending side's coordinators also after it. Only while the placement is a nomination
 * (once assigned, matching is over for it) and the cohort is not completed.
 */
export function preferenceLock(actor: Actor, placement: PreferencePlacement, today: Date): PreferenceLock | null {
  if (!isAllowed(actor, "matchingPreference:edit", placementResource(placement))) return "forbidden";
  if (placement.cohort.status === "COMPLETED") return "cohortClosed";
  if (placement.status !== "NOMINATED") return "notNominated";
  if (actor.role === "OFFICER" && isPastDeadline(placement.cohort, today)) return "deadlinePassed";
  return null;
}

export function isPastDeadline(cohort: { nominationDeadline: Date | null }, today: Date): boolean {
  return cohort.nominationDeadline !== null && today > cohort.nominationDeadline;
}

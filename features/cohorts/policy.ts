import { cohortResource, isAllowed, sideInCohort, type Actor, type CohortSides } from "@/lib/authorization";
import type { CohortStatus } from "@/generated/prisma/enums";
import { cohortStatusOrder } from "./schemas";

// Who may do what with a cohort. The role-and-side rules themselves live in lib/authorization.ts; this file adds
// the cohort workflow on top.

/** A cohort is set up and edited by its sending side (or an admin), for the sides it would have after the change. */
export function canManageCohort(actor: Actor, sides: CohortSides): boolean {
  return isAllowed(actor, "cohort:manage", cohortResource(sides));
}

/**
 * The status moves one step along planning → nominations → matching → confirmed → in progress → completed, or
 * one step back to correct a mistake; jumps are refused so that no phase is skipped by a slip of the mouse.
 */
export function canMoveCohortStatus(from: CohortStatus, to: CohortStatus): boolean {
  const distance = cohortStatusOrder.indexOf(to) - cohortStatusOrder.indexOf(from);
  return Math.abs(distance) <= 1;
}

/** The statuses offered in the edit form for a cohort currently in `from`. */
export function reachableCohortStatuses(from: CohortStatus): CohortStatus[] {
  return cohortStatusOrder.filter((to) => canMoveCohortStatus(from, to));
}

/** "sending" / "host" for a coordinator of either side, "admin" for an administrator, null for anyone else. */
export function viewerRoleInCohort(actor: Actor, sides: CohortSides): "sending" | "host" | "admin" | null {
  if (actor.role === "ADMIN") return "admin";
  if (actor.role !== "COORDINATOR") return null;
  return sideInCohort(actor, sides);
}

/**
 * Who may change which schedule item. Pure; the rules themselves live in lib/authorization.ts:
 * - cohort-wide items: coordinators of either side of the cohort (schedule:editCohort);
 * - a placement's items: the host side's coordinators and the supervisor of the placement's host unit
 *   (schedule:editPlacement). Officers and the sending side read them only.
 */
import { cohortResource, isAllowed, placementResource, type Actor, type CohortSides, type Resource } from "@/lib/authorization";

export interface ScheduleTarget {
  cohort: CohortSides;
  /** Null for a cohort-wide item. */
  placement: { officerId: string; hostUnitId: string | null } | null;
}

export function scheduleResource(target: ScheduleTarget): Resource {
  if (!target.placement) return cohortResource(target.cohort);
  return placementResource({ ...target.placement, cohort: target.cohort });
}

export function canEditSchedule(actor: Actor | null | undefined, target: ScheduleTarget): boolean {
  return isAllowed(actor, target.placement ? "schedule:editPlacement" : "schedule:editCohort", scheduleResource(target));
}

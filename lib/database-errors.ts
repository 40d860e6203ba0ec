import { AppError } from "./errors";

/** Which catalog message each named database constraint maps to ("errors" namespace). */
const constraintMessages: Record<string, string> = {
  Placement_officer_no_overlap: "placementOverlap",
  Placement_one_live_per_officer_and_cohort: "placementAlreadyInCohort",
  Placement_host_unit_capacity: "noPlaceLeft",
  Placement_within_cohort_window: "placementOutsideCohort",
  Placement_officer_from_sending_side: "officerNotFromSendingSide",
  Placement_host_unit_on_host_side: "hostUnitNotOnHostSide",
  Placement_withdrawal_has_reason: "withdrawalNeedsReason",
  Placement_confirmed_needs_both_approvals: "confirmationNeedsBothApprovals",
  Placement_dates_ordered: "datesOutOfOrder",
  Cohort_dates_ordered: "datesOutOfOrder",
  Cohort_two_sides: "cohortNeedsTwoSides",
  Cohort_deadline_before_start: "deadlineAfterStart",
  Cohort_window_covers_placements: "cohortWindowExcludesPlacements",
  HostUnitCapacity_not_below_used: "capacityBelowUsed",
  HostUnit_default_capacity_not_below_used: "capacityBelowUsed",
  Placement_cohort_completed_read_only: "cohortCompletedReadOnly",
  Cohort_sides_locked: "cohortSidesLocked",
  ScheduleItem_times_ordered: "datesOutOfOrder",
  ScheduleItem_title_not_blank: "required",
  ScheduleItem_placement_in_cohort: "invalidValue",
};

/** Finds the SQLSTATE and constraint name in a Prisma / driver-adapter error, whatever wrapper it arrives in. */
export function readDatabaseError(error: unknown): { code?: string; constraint?: string; target?: string[] } | null {
  const seen = new Set<unknown>();
  let code: string | undefined;
  let constraint: string | undefined;
  let target: string[] | undefined;
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.code === "string" && /^[0-9A-Z]{5}$/.test(record.code) && !record.code.startsWith("P")) code ??= record.code;
    if (typeof record.originalCode === "string") code ??= record.originalCode;
    if (typeof record.constraint === "string") constraint ??= record.constraint;
    if (record.constraint && typeof record.constraint === "object") {
      const fields = (record.constraint as { fields?: string[]; index?: string }).fields;
      const index = (record.constraint as { index?: string }).index;
      if (index) constraint ??= index;
      if (fields) target ??= fields;
    }
    if (typeof record.message === "string") {
      const match = /constraint "([^"]+)"/.exec(record.message);
      if (match) constraint ??= match[1];
    }
    for (const key of ["cause", "meta", "driverAdapterError", "error", "kind"]) visit(record[key], depth + 1);
  };
  visit(error, 0);
  if (typeof (error as { code?: unknown })?.code === "string" && (error as { code: string }).code === "P2002") code ??= "23505";
  if (!code && !constraint) return null;
  return { code, constraint, target };
}

/** Turns a known integrity violation into a user-facing AppError; returns null for anything unexpected. */
export function translateDatabaseError(error: unknown): AppError | null {
  const details = readDatabaseError(error);
  if (!details) return null;
  if (details.constraint && constraintMessages[details.constraint]) return new AppError(constraintMessages[details.constraint]);
  if (details.code === "23P01") return new AppError("placementOverlap");
  if (details.code === "23505") return new AppError("duplicate");
  if (details.code === "40001" || details.code === "40P01") return new AppError("tryAgain");
  return null;
}

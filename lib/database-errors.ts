import { AppError, ServiceUnavailableError } from "./errors";

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
  // reports2
  OfficerReport_accepted_locked: "officerReports.locked",
  // attach: an accepted revision's attachments are frozen with it (decision 112)
  ReportAttachment_accepted_locked: "officerReports.locked",
  OfficerReport_one_open_revision: "officerReports.notAccepted",
  OfficerReport_returned_has_comment: "required",
  Evaluation_ratings_in_range: "invalidValue",
  User_last_active_admin: "lastActiveAdmin",
  // ---- matchin ----
  MatchingWish_same_cohort: "matchingInputs.wishOtherCohort",
  MatchingPreference_host_side: "matchingInputs.unitNotOnHostSide",
  HostUnitRankBand_order_check: "matchingInputs.bandOrder",
  CohortMatchingSettings_weights_check: "matchingInputs.weightRange",
  CohortMatchingSettings_department_cap_check: "matchingInputs.capRange",
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
  if (isDatabaseUnavailable(error)) return new ServiceUnavailableError();
  const details = readDatabaseError(error);
  if (!details) return null;
  if (details.constraint && constraintMessages[details.constraint]) return new AppError(constraintMessages[details.constraint]);
  if (details.code === "23P01") return new AppError("placementOverlap");
  if (details.code === "23505") return new AppError("duplicate");
  if (details.code === "40001" || details.code === "40P01") return new AppError("tryAgain");
  return null;
}

/** Prisma's codes for "cannot reach / lost / timed out waiting for the database" (P1001, P1002, P1008, P1017, P2024). */
const unavailablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter error kinds with the same meaning. */
const unavailableAdapterKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Socket errors from the pg driver. */
const unavailableSocketCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH"]);
/**
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down, crashed, not accepting connections yet) and
 * 53300 (too many connections).
 */
const isUnavailableSqlState = (code: string) => /^08[0-9A-Z]{3}$/.test(code) || ["57P01", "57P02", "57P03", "53300"].includes(code);
/** pg's own messages for a connection that died or could not be had from the pool, which carry no code. */
const unavailableMessages = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;

/**
 * Whether an error means the database cannot be used right now (down, shutting down, unreachable, out of
 * connections) rather than that the request was wrong. The one place that knows the shapes it arrives in: a Prisma
 * error code, a driver-adapter error kind, a pg socket error (possibly inside an AggregateError) or an SQLSTATE.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ["code", "originalCode", "errorCode"]) {
      const code = record[key];
      if (typeof code !== "string") continue;
      if (unavailablePrismaCodes.has(code) || unavailableSocketCodes.has(code) || isUnavailableSqlState(code)) return true;
    }
    if (typeof record.kind === "string" && unavailableAdapterKinds.has(record.kind)) return true;
    if (typeof record.message === "string" && unavailableMessages.test(record.message)) return true;
    const nested = ["cause", "meta", "driverAdapterError", "error", "kind", "errors"].flatMap((key) => (Array.isArray(record[key]) ? (record[key] as unknown[]) : [record[key]]));
    return nested.some((child) => visit(child, depth + 1));
  };
  return visit(error, 0);
}

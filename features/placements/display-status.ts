import type { PlacementStatus } from "@/generated/prisma/enums";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";

// How a placement's status reads, defined once and written two ways: displayStatus() for records in JavaScript and
// displayStatusSql() for statements that label rows inside PostgreSQL (the report exports). Both are built from
// confirmedPhases below; display-status.int.test.ts runs the SQL form against the JavaScript form.

export type PlacementDisplayStatus = PlacementStatus | "ACTIVE" | "COMPLETED";

/** Every status a placement can show, in a fixed order (the XLSX export numbers its shared strings by it). */
export const displayStatuses = ["NOMINATED", "ASSIGNED", "CONFIRMED", "WITHDRAWN", "ACTIVE", "COMPLETED"] as const satisfies readonly PlacementDisplayStatus[];
// Fails typecheck when a new stored status is missing from the list above.
const _everyStatusListed: [Exclude<PlacementDisplayStatus, (typeof displayStatuses)[number]>] extends [never] ? true : never = true;

/**
 * "Active" and "completed" are read from a confirmed placement's dates, never stored, so they cannot go stale. The
 * first phase whose comparison holds names it ("today is after the end date" → completed); none → still confirmed.
 */
const confirmedPhases = [
  { status: "COMPLETED", today: "after", column: "endDate" },
  { status: "ACTIVE", today: "onOrAfter", column: "startDate" },
] as const satisfies readonly { status: PlacementDisplayStatus; today: "after" | "onOrAfter"; column: "startDate" | "endDate" }[];

const sqlComparison = { after: ">", onOrAfter: ">=" } as const;

/** Dates as Date (UTC midnight) or as "YYYY-MM-DD" Hong Kong calendar dates. */
interface Dated {
  status: PlacementStatus;
  startDate: Date | string;
  endDate: Date | string;
}

const asDate = (date: Date | string) => (typeof date === "string" ? parseDateOnly(date) : date);

/** The one status every screen, message and export shows for a placement (issue 12 §6). */
export function displayStatus(placement: Dated, today: Date = parseDateOnly(todayInHongKong())): PlacementDisplayStatus {
  if (placement.status !== "CONFIRMED") return placement.status;
  const phase = confirmedPhases.find(({ today: comparison, column }) =>
    comparison === "after" ? today > asDate(placement[column]) : today >= asDate(placement[column]),
  );
  return phase?.status ?? "CONFIRMED";
}

export interface DisplayStatusSqlOptions {
  /** The placement's table alias in the statement, e.g. `p`. */
  placement: string;
  /** An SQL expression of type date for today, e.g. `'2026-12-03'::date`. */
  today: string;
  /** The SQL expression written for each status; by default its name as a text literal. */
  label?: (status: PlacementDisplayStatus) => string;
}

/** The same rule as displayStatus() as an SQL CASE expression over `<placement>."status"`, `"startDate"`, `"endDate"`. */
export function displayStatusSql({ placement, today, label = (status) => `'${status}'` }: DisplayStatusSqlOptions): string {
  const phases = confirmedPhases.map(({ status, today: comparison, column }) => `WHEN ${today} ${sqlComparison[comparison]} ${placement}."${column}" THEN ${label(status)}`);
  const stored = displayStatuses.filter((status) => status !== "CONFIRMED" && !confirmedPhases.some((phase) => phase.status === status));
  return `CASE ${placement}."status"::text
      WHEN 'CONFIRMED' THEN CASE ${phases.join(" ")} ELSE ${label("CONFIRMED")} END
      ${stored.map((status) => `WHEN '${status}' THEN ${label(status)}`).join(" ")} END`;
}

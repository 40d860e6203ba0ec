import { addDays, daysBetween, formatDateOnly, type CalendarDate } from "@/lib/dates";
import type { OfficerReportKind } from "@/generated/prisma/enums";

// When a placement's reports fall due, derived from its dates (decision 091): the mid-term report at the mid-point,
// the final report at the start of the last week. A sending-side coordinator may move either; the moved date is
// stored on the report's open revision.

const asText = (date: CalendarDate) => (typeof date === "string" ? date : formatDateOnly(date));

/** A report's due date: its current revision's (possibly moved), else derived from the placement. */
export function reportDueOn(kind: OfficerReportKind, placement: { startDate: CalendarDate; endDate: CalendarDate }, current: { dueOn: Date } | null | undefined): string {
  return current ? formatDateOnly(current.dueOn) : derivedDueDate(kind, placement.startDate, placement.endDate);
}

export function derivedDueDate(kind: OfficerReportKind, startDate: CalendarDate, endDate: CalendarDate): string {
  const start = asText(startDate);
  const end = asText(endDate);
  const length = Math.max(0, daysBetween(start, end));
  if (kind === "MID_TERM") return addDays(start, Math.floor(length / 2));
  return length >= 6 ? addDays(end, -6) : start;
}

import { addDays, daysBetween, formatDateOnly, type CalendarDate } from "@/lib/dates";
import type { OfficerReportKind } from "@/generated/prisma/enums";

// When a placement's reports fall due, derived from its dates (decision 091): the mid-term report at the mid-point,
// the final report at the start of the last week. A sending-side coordinator may move either; the moved date is
// stored on the report's open revision.

const asText = (date: CalendarDate) => (typeof date === "string" ? date : formatDateOnly(date));

export function derivedDueDate(kind: OfficerReportKind, startDate: CalendarDate, endDate: CalendarDate): string {
  const start = asText(startDate);
  const end = asText(endDate);
  const length = Math.max(0, daysBetween(start, end));
  if (kind === "MID_TERM") return addDays(start, Math.floor(length / 2));
  return length >= 6 ? addDays(end, -6) : start;
}

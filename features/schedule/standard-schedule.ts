/**
 * "Create standard schedule": the items most placements have, proposed from the placement's dates for the user to
 * adjust before anything is saved. Dates move to the host side's working days (holidays and 调休 make-up days
 * included), because these are days at the host unit. Pure: unit-tested without a database.
 */
import type { ScheduleItemType } from "@/generated/prisma/enums";
import type { HolidayCalendar, Side } from "./holidays";
import { addDays, daysBetween } from "@/lib/dates";

export const standardItemKeys = ["firstDay", "midTermCheckIn", "finalReportDue", "reviewMeeting"] as const;
export type StandardItemKey = (typeof standardItemKeys)[number];

export interface ProposedItem {
  /** Names the item's default title in the "schedule.standard" messages. */
  key: StandardItemKey;
  type: ScheduleItemType;
  allDay: boolean;
  date: string;
  startTime: string;
  endTime: string;
}

export interface StandardScheduleInput {
  startDate: string;
  endDate: string;
  hostSide: Side;
}

/** How far (in days) a proposed date may move to reach a host working day. */
const searchLimit = 10;

function clamp(date: string, from: string, to: string): string {
  return date < from ? from : date > to ? to : date;
}

/** The first host working day on or after `date` and not after `last`; `date` itself when there is none. */
function workingDayOnOrAfter(isWorking: (date: string) => boolean, date: string, last: string): string {
  for (let offset = 0; offset <= searchLimit; offset++) {
    const candidate = addDays(date, offset);
    if (candidate > last) break;
    if (isWorking(candidate)) return candidate;
  }
  return date;
}

/** The last host working day on or before `date` and not before `first`; `date` itself when there is none. */
function workingDayOnOrBefore(isWorking: (date: string) => boolean, date: string, first: string): string {
  for (let offset = 0; offset <= searchLimit; offset++) {
    const candidate = addDays(date, -offset);
    if (candidate < first) break;
    if (isWorking(candidate)) return candidate;
  }
  return date;
}

/** The host working day nearest to `date` within [first, last], preferring the later day on a tie. */
function nearestWorkingDay(isWorking: (date: string) => boolean, date: string, first: string, last: string): string {
  for (let offset = 0; offset <= searchLimit; offset++) {
    for (const candidate of [addDays(date, offset), addDays(date, -offset)]) {
      if (candidate >= first && candidate <= last && isWorking(candidate)) return candidate;
    }
  }
  return date;
}

/**
 * - first day and orientation at the host unit: the first host working day of the placement, 09:30–12:00;
 * - mid-term check-in: the host working day nearest to the middle of the placement, 10:00–11:00;
 * - final report due: the last host working day a week before the end, all day;
 * - review meeting: the last host working day three days before the end, 10:00–11:30.
 * The four dates never run backwards and stay inside the placement, however short it is.
 */
export function proposeStandardSchedule({ startDate, endDate, hostSide }: StandardScheduleInput, holidayCalendar: HolidayCalendar): ProposedItem[] {
  if (endDate < startDate) throw new RangeError("The placement ends before it starts");
  const isWorking = (date: string) => holidayCalendar.isWorkingDay(hostSide, date);
  const length = daysBetween(startDate, endDate);

  const firstDay = workingDayOnOrAfter(isWorking, startDate, endDate);
  const middle = addDays(startDate, Math.floor(length / 2));
  const midTerm = nearestWorkingDay(isWorking, clamp(middle, firstDay, endDate), firstDay, endDate);
  const reportTarget = clamp(addDays(endDate, -7), midTerm, endDate);
  const finalReport = workingDayOnOrBefore(isWorking, reportTarget, midTerm);
  const reviewTarget = clamp(addDays(endDate, -3), finalReport, endDate);
  const review = workingDayOnOrBefore(isWorking, reviewTarget, finalReport);

  return [
    { key: "firstDay", type: "ORIENTATION", allDay: false, date: firstDay, startTime: "09:30", endTime: "12:00" },
    { key: "midTermCheckIn", type: "MEETING", allDay: false, date: midTerm, startTime: "10:00", endTime: "11:00" },
    { key: "finalReportDue", type: "MILESTONE", allDay: true, date: finalReport, startTime: "", endTime: "" },
    { key: "reviewMeeting", type: "REVIEW_MEETING", allDay: false, date: review, startTime: "10:00", endTime: "11:30" },
  ];
}

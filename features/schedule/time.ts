/**
 * Schedule times in Hong Kong local time. Items are stored as instants (startsAt/endsAt); forms and calendars work
 * with calendar dates ("YYYY-MM-DD") and wall-clock times ("HH:mm") in Asia/Hong_Kong. All-day items run from local
 * midnight of the first day to local midnight after the last day (an exclusive end, as in iCalendar), so a one-day
 * item is 24 hours long.
 *
 * Calendar dates, day arithmetic and Hong Kong time come from lib/dates.ts; this file only maps schedule items.
 * Pure (no DB, no "server-only"): used by forms in the browser as well as by queries and the calendar feed.
 */
import { addDays, hongKongParts, instantInHongKong } from "@/lib/dates";

export interface ItemTimes {
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The Hong Kong calendar days an item covers, both inclusive. An end exactly at midnight belongs to the day before
 * (an all-day item's exclusive end, or a timed item that runs until midnight).
 */
export function itemDateRange(item: ItemTimes): { startDate: string; endDate: string } {
  const startDate = hongKongParts(item.startsAt).date;
  const lastMoment = Math.max(item.startsAt.getTime(), item.endsAt.getTime() - 1);
  return { startDate, endDate: hongKongParts(new Date(lastMoment)).date };
}

/** What a schedule form holds: dates and times in Hong Kong. `endDate` empty means "same day as the start". */
export interface ItemFormTimes {
  allDay: boolean;
  startDate: string;
  startTime?: string | null;
  endDate?: string | null;
  endTime?: string | null;
}

/** Form values → stored instants. Callers validate first (see schemas.ts); invalid values throw RangeError. */
export function instantsFromForm(values: ItemFormTimes): { startsAt: Date; endsAt: Date } {
  const endDate = values.endDate || values.startDate;
  if (values.allDay) {
    return { startsAt: instantInHongKong(values.startDate), endsAt: instantInHongKong(addDays(endDate, 1)) };
  }
  return { startsAt: instantInHongKong(values.startDate, values.startTime ?? ""), endsAt: instantInHongKong(endDate, values.endTime ?? "") };
}

/** Stored instants → form values (the inverse of instantsFromForm). */
export function formTimesFromItem(item: ItemTimes): { allDay: boolean; startDate: string; startTime: string; endDate: string; endTime: string } {
  const { startDate, endDate } = itemDateRange(item);
  if (item.allDay) return { allDay: true, startDate, endDate, startTime: "", endTime: "" };
  const start = hongKongParts(item.startsAt);
  const end = hongKongParts(item.endsAt);
  return { allDay: false, startDate: start.date, startTime: start.time, endDate: end.date, endTime: end.time };
}

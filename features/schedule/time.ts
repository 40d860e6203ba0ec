/**
 * Schedule times in Hong Kong local time. Items are stored as instants (startsAt/endsAt); forms and calendars work
 * with calendar dates ("YYYY-MM-DD") and wall-clock times ("HH:mm") in Asia/Hong_Kong. All-day items run from local
 * midnight of the first day to local midnight after the last day (an exclusive end, as in iCalendar), so a one-day
 * item is 24 hours long.
 *
 * Pure (no DB, no "server-only"): used by forms in the browser as well as by queries and the calendar feed.
 */
import { TZDate } from "@date-fns/tz";

export const scheduleTimeZone = "Asia/Hong_Kong";

/** Dates outside these years are refused, so a typo or a hand-edited URL cannot ask for year 0 or 9999. */
export const firstCalendarYear = 2000;
export const lastCalendarYear = 2100;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const dayInMs = 86_400_000;

/** A real calendar date written "YYYY-MM-DD" (rejects 2024-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** "HH:mm", 00:00–23:59. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === "string" && timePattern.test(value);
}

function splitDate(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return [year, month, day];
}

export function addDaysToIsoDate(date: string, days: number): string {
  const [year, month, day] = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day) + days * dayInMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetweenIsoDates(from: string, to: string): number {
  const [fy, fm, fd] = splitDate(from);
  const [ty, tm, td] = splitDate(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / dayInMs);
}

/** The instant of `time` (default midnight) on `date` in Hong Kong. */
export function instantInHongKong(date: string, time = "00:00"): Date {
  const [year, month, day] = splitDate(date);
  if (!isTimeOfDay(time)) throw new RangeError(`Expected an HH:mm time, got "${time}"`);
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, scheduleTimeZone).getTime());
}

/** The Hong Kong calendar date and wall-clock time of an instant. */
export function hongKongParts(instant: Date): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), scheduleTimeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

export function todayInHongKongIso(now: Date = new Date()): string {
  return hongKongParts(now).date;
}

/** A @db.Date value (UTC midnight) as "YYYY-MM-DD". */
export function isoDateOfCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

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
    return { startsAt: instantInHongKong(values.startDate), endsAt: instantInHongKong(addDaysToIsoDate(endDate, 1)) };
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

/**
 * The one home of calendar dates and Hong Kong time (docs/decisions/044-one-dates-module.md).
 *
 * Two forms of a calendar date travel through the app:
 * - a **date-only text** "YYYY-MM-DD" (forms, URLs, schedules, holidays), and
 * - a **calendar date** `Date` at UTC midnight, the form in which PostgreSQL `date` columns arrive through Prisma.
 * `parseDateOnly` and `formatDateOnly` convert between them; day arithmetic works on either and returns the same form.
 * All arithmetic runs on UTC midnights (no daylight saving), so the machine's time zone never moves a date. Whole-day
 * steps on UTC midnights are exact in milliseconds, so they use the native Date directly: date-fns' `parse` and a
 * UTC `TZDate` cost 15–200 µs a call, and holiday counting steps through every day of a placement (decision 044).
 * ISO weeks come from date-fns, Hong Kong wall-clock time from @date-fns/tz.
 *
 * Instants are read in Hong Kong time (Asia/Hong_Kong, UTC+8 all year). "Now" is always a parameter that defaults to
 * the system clock, so a test passes a fixed instant instead of faking the global clock.
 *
 * Pure (no DB, no "server-only"): used by client components as well as by queries, scripts, seed and tests.
 */
import { tz, tzOffset } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";
import { z } from "zod";

export const hongKongTimeZone = "Asia/Hong_Kong";

/** Dates outside these years are refused, so a typo or a hand-edited URL cannot ask for year 1 or 9999. */
export const firstSupportedYear = 2000;
export const lastSupportedYear = 2100;

const inUtc = { in: tz("UTC") };
const dayInMs = 86_400_000;
const dateOnlyPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A calendar date: "YYYY-MM-DD" text or a `Date` at UTC midnight. */
export type CalendarDate = string | Date;

/** "YYYY-MM-DD" → the calendar date at UTC midnight, or null when the text is not a real date (2024-02-30). */
function readDateOnly(text: string): Date | null {
  const match = dateOnlyPattern.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A real calendar date written "YYYY-MM-DD", in any year (rejects 2024-02-30 and 2024-2-1). */
export function isDateOnly(value: unknown): value is string {
  return typeof value === "string" && readDateOnly(value) !== null;
}

/** A real "YYYY-MM-DD" date within the supported years (2000–2100). */
export function isSupportedDateOnly(value: unknown): value is string {
  if (!isDateOnly(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= firstSupportedYear && year <= lastSupportedYear;
}

/** "YYYY-MM-DD" → the calendar date at UTC midnight. Throws RangeError for anything else; validate input first. */
export function parseDateOnly(text: string): Date {
  const date = readDateOnly(text);
  if (!date) throw new RangeError(`Expected a YYYY-MM-DD date, got "${text}"`);
  return date;
}

/** A calendar date (UTC midnight, as `date` columns arrive) → "YYYY-MM-DD". */
export function formatDateOnly(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} cannot be written YYYY-MM-DD`);
  return `${String(year).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function asDate(date: CalendarDate): Date {
  return typeof date === "string" ? parseDateOnly(date) : date;
}

/** `date` moved by whole days (negative: earlier), in the form it was given. */
export function addDays(date: string, days: number): string;
export function addDays(date: Date, days: number): Date;
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const result = new Date(asDate(date).getTime() + days * dayInMs);
  return typeof date === "string" ? formatDateOnly(result) : result;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((asDate(to).getTime() - asDate(from).getTime()) / dayInMs);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoDayOfWeek(date: CalendarDate): number {
  return asDate(date).getUTCDay() || 7;
}

/** The Monday that starts `date`'s ISO week, in the form it was given. */
export function startOfIsoWeek(date: string): string;
export function startOfIsoWeek(date: Date): Date;
export function startOfIsoWeek(date: CalendarDate): CalendarDate {
  const day = asDate(date);
  const monday = new Date(day.getTime() - (isoDayOfWeek(day) - 1) * dayInMs);
  return typeof date === "string" ? formatDateOnly(monday) : monday;
}

/** The first and last calendar dates of `date`'s month. */
export function monthBounds(date: Date): { first: Date; last: Date } {
  const first = new Date(0);
  first.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth(), 1);
  const last = new Date(0);
  last.setUTCFullYear(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return { first, last };
}

/**
 * ISO-8601 week: weeks start on Monday, week 1 contains the year's first Thursday, and `year` is the week-numbering
 * year, which differs from the calendar year around 1 January (2021-01-01 is in 2020-W53).
 */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const day = asDate(date);
  return { year: getISOWeekYear(day, inUtc), week: getISOWeek(day, inUtc) };
}

/** "HH:mm", 00:00–23:59. */
export function isTimeOfDay(value: unknown): value is string {
  return typeof value === "string" && timeOfDayPattern.test(value);
}

const quarterHourInMs = 900_000;
const hongKongOffsets = new Map<number, number>();

/**
 * Hong Kong's UTC offset in ms at `time`, from the time-zone database (@date-fns/tz). Offsets change only on whole
 * quarter hours, so each quarter hour is looked up once: a lookup costs ~12 µs, and seed and scale scripts convert
 * hundreds of thousands of instants.
 */
function hongKongOffsetAt(time: number): number {
  const quarter = Math.floor(time / quarterHourInMs);
  let offset = hongKongOffsets.get(quarter);
  if (offset === undefined) {
    offset = tzOffset(hongKongTimeZone, new Date(quarter * quarterHourInMs)) * 60_000;
    if (hongKongOffsets.size > 100_000) hongKongOffsets.clear();
    hongKongOffsets.set(quarter, offset);
  }
  return offset;
}

/** The instant of `time` (default midnight) on `date` in Hong Kong. */
export function instantInHongKong(date: string, time = "00:00"): Date {
  const day = parseDateOnly(date);
  if (!isTimeOfDay(time)) throw new RangeError(`Expected an HH:mm time, got "${time}"`);
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const wallClock = day.getTime() + (hours * 60 + minutes) * 60_000;
  const guess = wallClock - hongKongOffsetAt(wallClock);
  return new Date(wallClock - hongKongOffsetAt(guess));
}

/** The Hong Kong calendar date and wall-clock time of an instant. */
export function hongKongParts(instant: Date): { date: string; time: string } {
  const local = new Date(instant.getTime() + hongKongOffsetAt(instant.getTime()));
  return { date: formatDateOnly(local), time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` };
}

/** Today's date in Hong Kong, "YYYY-MM-DD". Pass `now` wherever a caller (or a test) already holds the instant. */
export function todayInHongKong(now: Date = new Date()): string {
  return hongKongParts(now).date;
}

/** Days of a placement done and remaining as of `today`, both inclusive of the placement's first and last day. */
export function placementProgress(startDate: CalendarDate, endDate: CalendarDate, today: CalendarDate = todayInHongKong()) {
  const total = daysBetween(startDate, endDate) + 1;
  const done = Math.min(total, Math.max(0, daysBetween(startDate, today) + 1));
  return { total, done, remaining: total - done };
}
/** Why a date-only text is refused, as a message key, or null when it is a supported date. */
export function dateOnlyProblem(value: string): "errors.invalidDate" | "errors.dateOutOfRange" | null {
  if (!isDateOnly(value)) return "errors.invalidDate";
  return isSupportedDateOnly(value) ? null : "errors.dateOutOfRange";
}

/** A date from a URL: the supported "YYYY-MM-DD" text, or null for anything else (pages fall back, never fail). */
export function dateOnlyParam(value: string | string[] | null | undefined): string | null {
  return isSupportedDateOnly(value) ? value : null;
}

/**
 * The one form field for a calendar date, "YYYY-MM-DD" from an <input type="date">: empty says "required", unreadable
 * "invalid date", outside 2000–2100 "between 2000 and 2100". Yields the text; see `requiredDateField` for a `Date`.
 */
export const dateOnlyField = z
  .string({ message: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .superRefine((value, context) => {
    const problem = value === "" ? null : dateOnlyProblem(value); // empty already says "required"
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

/** A required calendar date field → the calendar date at UTC midnight (how `date` columns are stored). */
export const requiredDateField = dateOnlyField.transform(parseDateOnly);

/** An optional calendar date field: empty is null, anything else as `requiredDateField`. */
export const optionalDateField = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(dateOnlyField.nullable())
  .transform((value) => (value ? parseDateOnly(value) : null));

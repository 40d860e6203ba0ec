import { TZDate } from "@date-fns/tz";
import { displayTimeZone } from "./i18n/locales";

const dayInMs = 86_400_000;

/** Today's calendar date in Hong Kong, as UTC midnight — the form in which @db.Date columns arrive. */
export function todayInHongKong(now: Date = new Date()): Date {
  const local = new TZDate(now.getTime(), displayTimeZone);
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()));
}

/** Whole days from `from` to `to` (calendar dates at UTC midnight); negative when `to` is earlier. */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / dayInMs);
}

/** Days of a placement done and remaining as of `today`, both inclusive of the placement's first and last day. */
export function placementProgress(startDate: Date, endDate: Date, today: Date = todayInHongKong()) {
  const total = daysBetween(startDate, endDate) + 1;
  const done = Math.min(total, Math.max(0, daysBetween(startDate, today) + 1));
  return { total, done, remaining: total - done };
}

/** "YYYY-MM-DD" of a calendar date stored as UTC midnight. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

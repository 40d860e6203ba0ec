/**
 * Month-calendar and placement-week maths on plain "YYYY-MM-DD" dates. Weeks run Monday–Sunday (ISO 8601), so a
 * mainland make-up working Sunday (调休) is the last day of the week before the holiday it pays for, never the first
 * day of the next. Pure: safe in client components.
 */
import { addDays, daysBetween, firstSupportedYear, isoDayOfWeek, isoWeek, lastSupportedYear } from "@/lib/dates";

export interface CalendarMonth {
  year: number;
  /** 1–12 */
  month: number;
}

export interface CalendarDay {
  date: string;
  inMonth: boolean;
}

export interface CalendarWeek {
  isoYear: number;
  isoWeek: number;
  days: CalendarDay[];
}

const monthPattern = /^(\d{4})-(\d{2})$/;

/** "2024-02" → { year: 2024, month: 2 }; null for anything else. */
export function parseMonthParam(value: string | string[] | null | undefined): CalendarMonth | null {
  if (typeof value !== "string") return null;
  const match = monthPattern.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < firstSupportedYear || year > lastSupportedYear) return null;
  return { year, month };
}

export function formatMonthParam({ year, month }: CalendarMonth): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function monthOfIsoDate(date: string): CalendarMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function shiftMonth({ year, month }: CalendarMonth, delta: number): CalendarMonth {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstDayOfMonth({ year, month }: CalendarMonth): string {
  return `${formatMonthParam({ year, month })}-01`;
}

export function lastDayOfMonth(month: CalendarMonth): string {
  return addDays(firstDayOfMonth(shiftMonth(month, 1)), -1);
}

/** The weeks (Monday first) that cover a month, with the days of the neighbouring months marked. */
export function monthGrid(month: CalendarMonth): CalendarWeek[] {
  const first = firstDayOfMonth(month);
  const last = lastDayOfMonth(month);
  let monday = addDays(first, 1 - isoDayOfWeek(first));
  const weeks: CalendarWeek[] = [];
  while (monday <= last) {
    const days = Array.from({ length: 7 }, (_, index) => {
      const date = addDays(monday, index);
      return { date, inMonth: date >= first && date <= last };
    });
    const { year, week } = isoWeek(monday);
    weeks.push({ isoYear: year, isoWeek: week, days });
    monday = addDays(monday, 7);
  }
  return weeks;
}

/**
 * Week N of a placement: week 1 is the Monday–Sunday week that contains the first day. Null before the first day.
 * A make-up working Sunday therefore counts in the week it closes.
 */
export function placementWeek(placementStart: string, date: string): number | null {
  if (date < placementStart) return null;
  const firstMonday = addDays(placementStart, 1 - isoDayOfWeek(placementStart));
  return Math.floor(daysBetween(firstMonday, date) / 7) + 1;
}

/** The month to open a calendar at: today's month when today lies in the window, otherwise the window's first month. */
export function defaultMonth(today: string, window: { startDate: string; endDate: string } | null): CalendarMonth {
  if (!window || (today >= window.startDate && today <= window.endDate)) return monthOfIsoDate(today);
  return monthOfIsoDate(window.startDate);
}

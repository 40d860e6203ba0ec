import { parseDateOnly } from "@/lib/dates";
import { formatCalendarDate, formatCalendarDateWithWeekday, formatCalendarMonth, formatWeekdayName } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { CalendarMonth } from "../calendar";
import type { HolidayName } from "../holidays";

// Dates here are plain "YYYY-MM-DD" Hong Kong calendar dates; formatting them at UTC midnight in UTC keeps the day.
const utc = parseDateOnly;

/** The app's calendar date (lib/i18n/format.ts); "full" adds the weekday, for day headings. */
export function formatIsoDate(date: string, locale: AppLocale, style: "long" | "full" = "long"): string {
  return style === "full" ? formatCalendarDateWithWeekday(utc(date), locale) : formatCalendarDate(utc(date), locale);
}

/** "10 February 2024 – 17 February 2024", written like the app's other date ranges. */
export function formatIsoDateRange(startDate: string, endDate: string, locale: AppLocale): string {
  if (startDate === endDate) return formatIsoDate(startDate, locale);
  return `${formatIsoDate(startDate, locale)} – ${formatIsoDate(endDate, locale)}`;
}

export function formatMonth({ year, month }: CalendarMonth, locale: AppLocale): string {
  return formatCalendarMonth(new Date(Date.UTC(year, month - 1, 1)), locale);
}

export function formatWeekday(date: string, locale: AppLocale, width: "short" | "long"): string {
  return formatWeekdayName(utc(date), locale, width);
}

export function holidayName(name: HolidayName, locale: AppLocale): string {
  if (locale === "zh-Hant") return name.zhHant;
  if (locale === "zh-Hans") return name.zhHans;
  return name.en;
}

export { localizedName };

import { displayTimeZone, languageTags, type AppLocale } from "./locales";

// The one place the app writes dates, times and numbers for people (issue 12 §6; decision 058): one calendar-date
// format and one date-and-time format per language, instants always in Hong Kong time. format-usage.test.ts fails on
// a date formatter anywhere else, and on a catalog message that formats a date itself.

// One Intl formatter per locale and style: constructing Intl.DateTimeFormat on every call was the largest single cost
// of rendering a dashboard (docs/performance.md).
function perLocale<T>(create: (tag: string) => T): (locale: AppLocale) => T {
  const cache = new Map<AppLocale, T>();
  return (locale) => {
    let formatter = cache.get(locale);
    if (formatter === undefined) {
      formatter = create(languageTags[locale]);
      cache.set(locale, formatter);
    }
    return formatter;
  };
}

const calendarDates = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" }));
const calendarDatesWithWeekday = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "full", timeZone: "UTC" }));
const weekdays = { short: perLocale((tag) => new Intl.DateTimeFormat(tag, { weekday: "short", timeZone: "UTC" })), long: perLocale((tag) => new Intl.DateTimeFormat(tag, { weekday: "long", timeZone: "UTC" })) };
const calendarMonths = perLocale((tag) => new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", timeZone: "UTC" }));
const instants = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: displayTimeZone }));
const numbers = perLocale((tag) => new Intl.NumberFormat(tag));

/** A calendar date (stored as UTC midnight): "18 December 2023" / "2023年12月18日". */
export function formatCalendarDate(date: Date, locale: AppLocale): string {
  return calendarDates(locale).format(date);
}

/** The same date with its weekday, for day headings: "Thursday, 3 December 2026" / "2026年12月3日星期四". */
export function formatCalendarDateWithWeekday(date: Date, locale: AppLocale): string {
  return calendarDatesWithWeekday(locale).format(date);
}

/** The weekday of a calendar date alone, for calendar column headers. */
export function formatWeekdayName(date: Date, locale: AppLocale, width: "short" | "long"): string {
  return weekdays[width](locale).format(date);
}

/** The month of a calendar date: "November 2026" / "2026年11月". */
export function formatCalendarMonth(date: Date, locale: AppLocale): string {
  return calendarMonths(locale).format(date);
}

/** An instant, shown in Hong Kong time whatever the server's time zone. */
export function formatDateTime(date: Date, locale: AppLocale): string {
  return instants(locale).format(date);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return numbers(locale).format(value);
}

/** Message values with every Date written as a Hong Kong date and time, so catalogs never format instants themselves. */
export function formatMessageValues(values: Record<string, string | number | Date>, locale: AppLocale): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value instanceof Date ? formatDateTime(value, locale) : value]));
}

import { displayTimeZone, languageTags, type AppLocale } from "@/lib/i18n/locales";

// The same output as lib/i18n/format.ts, with one Intl formatter per locale instead of a new one per call:
// constructing Intl.DateTimeFormat was the largest single cost of rendering a dashboard (docs/performance.md).

function memoize<T>(create: (locale: AppLocale) => T): (locale: AppLocale) => T {
  const cache = new Map<AppLocale, T>();
  return (locale) => {
    let value = cache.get(locale);
    if (value === undefined) {
      value = create(locale);
      cache.set(locale, value);
    }
    return value;
  };
}

const calendarDates = memoize((locale) => new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "long", timeZone: "UTC" }));
const instants = memoize((locale) => new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "medium", timeStyle: "short", timeZone: displayTimeZone }));
const numbers = memoize((locale) => new Intl.NumberFormat(languageTags[locale]));
const months = memoize((locale) => new Intl.DateTimeFormat(languageTags[locale], { year: "numeric", month: "long", timeZone: "UTC" }));

/** A calendar date (stored as UTC midnight): "18 December 2023" / "2023年12月18日". */
export const formatDay = (date: Date, locale: AppLocale) => calendarDates(locale).format(date);
/** An instant, in Hong Kong time. */
export const formatInstant = (date: Date, locale: AppLocale) => instants(locale).format(date);
export const formatCount = (value: number, locale: AppLocale) => numbers(locale).format(value);
/** "November 2026" / "2026年11月" of a calendar date. */
export const formatMonth = (date: Date, locale: AppLocale) => months(locale).format(date);

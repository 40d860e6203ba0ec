import { displayTimeZone, languageTags, type AppLocale } from "./locales";

/** A calendar date (stored as UTC midnight): "18 December 2023" / "2023年12月18日". */
export function formatCalendarDate(date: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** An instant, shown in Hong Kong time whatever the server's time zone. */
export function formatDateTime(date: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(languageTags[locale], { dateStyle: "medium", timeStyle: "short", timeZone: displayTimeZone }).format(date);
}

export function formatNumber(value: number, locale: AppLocale): string {
  return new Intl.NumberFormat(languageTags[locale]).format(value);
}

import type { AppLocale } from "@/lib/i18n/locales";
import { groupHolidayRuns, type HolidayRun } from "../agenda";
import type { HolidayCalendar, HolidayEntry, Side } from "../holidays";
import { addDays } from "@/lib/dates";
import { formatIsoDate, holidayName } from "./format";
import type { HostHoliday } from "./host-holiday-warning";

/** Both sides' holidays and make-up days over several windows (e.g. an officer's placements), as agenda runs. */
export function holidayRunsFor(calendar: HolidayCalendar, windows: { startDate: string; endDate: string }[]): HolidayRun[] {
  const seen = new Set<string>();
  const entries: HolidayEntry[] = [];
  for (const window of windows) {
    for (const entry of calendar.listHolidays(window.startDate, window.endDate)) {
      const key = `${entry.side}|${entry.kind}|${entry.date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
    }
  }
  entries.sort((a, b) => (a.date === b.date ? (a.side === "HK" ? -1 : 1) : a.date < b.date ? -1 : 1));
  return groupHolidayRuns(entries);
}

/**
 * The host side's holidays a form warns about, formatted for the reader. Computed on the server (the holiday data
 * is large) over the cohort window with a margin, which covers every date a schedule item sensibly takes.
 */
export function hostHolidaysForForm(calendar: HolidayCalendar, hostSide: Side, window: { startDate: string; endDate: string }, locale: AppLocale): HostHoliday[] {
  return calendar.hostSideHolidayWarning(hostSide, addDays(window.startDate, -120), addDays(window.endDate, 120)).map((entry) => ({
    date: entry.date,
    label: `${formatIsoDate(entry.date, locale, "full")}: ${holidayName(entry.name, locale)}`,
  }));
}

/** Years within the windows for which neither the package nor an admin has given mainland holidays (see holidays.ts). */
export function yearsWithoutMainlandData(calendar: HolidayCalendar, windows: { startDate: string; endDate: string }[]): number[] {
  return calendar.yearsWithoutData("MAINLAND", windows);
}

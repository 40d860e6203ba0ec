import type { AppLocale } from "@/lib/i18n/locales";
import { groupHolidayRuns, type HolidayRun } from "../agenda";
import { hasHolidayData, hostSideHolidayWarning, listHolidays, type HolidayEntry, type Side } from "../holidays";
import { addDays } from "@/lib/dates";
import { formatIsoDate, holidayName } from "./format";
import type { HostHoliday } from "./host-holiday-warning";

/** Both sides' holidays and make-up days over several windows (e.g. an officer's placements), as agenda runs. */
export function holidayRunsFor(windows: { startDate: string; endDate: string }[]): HolidayRun[] {
  const seen = new Set<string>();
  const entries: HolidayEntry[] = [];
  for (const window of windows) {
    for (const entry of listHolidays(window.startDate, window.endDate)) {
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
export function hostHolidaysForForm(hostSide: Side, window: { startDate: string; endDate: string }, locale: AppLocale): HostHoliday[] {
  return hostSideHolidayWarning(hostSide, addDays(window.startDate, -120), addDays(window.endDate, 120)).map((entry) => ({
    date: entry.date,
    label: `${formatIsoDate(entry.date, locale, "full")}: ${holidayName(entry.name, locale)}`,
  }));
}

/** Years within the windows for which the bundled data has no mainland holidays yet (see holidays.ts). */
export function yearsWithoutMainlandData(windows: { startDate: string; endDate: string }[]): number[] {
  const years = new Set<number>();
  for (const window of windows) {
    for (let year = Number(window.startDate.slice(0, 4)); year <= Number(window.endDate.slice(0, 4)); year++) {
      if (!hasHolidayData("MAINLAND", `${year}-01-01`)) years.add(year);
    }
  }
  return [...years].sort();
}

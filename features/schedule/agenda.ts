/**
 * The agenda: items and holidays grouped by day, upcoming days first (soonest first), then earlier days (most recent
 * first). Consecutive days of one holiday (e.g. the 8-day Spring Festival break) become one run. Pure.
 */
import type { HolidayEntry, HolidayName, Side } from "./holidays";
import { addDays } from "@/lib/dates";
import type { ReportDueEntry } from "@/features/officer-reports/queries";

export interface HolidayRun {
  startDate: string;
  endDate: string;
  side: Side;
  kind: HolidayEntry["kind"];
  name: HolidayName;
}

export interface AgendaDay<Entry> {
  date: string;
  holidays: HolidayRun[];
  entries: Entry[];
}

interface Dated {
  startDate: string;
  endDate: string;
}

/** Joins consecutive days of the same side, kind and name; input sorted by date (as listHolidays returns it). */
export function groupHolidayRuns(entries: HolidayEntry[]): HolidayRun[] {
  const runs: HolidayRun[] = [];
  const open = new Map<string, HolidayRun>();
  for (const entry of entries) {
    const key = `${entry.side}|${entry.kind}|${entry.name.en}`;
    const run = open.get(key);
    if (run && addDays(run.endDate, 1) === entry.date) {
      run.endDate = entry.date;
      continue;
    }
    const next = { startDate: entry.date, endDate: entry.date, side: entry.side, kind: entry.kind, name: entry.name };
    runs.push(next);
    open.set(key, next);
  }
  return runs.sort((a, b) => (a.startDate === b.startDate ? (a.side === b.side ? 0 : a.side === "HK" ? -1 : 1) : a.startDate < b.startDate ? -1 : 1));
}

/** The day something is listed under: its first day, or today while it is still running. */
function agendaDate(item: Dated, today: string): string {
  return item.startDate < today && item.endDate >= today ? today : item.startDate;
}

export function buildAgenda<Entry extends Dated>(entries: Entry[], holidays: HolidayRun[], today: string) {
  const days = new Map<string, AgendaDay<Entry>>();
  const day = (date: string) => {
    let found = days.get(date);
    if (!found) days.set(date, (found = { date, holidays: [], entries: [] }));
    return found;
  };
  for (const run of holidays) day(agendaDate(run, today)).holidays.push(run);
  for (const entry of entries) day(agendaDate(entry, today)).entries.push(entry);
  const sorted = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    upcoming: sorted.filter((d) => d.date >= today),
    earlier: sorted.filter((d) => d.date < today).reverse(),
  };
}

export interface AgendaReportDue extends ReportDueEntry, Dated {
  id: string;
}

/** Report due dates (features/officer-reports) as one-day agenda entries on their due dates. */
export function reportDueAgendaEntries(reports: ReportDueEntry[]): AgendaReportDue[] {
  return reports.map((report) => ({ ...report, id: `report-${report.placementId}-${report.kind}`, startDate: report.dueOn, endDate: report.dueOn }));
}

export function isReportDue(entry: object): entry is AgendaReportDue {
  return "dueOn" in entry;
}

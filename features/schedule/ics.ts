/**
 * iCalendar (RFC 5545) text of a schedule, written with ical-generator.
 *
 * - UIDs are stable ("<schedule item id>@exchange-desk"), so a subscribed calendar updates an item instead of adding
 *   a copy; SEQUENCE follows the item's version and DTSTAMP its last change. Holidays are not stored records: their
 *   DTSTAMP is the generation time, so only they change between two requests (feed.ts leaves DTSTAMP out of the ETag).
 * - Every line ends with CRLF, the last one too (RFC 5545 §3.1; ical-generator leaves the last line bare).
 * - Timed items are written as UTC instants ("…Z"): exact in every client without shipping a VTIMEZONE.
 * - All-day items, holidays and report due dates are DATE values with an exclusive DTEND, so they never shift by a day in another
 *   time zone.
 */
import ical, { ICalEventTransparency } from "ical-generator";
import type { HolidayEntry } from "./holidays";
import { addDays, parseDateOnly } from "@/lib/dates";

export const uidDomain = "exchange-desk";

export interface IcsItem {
  id: string;
  title: string;
  typeLabel: string;
  location: string | null;
  notes: string | null;
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  /** Hong Kong calendar days, both inclusive (used for all-day items). */
  startDate: string;
  endDate: string;
  version: number;
  updatedAt: Date;
  /** Set in feeds that show several officers' items (supervisors, coordinators). */
  officerName: string | null;
}

export interface IcsHoliday {
  entry: HolidayEntry;
  /** Full text, e.g. "Mainland holiday: Spring Festival". */
  label: string;
}

/** An officer's report falling due (features/officer-reports): an all-day entry on its due date. */
export interface IcsReportDue {
  placementId: string;
  kind: "MID_TERM" | "FINAL";
  dueOn: string;
  /** Full text in the feed owner's language, e.g. "Mid-term report due". */
  label: string;
}

export interface IcsCalendarInput {
  name: string;
  /** The calendar's description (X-WR-CALDESC), e.g. which years have no holiday data for a side. */
  description?: string | null;
  items: IcsItem[];
  holidays: IcsHoliday[];
  reportsDue?: IcsReportDue[];
  /** When this text is produced: the DTSTAMP of holidays and report due dates. */
  generatedAt: Date;
  /** Suggested refresh interval for subscribed calendars, in seconds. */
  refreshSeconds?: number;
}

/** iCalendar DATE values: the calendar date at UTC midnight, which ical-generator writes as a floating date. */
const dateValue = parseDateOnly;

export function scheduleItemUid(id: string): string {
  return `${id}@${uidDomain}`;
}

export function holidayUid(entry: HolidayEntry): string {
  return `holiday-${entry.side.toLowerCase()}-${entry.kind === "holiday" ? "holiday" : "workday"}-${entry.date}@${uidDomain}`;
}

/** One UID per placement and report kind: a moved due date updates the entry instead of adding a copy. */
export function reportDueUid(report: Pick<IcsReportDue, "placementId" | "kind">): string {
  return `report-${report.placementId}-${report.kind.toLowerCase()}@${uidDomain}`;
}

export function buildIcsCalendar({ name, description = null, items, holidays, reportsDue = [], generatedAt, refreshSeconds = 3600 }: IcsCalendarInput): string {
  const calendar = ical({ name, description, prodId: { company: "Exchange Desk", product: "Schedule", language: "EN" }, ttl: refreshSeconds });
  for (const item of items) {
    const description = [item.typeLabel, item.officerName, item.notes].filter(Boolean).join("\n");
    calendar.createEvent({
      id: scheduleItemUid(item.id),
      sequence: item.version - 1,
      stamp: item.updatedAt,
      lastModified: item.updatedAt,
      summary: item.officerName ? `${item.title} (${item.officerName})` : item.title,
      description,
      location: item.location,
      categories: [{ name: item.typeLabel }],
      ...(item.allDay
        ? { allDay: true, start: dateValue(item.startDate), end: dateValue(addDays(item.endDate, 1)) }
        : { start: item.startsAt, end: item.endsAt }),
    });
  }
  for (const { entry, label } of holidays) {
    calendar.createEvent({
      id: holidayUid(entry),
      stamp: generatedAt,
      summary: label,
      allDay: true,
      start: dateValue(entry.date),
      end: dateValue(addDays(entry.date, 1)),
      // A holiday marks the day; it does not make the user busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  for (const report of reportsDue) {
    calendar.createEvent({
      id: reportDueUid(report),
      stamp: generatedAt,
      summary: report.label,
      allDay: true,
      start: dateValue(report.dueOn),
      end: dateValue(addDays(report.dueOn, 1)),
      // A deadline marks the day; it does not make the officer busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

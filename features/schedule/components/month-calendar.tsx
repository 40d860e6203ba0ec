import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import { formatMonthParam, monthGrid, shiftMonth, type CalendarMonth } from "../calendar";
import type { HolidayCalendar } from "../holidays";
import type { ScheduleEntry } from "../queries";
import { CalendarKeyboard } from "./calendar-keyboard";
import { entryTime } from "./entry-line";
import { formatIsoDate, formatMonth, formatWeekday } from "./format";
import { HolidayDataNote } from "./holiday-data-note";
import { HolidayNote } from "./holiday-note";
import { yearsWithoutMainlandData } from "./host-holidays";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

interface MonthCalendarProps {
  month: CalendarMonth;
  entries: ScheduleEntry[];
  /** Package holidays merged with the admin's entries (loadHolidayCalendar). */
  holidayCalendar: HolidayCalendar;
  today: string;
  /** The page's path; the month travels as ?month=YYYY-MM next to the other parameters given here. */
  basePath: string;
  params?: Record<string, string>;
  showOfficer?: boolean;
  id?: string;
}

function hrefFor(basePath: string, params: Record<string, string>, month: CalendarMonth) {
  const search = new URLSearchParams({ ...params, month: formatMonthParam(month) });
  return `${basePath}?${search.toString()}`;
}

/**
 * A Monday-first month grid with ISO week numbers. Every day lists both sides' holidays and make-up working days in
 * words, then the items that touch it. A real table: weekday column headers and week row headers.
 */
export function MonthCalendar({ month, entries, holidayCalendar, today, basePath, params = {}, showOfficer = false, id = "calendar" }: MonthCalendarProps) {
  const t = useTranslations("schedule.calendar");
  const schedule = useTranslations("schedule");
  const locale = useLocale() as AppLocale;
  const weeks = monthGrid(month);
  const first = weeks[0].days[0].date;
  const last = weeks.at(-1)!.days[6].date;
  const holidays = holidayCalendar.listHolidays(first, last);
  const title = formatMonth(month, locale);
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  const todayMonth = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const linkStyle = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm text-brand-800 underline-offset-2 hover:underline";

  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t.rich("heading", { name: title, month: (chunks) => <span data-testid="calendar-month">{chunks}</span> })}
        </h2>
        <div className="no-print flex flex-wrap items-end gap-2">
          <nav aria-label={t("monthNavigation")} className="flex flex-wrap gap-2">
            <Link href={hrefFor(basePath, params, previous)} scroll={false} className={linkStyle} rel="prev">
              ← {t("previousMonth", { month: formatMonth(previous, locale) })}
            </Link>
            <Link href={hrefFor(basePath, params, todayMonth)} scroll={false} className={linkStyle}>
              {t("thisMonth")}
            </Link>
            <Link href={hrefFor(basePath, params, next)} scroll={false} className={linkStyle} rel="next">
              {t("nextMonth", { month: formatMonth(next, locale) })} →
            </Link>
          </nav>
          <form method="get" action={basePath} className="flex items-end gap-2">
            {Object.entries(params).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <Field id={`${id}-month`} label={t("goToMonth")}>
              <input type="month" name="month" defaultValue={formatMonthParam(month)} min="2000-01" max="2100-12" className="rounded border border-slate-500 px-2 py-1" />
            </Field>
            <Button type="submit" variant="secondary" size="small">
              {t("show")}
            </Button>
          </form>
        </div>
      </div>
      <CalendarKeyboard previousHref={hrefFor(basePath, params, previous)} nextHref={hrefFor(basePath, params, next)} label={t("regionLabel", { month: title })}>
        <table className="w-full min-w-[52rem] table-fixed border-collapse text-left print:min-w-0">
          <caption className="sr-only" aria-live="polite">
            {title}
          </caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="w-14 px-1 py-1 text-xs font-semibold">
                {t("week")}
              </th>
              {weeks[0].days.map((day) => (
                <th key={day.date} scope="col" abbr={formatWeekday(day.date, locale, "long")} className="px-1 py-1 text-xs font-semibold">
                  {formatWeekday(day.date, locale, "short")}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.days[0].date} className="align-top">
                <th scope="row" className="border-t border-slate-200 px-1 py-1 text-xs font-normal text-slate-700">
                  {t("weekNumber", { week: week.isoWeek })}
                </th>
                {week.days.map((day) => {
                  const dayHolidays = holidays.filter((entry) => entry.date === day.date);
                  const dayEntries = entries.filter((entry) => entry.startDate <= day.date && entry.endDate >= day.date);
                  const isToday = day.date === today;
                  return (
                    <td
                      key={day.date}
                      className={`h-24 border-l border-t border-slate-200 p-1 ${day.inMonth ? "" : "bg-slate-50 text-slate-600"} ${isToday ? "outline outline-2 -outline-offset-2 outline-brand-700" : ""}`}
                      data-date={day.date}
                    >
                      <p className="text-sm font-semibold">
                        <time dateTime={day.date}>
                          <span aria-hidden="true">{Number(day.date.slice(8))}</span>
                          <span className="sr-only">{formatIsoDate(day.date, locale, "full")}</span>
                        </time>
                        {isToday && <span className="ml-1 rounded bg-slate-800 px-1 text-xs font-normal text-white">{t("today")}</span>}
                      </p>
                      {dayHolidays.length + dayEntries.length > 0 && (
                        <ul className="mt-1 flex flex-col gap-1">
                          {dayHolidays.map((entry) => (
                            <li key={`${entry.side}-${entry.kind}`}>
                              <HolidayNote side={entry.side} kind={entry.kind} name={entry.name} />
                            </li>
                          ))}
                          {dayEntries.map((entry) => (
                            <li key={entry.id} className="rounded border-l-4 border-brand-700 bg-brand-50 px-1.5 py-0.5 text-xs leading-snug" data-testid="calendar-entry">
                              <span className="font-semibold tabular-nums">{entryTime(entry, schedule("allDay"))}</span>{" "}
                              {entry.canEdit ? (
                                <Link href={`/schedule/items/${entry.id}`} className="text-brand-800 underline">
                                  {entry.title}
                                </Link>
                              ) : (
                                entry.title
                              )}
                              {showOfficer && entry.officerName && <span className="block text-slate-700">{entry.officerName}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </CalendarKeyboard>
      <HolidayDataNote years={yearsWithoutMainlandData(holidayCalendar, [{ startDate: first, endDate: last }])} />
      <p className="no-print text-sm text-slate-700">{t("keyboardHint")}</p>
    </section>
  );
}

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AppLocale } from "@/lib/i18n/locales";
import type { ReportDueEntry } from "@/features/officer-reports/queries";
import { buildAgenda, isReportDue, reportDueAgendaEntries, type AgendaDay, type AgendaReportDue, type HolidayRun } from "../agenda";
import { placementWeek } from "../calendar";
import type { ScheduleEntry } from "../queries";
import { EntryLine, type EntryDisplayOptions } from "./entry-line";
import { formatIsoDate, formatIsoDateRange } from "./format";
import { HolidayDataNote } from "./holiday-data-note";
import { HolidayNote } from "./holiday-note";

interface AgendaProps extends EntryDisplayOptions {
  entries: ScheduleEntry[];
  holidays: HolidayRun[];
  /** The placements' report due dates (findReportDueEntries), each on its day. */
  reportsDue?: ReportDueEntry[];
  today: string;
  /** When given, each day also says which week of the placement it is. */
  placementStart?: string;
  headingLevel?: 2 | 3;
  id?: string;
  title?: string;
  emptyMessage?: string;
  /** Years of the listed period without mainland holiday data, to say so. */
  missingHolidayYears?: number[];
}

/** Upcoming days first (soonest first), then earlier ones (latest first); both sides' holidays on their days. */
export function Agenda({ entries, holidays, reportsDue = [], today, placementStart, headingLevel = 2, id = "agenda", title, emptyMessage, missingHolidayYears = [], ...display }: AgendaProps) {
  const t = useTranslations("schedule.agenda");
  const { upcoming, earlier } = buildAgenda<ScheduleEntry | AgendaReportDue>([...entries, ...reportDueAgendaEntries(reportsDue)], holidays, today);
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${headingLevel + 1}` as "h3" | "h4";
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-slate-300 bg-white p-4 print:border-0 print:p-0">
      <Heading id={`${id}-heading`} className="text-lg font-semibold">
        {title ?? t("title")}
      </Heading>
      {missingHolidayYears.length > 0 && (
        <div className="mt-2">
          <HolidayDataNote years={missingHolidayYears} />
        </div>
      )}
      {upcoming.length + earlier.length === 0 && <p className="mt-2 text-slate-700">{emptyMessage ?? t("empty")}</p>}
      {upcoming.length > 0 && (
        <>
          <SubHeading className="mt-3 font-semibold text-slate-800">{t("upcoming")}</SubHeading>
          <AgendaDays days={upcoming} today={today} placementStart={placementStart} {...display} />
        </>
      )}
      {earlier.length > 0 && (
        <>
          <SubHeading className="mt-5 font-semibold text-slate-800">{t("earlier")}</SubHeading>
          <AgendaDays days={earlier} today={today} placementStart={placementStart} {...display} />
        </>
      )}
    </section>
  );
}

function AgendaDays({ days, today, placementStart, ...display }: { days: AgendaDay<ScheduleEntry | AgendaReportDue>[]; today: string; placementStart?: string } & EntryDisplayOptions) {
  const t = useTranslations("schedule.agenda");
  const reports = useTranslations("schedule");
  const locale = useLocale() as AppLocale;
  return (
    <ol className="mt-2 flex flex-col divide-y divide-slate-200">
      {days.map((day) => {
        const week = placementStart ? placementWeek(placementStart, day.date) : null;
        return (
          <li key={day.date} className="py-2 break-inside-avoid" data-testid="agenda-day" data-date={day.date}>
            <p className="text-sm font-semibold text-slate-800">
              <time dateTime={day.date}>{formatIsoDate(day.date, locale, "full")}</time>
              {day.date === today && <span className="ml-2 rounded bg-slate-800 px-1.5 text-xs text-white">{t("today")}</span>}
              {week !== null && <span className="ml-2 font-normal text-slate-700">{t("placementWeek", { week })}</span>}
            </p>
            <ul className="mt-1 flex flex-col gap-2">
              {day.holidays.map((run) => (
                <li key={`${run.side}-${run.kind}-${run.startDate}`}>
                  <HolidayNote side={run.side} kind={run.kind} name={run.name} />
                  {run.startDate !== run.endDate && <span className="text-xs text-slate-700">{formatIsoDateRange(run.startDate, run.endDate, locale)}</span>}
                </li>
              ))}
              {day.entries.map((entry) => (
                <li key={entry.id}>
                  {isReportDue(entry) ? (
                    <Link href={`/placements/${entry.placementId}/reports`} className={entry.isDone ? "text-slate-700 underline" : "font-medium text-brand-700 underline"}>
                      {entry.isDone ? reports(`reportDone.${entry.kind}`) : reports(`reportDue.${entry.kind}`)}
                    </Link>
                  ) : (
                    <EntryLine entry={entry} showDates {...display} />
                  )}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/empty-state";
import { PageSection } from "@/components/page-section";
import { PageHeader } from "@/components/page-header";
import { findVisibleCohorts } from "@/features/cohorts/queries";
import { defaultMonth, type CalendarMonth } from "../calendar";
import { findMySchedule, findSupervisorSchedules, hasCalendarFeedLink, type SchedulePlacement } from "../queries";
import { formatDateOnly } from "@/lib/dates";
import { findReportDueEntries } from "@/features/officer-reports/queries";
import { Agenda } from "./agenda";
import { CalendarFeedPanel } from "./calendar-feed-panel";
import { formatIsoDate } from "./format";
import { loadHolidayCalendar } from "../holiday-calendar";
import { holidayRunsFor, yearsWithoutMainlandData } from "./host-holidays";
import { MonthCalendar } from "./month-calendar";
import { PlacementDetails } from "./placement-details";
import { PrintButton } from "./print-button";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { displayStatus } from "@/features/placements/display-status";
import { ClientMessages } from "@/components/client-messages";

interface OverviewProps {
  user: SessionUser;
  today: string;
  month: CalendarMonth | null;
}

async function FeedPanel({ user }: { user: SessionUser }) {
  if (!hasPermission(user, "calendarFeed:manage")) return null;
  return (
    <ClientMessages namespaces={["schedule.feed"]}>
      <CalendarFeedPanel hasLink={await hasCalendarFeedLink(user)} />
    </ClientMessages>
  );
}

/** The placement an officer cares about now: the current one, else the next, else the latest. */
function featuredPlacement<P extends SchedulePlacement>(placements: P[], today: string): P {
  const current = placements.find((placement) => placement.startDate <= today && placement.endDate >= today);
  const upcoming = placements.filter((placement) => placement.startDate > today).sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0];
  return current ?? upcoming ?? placements[0];
}

/** An officer's own placement, agenda and month calendar, nothing of anyone else's. */
export async function OfficerOverview({ user, today, month }: OverviewProps) {
  const [t, locale, data, holidayCalendar] = await Promise.all([getTranslations("schedule"), getLocale() as Promise<AppLocale>, findMySchedule(user), loadHolidayCalendar()]);
  if (!data || data.placements.length === 0) {
    return (
      <>
        <PageHeader title={t("my.title")} />
        <div className="flex flex-col gap-6">
          <EmptyState message={t("my.noPlacement")} />
          <FeedPanel user={user} />
        </div>
      </>
    );
  }
  const featured = featuredPlacement(data.placements, today);
  const reportsDue = await findReportDueEntries(user, data.placements.map((placement) => placement.id));
  const others = data.placements.filter((placement) => placement.id !== featured.id);
  return (
    <>
      <PageHeader title={t("my.title")} description={t("my.intro")} actions={<PrintButton label={t("print")} />} />
      <div className="flex flex-col gap-6">
        <PlacementDetails holidayCalendar={holidayCalendar} placement={featured} contacts={featured.contacts} today={today} title={t("my.placementTitle")} />
        {others.length > 0 && (
          <section aria-labelledby="other-placements" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="other-placements" className="text-lg font-semibold">
              {t("my.otherPlacements")}
            </h2>
            <ul className="mt-2 list-disc pl-5">
              {others.map((placement) => (
                <li key={placement.id}>
                  <Link href={`/schedule/placements/${placement.id}`} className="text-brand-700 underline">
                    {localizedName(placement.cohort.name, locale)}
                  </Link>{" "}
                  ({formatIsoDate(placement.startDate, locale)} – {formatIsoDate(placement.endDate, locale)})
                </li>
              ))}
            </ul>
          </section>
        )}
        <Agenda
          entries={data.entries}
          reportsDue={reportsDue}
          holidays={holidayRunsFor(holidayCalendar, data.placements)}
          missingHolidayYears={yearsWithoutMainlandData(holidayCalendar, data.placements)}
          today={today}
          placementStart={others.length === 0 ? featured.startDate : undefined}
          title={t("my.agendaTitle")}
        />
        <MonthCalendar holidayCalendar={holidayCalendar} month={month ?? defaultMonth(today, featured)} entries={data.entries} today={today} basePath="/schedule" />
        <FeedPanel user={user} />
      </div>
    </>
  );
}

/** A supervisor's host unit: its officers (each schedule one click away) and what is coming up. */
export async function SupervisorOverview({ user, today }: OverviewProps) {
  const [t, status, locale, data] = await Promise.all([getTranslations("schedule"), getTranslations("status.placement"), getLocale() as Promise<AppLocale>, findSupervisorSchedules(user, today)]);
  return (
    <>
      <PageHeader title={t("supervisor.title")} description={t("supervisor.intro")} />
      <div className="flex flex-col gap-6">
        <PageSection id="unit-officers" title={t("supervisor.officers")} className="rounded border border-slate-300 bg-white p-4">
          {!data || data.placements.length === 0 ? (
            <EmptyState message={t("supervisor.noOfficers")} />
          ) : (
            <DataTable caption={t("supervisor.officers")} framed={false} headers={<HeaderCells labels={[t("placement.officer"), t("placement.post"), t("placement.dates"), t("placement.status")]} />}>
              {data.placements.map((placement) => (
                <tr key={placement.id} className="border-t border-slate-200">
                  <th scope="row" className="font-medium">
                    <Link href={`/schedule/placements/${placement.id}`} className="text-brand-700 underline">
                      {placement.officerName}
                    </Link>
                    {placement.chineseName && <span className="font-normal"> {placement.chineseName}</span>}
                  </th>
                  <td>{placement.postTitle ?? "—"}</td>
                  <td>
                    {formatIsoDate(placement.startDate, locale)} – {formatIsoDate(placement.endDate, locale)}
                  </td>
                  <td>{status(displayStatus(placement))}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </PageSection>
        <Agenda entries={data?.upcoming ?? []} holidays={[]} today={today} title={t("supervisor.upcoming")} emptyMessage={t("supervisor.noUpcoming")} showOfficer linkToEdit />
        <FeedPanel user={user} />
      </div>
    </>
  );
}

/** Coordinators and administrators: the cohorts in scope, each with its calendar and placement timeline. */
export async function CohortOverview({ user, today }: OverviewProps) {
  const [t, locale, cohorts] = await Promise.all([getTranslations("schedule"), getLocale() as Promise<AppLocale>, findVisibleCohorts(user)]);
  return (
    <>
      <PageHeader title={t("cohorts.title")} description={t("cohorts.intro")} />
      <div className="flex flex-col gap-6">
        {cohorts.length === 0 ? (
          <EmptyState message={t("cohorts.empty")} />
        ) : (
          <DataTable caption={t("cohorts.title")} headers={<HeaderCells labels={[t("cohorts.cohort"), t("cohorts.host"), t("cohorts.dates"), t("cohorts.views")]} />}>
            {cohorts.map((cohort) => {
              const start = formatDateOnly(cohort.startDate);
              const end = formatDateOnly(cohort.endDate);
              const running = start <= today && end >= today;
              return (
                <tr key={cohort.id} className="border-t border-slate-200">
                  <th scope="row" className="font-medium">
                    {localizedName(cohort, locale)}
                    {running && <span className="ml-2 rounded bg-slate-800 px-1.5 text-xs font-normal text-white">{t("cohorts.running")}</span>}
                  </th>
                  <td>{localizedName(cohort.hostJurisdiction, locale)}</td>
                  <td>
                    {formatIsoDate(start, locale)} – {formatIsoDate(end, locale)}
                  </td>
                  <td>
                    <Link href={`/schedule/cohorts/${cohort.id}`} className="text-brand-700 underline">
                      {t("cohorts.calendar")}
                      <span className="sr-only"> – {localizedName(cohort, locale)}</span>
                    </Link>
                    {" · "}
                    <Link href={`/schedule/cohorts/${cohort.id}/timeline`} className="text-brand-700 underline">
                      {t("cohorts.timeline")}
                      <span className="sr-only"> – {localizedName(cohort, locale)}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <FeedPanel user={user} />
      </div>
    </>
  );
}

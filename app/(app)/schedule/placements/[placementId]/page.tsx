import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { hasPermission } from "@/lib/authorization";
import { PageHeader } from "@/components/page-header";
import { defaultMonth, parseMonthParam } from "@/features/schedule/calendar";
import { Agenda } from "@/features/schedule/components/agenda";
import { holidayRunsFor, yearsWithoutMainlandData } from "@/features/schedule/components/host-holidays";
import { MonthCalendar } from "@/features/schedule/components/month-calendar";
import { PlacementDetails } from "@/features/schedule/components/placement-details";
import { PrintButton } from "@/features/schedule/components/print-button";
import { findPlacementSchedule } from "@/features/schedule/queries";
import { findReportDueEntries } from "@/features/officer-reports/queries";
import { todayInHongKong } from "@/lib/dates";

type Props = { params: Promise<{ placementId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("schedule");
  return { title: t("title") };
}

/** One placement's schedule. Out of the viewer's scope (another officer's, another host unit's): 404. */
export default async function PlacementSchedulePage({ params, searchParams }: Props) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:view")) forbidden();
  const { placementId } = await params;
  const [data, t] = await Promise.all([findPlacementSchedule(user, placementId), getTranslations("schedule")]);
  if (!data) notFound();
  const { placement, entries } = data;
  const today = todayInHongKong();
  const month = parseMonthParam((await searchParams).month) ?? defaultMonth(today, placement);
  const action = "rounded px-4 py-2 text-sm font-semibold";
  const actions = (
    <div className="no-print flex flex-wrap gap-2">
      {placement.canEditItems && (
        <>
          <Link href={`/schedule/items/new?placement=${placement.id}`} className={`${action} bg-brand-700 text-white hover:bg-brand-800`}>
            {t("placementSchedule.addItem")}
          </Link>
          <Link href={`/schedule/placements/${placement.id}/standard`} className={`${action} border border-slate-400 bg-white text-slate-900`}>
            {t("placementSchedule.standard")}
          </Link>
        </>
      )}
      <PrintButton label={t("print")} />
    </div>
  );
  const [holidayCalendar, reportsDue] = await Promise.all([loadHolidayCalendar(), findReportDueEntries(user, [placement.id])]);
  return (
    <>
      <PageHeader title={t("placementSchedule.title", { officer: placement.officerName })} actions={actions} />
      <div className="flex flex-col gap-6">
        <PlacementDetails holidayCalendar={holidayCalendar} placement={placement} today={today} title={t("placementSchedule.details")} />
        <Agenda
          entries={entries}
          reportsDue={reportsDue}
          holidays={holidayRunsFor(holidayCalendar, [placement])}
          missingHolidayYears={yearsWithoutMainlandData(holidayCalendar, [placement])}
          today={today}
          placementStart={placement.startDate}
          linkToEdit
        />
        <MonthCalendar holidayCalendar={holidayCalendar} month={month} entries={entries} today={today} basePath={`/schedule/placements/${placement.id}`} />
      </div>
    </>
  );
}

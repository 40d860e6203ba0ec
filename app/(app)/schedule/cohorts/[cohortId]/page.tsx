import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { firstDayOfMonth, formatMonthParam, lastDayOfMonth, parseMonthParam } from "@/features/schedule/calendar";
import { Agenda } from "@/features/schedule/components/agenda";
import { holidayRunsFor } from "@/features/schedule/components/host-holidays";
import { MonthCalendar } from "@/features/schedule/components/month-calendar";
import { PrintButton } from "@/features/schedule/components/print-button";
import { findCohortCalendar } from "@/features/schedule/queries";
import { todayInHongKong } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { cn } from "@/lib/cn";

type Props = { params: Promise<{ cohortId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("schedule.cohortCalendar");
  return { title: t("title") };
}

/** All officers' items of a cohort, month by month, filterable by host unit (URL parameters ?month=&hostUnit=). */
export default async function CohortCalendarPage({ params, searchParams }: Props) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:view")) forbidden();
  const [{ cohortId }, query] = await Promise.all([params, searchParams]);
  const today = todayInHongKong();
  const hostUnitParam = typeof query.hostUnit === "string" ? query.hostUnit : null;
  const [data, t, locale] = await Promise.all([
    findCohortCalendar(user, cohortId, { month: parseMonthParam(query.month), today, hostUnitId: hostUnitParam }),
    getTranslations("schedule"),
    getLocale() as Promise<AppLocale>,
  ]);
  if (!data) notFound();
  const basePath = `/schedule/cohorts/${cohortId}`;
  const filterParams: Record<string, string> = data.hostUnitId ? { hostUnit: data.hostUnitId } : {};
  const monthStart = firstDayOfMonth(data.month);
  const monthEnd = lastDayOfMonth(data.month);
  const action = "rounded px-4 py-2 text-sm font-semibold";
  const holidayCalendar = await loadHolidayCalendar();
  return (
    <>
      <PageHeader
        title={t("cohortCalendar.title")}
        description={localizedName(data.cohort.name, locale)}
        actions={
          <div className="no-print flex flex-wrap gap-2">
            {data.canEditCohortItems && (
              <Link href={`/schedule/items/new?cohort=${cohortId}`} className={`${action} bg-brand-700 text-white hover:bg-brand-800`}>
                {t("cohortCalendar.addItem")}
              </Link>
            )}
            <Link href={`${basePath}/timeline`} className={`${action} border border-slate-400 bg-white text-slate-900`}>
              {t("cohorts.timeline")}
            </Link>
            <PrintButton label={t("print")} />
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <form method="get" action={basePath} className="no-print flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3">
          <input type="hidden" name="month" value={formatMonthParam(data.month)} />
          <Field id="host-unit-filter" label={t("cohortCalendar.hostUnitFilter")}>
            <select name="hostUnit" defaultValue={data.hostUnitId ?? ""} className={cn(controlClass(), "sm:max-w-md")}>
              <option value="">{t("cohortCalendar.allHostUnits")}</option>
              {data.hostUnits.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {localizedName(unit, locale)}
                </option>
              ))}
            </select>
          </Field>
          <Button type="submit" variant="secondary">
            {t("cohortCalendar.apply")}
          </Button>
        </form>
        <MonthCalendar holidayCalendar={holidayCalendar} month={data.month} entries={data.entries} today={today} basePath={basePath} params={filterParams} showOfficer />
        <Agenda
          entries={data.entries.filter((entry) => entry.endDate >= monthStart && entry.startDate <= monthEnd)}
          holidays={holidayRunsFor(holidayCalendar, [{ startDate: monthStart, endDate: monthEnd }])}
          today={today}
          title={t("cohortCalendar.monthItems")}
          showOfficer
          linkToEdit
        />
      </div>
    </>
  );
}

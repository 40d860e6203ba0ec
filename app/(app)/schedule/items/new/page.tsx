import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { hostHolidaysForForm } from "@/features/schedule/components/host-holidays";
import { ItemForm } from "@/features/schedule/components/item-form";
import { findScheduleTarget } from "@/features/schedule/queries";
import { dateOnlyParam, todayInHongKong } from "@/lib/dates";
import { ClientMessages } from "@/components/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("schedule.form");
  return { title: t("newTitle") };
}

/** A new item for ?placement=<id> (that placement's own) or ?cohort=<id> (cohort-wide); optional ?date=YYYY-MM-DD. */
export default async function NewScheduleItemPage({ searchParams }: Props) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:editPlacement")) forbidden();
  const query = await searchParams;
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : null);
  const [target, t, holidays, locale] = await Promise.all([
    findScheduleTarget(user, { placementId: text(query.placement), cohortId: text(query.placement) ? null : text(query.cohort) }),
    getTranslations("schedule"),
    getTranslations("schedule.holidays"),
    getLocale() as Promise<AppLocale>,
  ]);
  if (!target) notFound();
  if (!target.canEdit) forbidden();
  const window = target.placement ?? target.cohort;
  const today = todayInHongKong();
  const date = dateOnlyParam(query.date) ?? (today >= window.startDate && today <= window.endDate ? today : window.startDate);
  const hostSide = target.cohort.hostSide;
  const returnHref = target.placement ? `/schedule/placements/${target.placement.id}` : `/schedule/cohorts/${target.cohort.id}`;
  const description = target.placement
    ? t("form.forPlacement", { officer: target.placement.officerName, cohort: localizedName(target.cohort.name, locale) })
    : t("form.forCohort", { cohort: localizedName(target.cohort.name, locale) });
  const holidayCalendar = await loadHolidayCalendar();
  return (
    <>
      <PageHeader title={t("form.newTitle")} description={description} />
      <ClientMessages namespaces={["schedule.form", "schedule.types"]}>
        <ItemForm
          mode="create"
          target={target.placement ? { placementId: target.placement.id } : { cohortId: target.cohort.id }}
          initial={{ type: target.placement ? "SITE_VISIT" : "MEETING", title: "", location: "", notes: "", allDay: false, startDate: date, startTime: "09:30", endDate: "", endTime: "11:00" }}
          hostHolidays={hostHolidaysForForm(holidayCalendar, hostSide, target.cohort, locale)}
          hostSideLabel={holidays(`sides.${hostSide}`)}
          returnHref={returnHref}
        />
      </ClientMessages>
    </>
  );
}

import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { formatIsoDate } from "@/features/schedule/components/format";
import { hostHolidaysForForm } from "@/features/schedule/components/host-holidays";
import { StandardScheduleForm } from "@/features/schedule/components/standard-schedule-form";
import { findPlacementSchedule } from "@/features/schedule/queries";
import { proposeStandardSchedule } from "@/features/schedule/standard-schedule";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("schedule.standard");
  return { title: t("title") };
}

/** Proposes the usual items from the placement's dates; nothing is saved until the user has looked at them. */
export default async function StandardSchedulePage({ params }: { params: Promise<{ placementId: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:editPlacement")) forbidden();
  const { placementId } = await params;
  const [data, t, holidays, locale] = await Promise.all([
    findPlacementSchedule(user, placementId),
    getTranslations("schedule.standard"),
    getTranslations("schedule.holidays"),
    getLocale() as Promise<AppLocale>,
  ]);
  if (!data) notFound();
  const { placement } = data;
  if (!placement.canEditItems) forbidden();
  const hostSide = placement.cohort.hostSide;
  const holidayCalendar = await loadHolidayCalendar();
  const proposals = proposeStandardSchedule({ startDate: placement.startDate, endDate: placement.endDate, hostSide }, holidayCalendar).map((item) => ({
    key: item.key,
    heading: t(`items.${item.key}`),
    include: true,
    type: item.type,
    title: t(`items.${item.key}`),
    allDay: item.allDay,
    startDate: item.date,
    startTime: item.startTime,
    endTime: item.endTime,
    location: "",
  }));
  const existing = data.entries.filter((entry) => entry.placementId === placement.id).length;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro", {
          officer: placement.officerName,
          start: formatIsoDate(placement.startDate, locale),
          end: formatIsoDate(placement.endDate, locale),
          side: holidays(`sides.${hostSide}`),
        })}
      />
      {existing > 0 && <p className="mb-4 rounded border-l-4 border-slate-500 bg-white px-3 py-2 text-sm">{t("existing", { count: existing })}</p>}
      <ClientMessages namespaces={["schedule.form", "schedule.standard", "schedule.types"]}>
        <StandardScheduleForm
          placementId={placement.id}
          proposals={proposals}
          hostHolidays={hostHolidaysForForm(holidayCalendar, hostSide, placement.cohort, locale)}
          hostSideLabel={holidays(`sides.${hostSide}`)}
          returnHref={`/schedule/placements/${placement.id}`}
        />
      </ClientMessages>
    </>
  );
}

import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { loadHolidayCalendar } from "@/features/schedule/holiday-calendar";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { DeleteItem } from "@/features/schedule/components/delete-item";
import { hostHolidaysForForm } from "@/features/schedule/components/host-holidays";
import { ItemForm } from "@/features/schedule/components/item-form";
import { findScheduleItem } from "@/features/schedule/queries";
import { formTimesFromItem } from "@/features/schedule/time";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("schedule.form");
  return { title: t("editTitle") };
}

/** Editing an item: out of scope → 404; visible but not the viewer's to change (an officer, the sending side) → 403. */
export default async function EditScheduleItemPage({ params }: { params: Promise<{ itemId: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:view")) forbidden();
  const { itemId } = await params;
  const [found, t, holidays, followUp, locale] = await Promise.all([
    findScheduleItem(user, itemId),
    getTranslations("schedule"),
    getTranslations("schedule.holidays"),
    getTranslations("followUpNotices"),
    getLocale() as Promise<AppLocale>,
  ]);
  if (!found) notFound();
  const { entry, target } = found;
  if (!entry.canEdit) forbidden();
  const times = formTimesFromItem(entry);
  const hostSide = target.cohort.hostSide;
  const returnHref = target.placement ? `/schedule/placements/${target.placement.id}` : `/schedule/cohorts/${target.cohort.id}`;
  const description = target.placement
    ? t("form.forPlacement", { officer: target.placement.officerName, cohort: localizedName(target.cohort.name, locale) })
    : t("form.forCohort", { cohort: localizedName(target.cohort.name, locale) });
  const holidayCalendar = await loadHolidayCalendar();
  return (
    <>
      <PageHeader title={t("form.editTitle")} description={description} />
      <ClientMessages namespaces={["schedule.form", "schedule.types"]}>
        <ItemForm
          mode="edit"
          target={{ id: entry.id, version: String(entry.version) }}
          initial={{
            type: entry.type,
            title: entry.title,
            location: entry.location ?? "",
            notes: entry.notes ?? "",
            allDay: times.allDay,
            startDate: times.startDate,
            startTime: times.startTime,
            endDate: times.endDate === times.startDate ? "" : times.endDate,
            endTime: times.endTime,
          }}
          hostHolidays={hostHolidaysForForm(holidayCalendar, hostSide, target.cohort, locale)}
          hostSideLabel={holidays(`sides.${hostSide}`)}
          returnHref={returnHref}
        />
      </ClientMessages>
      <ClientMessages namespaces={["schedule.delete"]}>
        <DeleteItem
          id={entry.id}
          version={entry.version}
          title={entry.title}
          returnHref={returnHref}
          undo={{ label: followUp("undoDelete"), accessibleLabel: followUp("undoDeleteOf", { title: entry.title }) }}
        />
      </ClientMessages>
    </>
  );
}

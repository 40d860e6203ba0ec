import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatDateOnly } from "@/lib/dates";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { updateCohortAction } from "@/features/cohorts/actions";
import { CohortForm } from "@/features/cohorts/components/cohort-form";
import { cohortFormOptions } from "@/features/cohorts/components/cohort-form-options";
import { canManageCohort, reachableCohortStatuses } from "@/features/cohorts/policy";
import { findCohortForActor } from "@/features/cohorts/queries";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("editCohort") };
}

export default async function EditCohortPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:view")) forbidden();
  const cohort = await findCohortForActor(user, (await params).id);
  if (!cohort) notFound();
  if (!canManageCohort(user, cohort)) forbidden();
  const locale = (await getLocale()) as AppLocale;
  const [t, options] = await Promise.all([getTranslations("cohorts"), cohortFormOptions(user, locale, reachableCohortStatuses(cohort.status))]);
  return (
    <>
      <PageHeader title={t("editCohort")} description={localizedName(cohort.name, locale)} />
      <CohortForm
        action={updateCohortAction}
        submitLabel={t("save")}
        {...options}
        values={{
          id: cohort.id,
          version: cohort.version,
          code: cohort.code,
          nameEn: cohort.nameEn,
          nameZhHant: cohort.nameZhHant,
          nameZhHans: cohort.nameZhHans,
          sendingJurisdictionId: cohort.sendingJurisdictionId,
          hostJurisdictionId: cohort.hostJurisdictionId,
          startDate: formatDateOnly(cohort.startDate),
          endDate: formatDateOnly(cohort.endDate),
          nominationDeadline: cohort.nominationDeadline ? formatDateOnly(cohort.nominationDeadline) : "",
          status: cohort.status,
        }}
      />
    </>
  );
}

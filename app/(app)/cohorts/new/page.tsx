import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { createCohortAction } from "@/features/cohorts/actions";
import { CohortForm } from "@/features/cohorts/components/cohort-form";
import { cohortFormOptions } from "@/features/cohorts/components/cohort-form-options";
import { reachableCohortStatuses } from "@/features/cohorts/policy";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("newCohort") };
}

export default async function NewCohortPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:manage")) forbidden();
  const locale = (await getLocale()) as AppLocale;
  const [t, options] = await Promise.all([getTranslations("cohorts"), cohortFormOptions(user, locale, reachableCohortStatuses("PLANNING"))]);
  if (options.sendingOptions.length === 0) forbidden();
  return (
    <>
      <PageHeader title={t("newCohort")} description={t("newCohortIntro")} />
      <CohortForm
        action={createCohortAction}
        submitLabel={t("create")}
        {...options}
        values={{
          code: "",
          nameEn: "",
          nameZhHant: "",
          nameZhHans: "",
          sendingJurisdictionId: options.sendingOptions[0].value,
          hostJurisdictionId: "",
          startDate: "",
          endDate: "",
          nominationDeadline: "",
          status: "PLANNING",
        }}
      />
    </>
  );
}

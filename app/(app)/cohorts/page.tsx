import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { findCohortPage } from "@/features/cohorts/queries";
import { parseCohortListParams } from "@/features/cohorts/schemas";
import { CohortFilters, CohortTable } from "@/features/cohorts/components/cohort-list";
import { Button } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("cohorts");
  return { title: t("title") };
}

export default async function CohortsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:view")) forbidden();
  const params = parseCohortListParams(await searchParams);
  const locale = (await getLocale()) as AppLocale;
  const [t, page] = await Promise.all([getTranslations("cohorts"), findCohortPage(user, params, locale)]);
  const newCohort = hasPermission(user, "cohort:manage") ? (
    <Button asChild>
      <Link href="/cohorts/new">
        {t("newCohort")}
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} actions={newCohort} />
      <CohortFilters params={params} />
      <CohortTable page={page} params={params} locale={locale} />
    </>
  );
}

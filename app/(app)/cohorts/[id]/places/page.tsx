import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { cohortResource, hasPermission, isAllowed } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { findCohortForActor } from "@/features/cohorts/queries";
import { findHostUnitOptions } from "@/features/placements/queries/assignment-options";
import { HostUnitPlaces } from "@/features/placements/components/host-unit-places";

export async function generateMetadata() {
  const t = await getTranslations("places");
  return { title: t("title") };
}

/** The host side's places per host unit in one cohort: linked from the board, which shows only the total. */
export default async function CohortPlacesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "cohort:view")) forbidden();
  const cohort = await findCohortForActor(user, (await params).id);
  if (!cohort) notFound();
  if (!isAllowed(user, "placement:assign", cohortResource(cohort))) forbidden();
  const locale = (await getLocale()) as AppLocale;
  const [t, units] = await Promise.all([getTranslations("places"), findHostUnitOptions(user, cohort.id)]);
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/cohorts/${cohort.id}`} className="text-brand-700 underline">
          {localizedName(cohort.name, locale)}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={localizedName(cohort.name, locale)} />
      {units.length === 0 ? <EmptyState message={t("noHostUnits")} /> : <HostUnitPlaces units={units} locale={locale} />}
    </>
  );
}

import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { cohortResource, hasPermission, isAllowed } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { findCohortForActor } from "@/features/cohorts/queries";
import { CohortInviteSection } from "@/features/accounts/components/officer-account-section";

export async function generateMetadata() {
  const t = await getTranslations("accounts.cohort");
  return { title: t("title") };
}

/** A cohort's officers' accounts: invite every placed officer without one (issue 14). */
export default async function CohortAccountsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "user:invite")) forbidden();
  const cohort = await findCohortForActor(user, (await params).id);
  if (!cohort) notFound();
  const sides = cohortResource(cohort);
  if (!isAllowed(user, "user:invite", sides)) notFound();
  const [t, locale] = await Promise.all([getTranslations("accounts.cohort"), getLocale() as Promise<AppLocale>]);
  return (
    <>
      <nav aria-label={t("title")} className="mb-2 text-sm">
        <Link href={`/cohorts/${cohort.id}`} className="text-brand-700 underline">
          {localizedName(cohort.name, locale)}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={localizedName(cohort.name, locale)} />
      <CohortInviteSection actor={user} cohortId={cohort.id} sides={sides} />
    </>
  );
}

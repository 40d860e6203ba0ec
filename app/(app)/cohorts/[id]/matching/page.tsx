import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { cohortResource, hasPermission, isAllowed } from "@/lib/authorization";
import { firstParam } from "@/lib/list-params";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { findCohortForActor } from "@/features/cohorts/queries";
import { findMatchingPage } from "@/features/matching/runs/queries";
import { MatchingView } from "@/features/matching/runs/components/matching-view";
import { ProposalSlot } from "@/features/matching/runs/components/run-forms.client";
import { MatchingSettingsLink } from "@/features/matching/inputs/components/links";

export async function generateMetadata() {
  const t = await getTranslations("matchingRuns");
  return { title: t("title") };
}

/** A cohort's matching runs (issue 16): the host side proposes, reviews, re-proposes and accepts; the sending side follows. */
export default async function CohortMatchingPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "matchingRun:view")) forbidden();
  const cohort = await findCohortForActor(user, (await params).id);
  if (!cohort) notFound();
  if (!isAllowed(user, "matchingRun:view", cohortResource(cohort))) forbidden();
  const runId = firstParam((await searchParams).run)?.slice(0, 200);
  const locale = (await getLocale()) as AppLocale;
  const [t, page] = await Promise.all([getTranslations("matchingRuns"), findMatchingPage(user, cohort, runId)]);
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link prefetch={false} href={`/cohorts/${cohort.id}`} className="text-brand-700 underline">
          {localizedName(cohort.name, locale)}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={localizedName(cohort.name, locale)} />
      <MatchingSettingsLink actor={user} cohortId={cohort.id} sides={cohort} />
      <ProposalSlot newestRunAt={page.runs[0]?.createdAt.getTime() ?? 0}>
        <MatchingView page={page} cohortId={cohort.id} locale={locale} />
      </ProposalSlot>
    </>
  );
}

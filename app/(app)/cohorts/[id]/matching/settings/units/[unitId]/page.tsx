import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { saveUnitMatchingAction } from "@/features/matching/inputs/actions";
import { findUnitMatchingPage, type WishCandidate } from "@/features/matching/inputs/queries";
import { maxWishes } from "@/features/matching/inputs/schemas";
import { UnitMatchingForm } from "@/features/matching/inputs/components/unit-matching-form";

export async function generateMetadata() {
  const t = await getTranslations("matchingInputs.unit");
  return { title: t("pageTitle") };
}

const card = "rounded border border-slate-300 bg-white p-5";

/** One host unit's rank band and ranked wishes for a cohort (the host side's coordinators). */
export default async function UnitMatchingPage({ params }: { params: Promise<{ id: string; unitId: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "matchingWish:edit")) forbidden();
  const { id, unitId } = await params;
  const page = await findUnitMatchingPage(user, id, unitId);
  if (!page) notFound();
  if (!page.cohort.canEditWishes) forbidden();
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("matchingInputs.unit");
  const ranked = await getTranslations("matchingInputs.ranked");
  const unit = localizedName(page.unit, locale);
  const cohort = localizedName(page.cohort, locale);
  const item = (candidate: WishCandidate) => ({
    id: candidate.placementId,
    label: candidate.chineseName ? `${candidate.officerName} ${candidate.chineseName}` : candidate.officerName,
    detail: [localizedName(candidate.rank, locale), localizedName(candidate.department, locale), ...candidate.fields.map((field) => localizedName(field, locale))].join(ranked("separator")),
  });
  const levels = page.rankLevels.map((level) => ({ value: String(level.level), label: level.ranks.map((rank) => localizedName(rank, locale)).join(ranked("separator")) }));
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/cohorts/${page.cohort.id}/matching/settings`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("title", { unit })} description={t("intro", { cohort })} />
      <PageSection id="unit-matching" title={t("formTitle")} className={card}>
        <UnitMatchingForm
          action={saveUnitMatchingAction}
          cohortId={page.cohort.id}
          hostUnitId={page.unit.id}
          version={page.version}
          levels={levels}
          rankMinLevel={page.rankMinLevel}
          rankMaxLevel={page.rankMaxLevel}
          wishes={page.wishes.map(item)}
          candidates={page.candidates.map(item)}
          max={maxWishes}
        />
      </PageSection>
    </>
  );
}

import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { savePreferencesAction } from "@/features/matching/inputs/actions";
import { findPreferencesPage, type FieldChoice, type UnitChoice } from "@/features/matching/inputs/queries";
import { maxFieldPreferences, maxPreferences } from "@/features/matching/inputs/schemas";
import { PreferencesForm } from "@/features/matching/inputs/components/preferences-form";
import { RankedList } from "@/features/matching/inputs/components/ranked-list";

export async function generateMetadata() {
  const t = await getTranslations("matchingInputs.preferences");
  return { title: t("title") };
}

const card = "rounded border border-slate-300 bg-white p-5";

/** A placement's ranked host-unit preferences: edited by the officer (until the deadline) and the sending side, read by the host side. */
export default async function PreferencesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "matchingPreference:view")) forbidden();
  const page = await findPreferencesPage(user, (await params).id);
  if (!page) notFound();
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("matchingInputs.preferences");
  const fieldList = await getTranslations("matchingInputs.ranked");
  const item = (unit: UnitChoice) => ({
    id: unit.id,
    label: localizedName(unit, locale),
    detail: unit.fields.length > 0 ? fieldList("fields", { fields: unit.fields.map((field) => localizedName(field, locale)).join(fieldList("separator")) }) : fieldList("noFields"),
  });
  const fieldItem = (field: FieldChoice) => ({ id: field.id, label: localizedName(field, locale), detail: t("fieldDetail", { count: field.unitCount }) });
  const officer = page.placement.chineseName ? `${page.placement.officerName} ${page.placement.chineseName}` : page.placement.officerName;
  const cohort = localizedName(page.cohort, locale);
  const deadline = page.cohort.nominationDeadline ? t("deadline", { date: formatCalendarDate(page.cohort.nominationDeadline, locale) }) : t("noDeadline");
  const lockMessage = {
    forbidden: t("lockForbidden"),
    cohortClosed: t("lockCohortClosed"),
    notNominated: t("lockNotNominated"),
    deadlinePassed: t("lockDeadlinePassed"),
  };
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/placements/${page.placement.id}`} className="text-brand-700 underline">
          {officer}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("intro", { officer, cohort, max: maxPreferences })} />
      <p className="mb-4 text-sm text-slate-700" data-testid="preferences-deadline">
        {deadline}
      </p>
      {page.lock === null && page.deadlinePassed && <p className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t("sendingAfterDeadline")}</p>}
      {page.lock !== null && <p className="mb-4 rounded border-l-4 border-slate-500 bg-slate-50 px-4 py-3 text-sm">{lockMessage[page.lock]}</p>}
      <PageSection id="preferences" title={page.lock === null ? t("editTitle") : t("chosenTitle")} className={card}>
        {page.lock === null ? (
          <PreferencesForm
            action={savePreferencesAction}
            placementId={page.placement.id}
            version={page.version}
            chosen={page.chosen.map(item)}
            choices={page.choices.map(item)}
            max={maxPreferences}
            chosenFields={page.chosenFields.map(fieldItem)}
            fieldChoices={page.fieldChoices.map(fieldItem)}
            maxFields={maxFieldPreferences}
          />
        ) : (
          <RankedList items={page.chosen.map(item)} emptyMessage={t("empty")} labelledBy="preferences-heading" />
        )}
      </PageSection>
      {page.lock !== null && (
        <PageSection id="field-preferences" title={t("fieldsTitle")} intro={t("fieldsReadOnlyIntro")} className={`${card} mt-4`}>
          <RankedList items={page.chosenFields.map(fieldItem)} emptyMessage={t("fieldsEmpty")} labelledBy="field-preferences-heading" />
        </PageSection>
      )}
    </>
  );
}

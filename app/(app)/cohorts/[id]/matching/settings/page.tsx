import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { saveMatchingSettingsAction } from "@/features/matching/inputs/actions";
import { defaultStoredWeights } from "@/features/matching/inputs/defaults";
import { findMatchingSettingsPage, type RankLevel } from "@/features/matching/inputs/queries";
import { SettingsForm } from "@/features/matching/inputs/components/settings-form";

export async function generateMetadata() {
  const t = await getTranslations("matchingInputs.settings");
  return { title: t("title") };
}

const card = "rounded border border-slate-300 bg-white p-5";

/** The host side's matching settings for a cohort: weights, department cap, and each unit's band and wishes. */
export default async function MatchingSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "matchingSettings:view")) forbidden();
  const page = await findMatchingSettingsPage(user, (await params).id);
  if (!page) notFound();
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("matchingInputs.settings");
  const ranked = await getTranslations("matchingInputs.ranked");
  const cohort = localizedName(page.cohort, locale);
  const levelName = (levels: RankLevel[], level: number) => {
    const found = levels.find((candidate) => candidate.level === level);
    return found ? found.ranks.map((rank) => localizedName(rank, locale)).join(ranked("separator")) : String(level);
  };
  const band = (value: { min: number | null; max: number | null } | null) => {
    if (!value) return t("bandAny");
    if (value.min !== null && value.max !== null) return t("bandRange", { min: levelName(page.rankLevels, value.min), max: levelName(page.rankLevels, value.max) });
    if (value.min !== null) return t("bandFrom", { min: levelName(page.rankLevels, value.min) });
    return t("bandTo", { max: levelName(page.rankLevels, value.max ?? 0) });
  };
  const columns = [t("unit"), t("places"), t("fields"), t("band"), t("wishes"), null];
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={`/cohorts/${page.cohort.id}`} className="text-brand-700 underline">
          {cohort}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("intro", { cohort })} />
      <PageSection id="weights" title={t("weightsTitle")} intro={page.settings.isDefault ? t("usingDefaults") : undefined} className={card}>
        {page.cohort.canEdit ? (
          <SettingsForm action={saveMatchingSettingsAction} cohortId={page.cohort.id} version={page.settings.version} values={page.settings} defaults={defaultStoredWeights} />
        ) : (
          <dl className="grid gap-2 sm:grid-cols-2">
            {(["fieldFitWeight", "preferenceWeight", "wishWeight", "rankBandWeight"] as const).map((name) => (
              <div key={name}>
                <dt className="text-sm font-medium">{t(name)}</dt>
                <dd>{page.settings[name]}</dd>
              </div>
            ))}
            <div>
              <dt className="text-sm font-medium">{t("cap")}</dt>
              <dd>{page.settings.maxPerDepartmentPerUnit ?? t("noCap")}</dd>
            </div>
          </dl>
        )}
      </PageSection>
      <PageSection id="units" title={t("unitsTitle")} intro={t("unitsIntro")} className={`${card} mt-6`}>
        {page.units.length === 0 ? (
          <EmptyState message={t("noUnits")} />
        ) : (
          <DataTable
            caption={t("unitsCaption", { cohort })}
            cardLabels={columns}
            testId="matching-units"
            headers={
              <>
                {columns.map((column, index) => (
                  <th key={index} scope="col">
                    {column ?? <span className="sr-only">{t("actions")}</span>}
                  </th>
                ))}
              </>
            }
          >
            {page.units.map((unit) => {
              const name = localizedName(unit, locale);
              return (
                <tr key={unit.id} className="border-t border-slate-200">
                  <th scope="row" className="font-medium">
                    {name}
                  </th>
                  <td>{t("placesTaken", { taken: unit.taken, capacity: unit.capacity })}</td>
                  <td>{unit.fields.length > 0 ? unit.fields.map((field) => localizedName(field, locale)).join(ranked("separator")) : ranked("noFields")}</td>
                  <td>{band(unit.band)}</td>
                  <td>{unit.wishCount}</td>
                  <td>
                    {page.cohort.canEditWishes && (
                      <Link href={`/cohorts/${page.cohort.id}/matching/settings/units/${unit.id}`} className="text-brand-700 underline" aria-label={t("editNamed", { unit: name })}>
                        {t("edit")}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </PageSection>
    </>
  );
}

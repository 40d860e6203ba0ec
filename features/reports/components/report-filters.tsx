import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PlacementStatus } from "@/generated/prisma/enums";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/text-field";
import type { ReportFilterOptions } from "../queries";
import type { ReportFilterName } from "../schemas";

const filterId = (name: ReportFilterName) => `filter-${name}`;

/**
 * The report's filters as a plain GET form: they live in the URL, so a filtered report can be bookmarked and the
 * form works without JavaScript. Values are shown as typed, even when invalid, with the error beside the field.
 */
export async function ReportFiltersForm({
  values,
  errors,
  options,
  locale,
}: {
  values: Record<ReportFilterName, string | undefined>;
  errors: Partial<Record<ReportFilterName, string>>;
  options: ReportFilterOptions;
  locale: AppLocale;
}) {
  const [t, status] = await Promise.all([getTranslations("reports.filters"), getTranslations("status.placement")]);
  const named = (records: { id: string; nameEn: string; nameZhHant: string; nameZhHans: string }[]) =>
    records.map((record) => ({ value: record.id, label: localizedName(record, locale) }));
  const hasFilters = Object.values(values).some(Boolean);
  return (
    <form method="get" action="/reports" role="search" aria-labelledby="report-filters-legend" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <h2 id="report-filters-legend" className="mb-3 text-lg font-semibold">
        {t("legend")}
      </h2>
      <div className="flex flex-wrap items-start gap-4">
        <SelectField
          id={filterId("cohort")}
          className="min-w-48 flex-1"
          name="cohort"
          label={t("cohort")}
          defaultValue={values.cohort ?? ""}
          error={errors.cohort}
          options={[
            { value: "", label: t("anyCohort") },
            ...options.cohorts.map((cohort) => ({ value: cohort.id, label: `${localizedName(cohort, locale)} (${cohort.code})` })),
          ]}
        />
        <SelectField
          id={filterId("status")}
          className="min-w-48 flex-1"
          name="status"
          label={t("status")}
          defaultValue={values.status ?? ""}
          error={errors.status}
          options={[{ value: "", label: t("anyStatus") }, ...Object.values(PlacementStatus).map((value) => ({ value, label: status(value) }))]}
        />
        <SelectField
          id={filterId("hostUnit")}
          className="min-w-48 flex-1"
          name="hostUnit"
          label={t("hostUnit")}
          defaultValue={values.hostUnit ?? ""}
          error={errors.hostUnit}
          disabled={options.hostUnits.length === 0 && !values.hostUnit}
          hint={values.cohort ? undefined : t("hostUnitNeedsCohort")}
          options={[{ value: "", label: t("anyHostUnit") }, ...named(options.hostUnits)]}
        />
        <SelectField
          id={filterId("department")}
          className="min-w-48 flex-1"
          name="department"
          label={t("department")}
          defaultValue={values.department ?? ""}
          error={errors.department}
          options={[{ value: "", label: t("anyDepartment") }, ...named(options.departments)]}
        />
        <SelectField
          id={filterId("field")}
          className="min-w-48 flex-1"
          name="field"
          label={t("field")}
          defaultValue={values.field ?? ""}
          error={errors.field}
          options={[{ value: "", label: t("anyField") }, ...named(options.fields)]}
        />
      </div>
      <fieldset className="mt-4">
        <legend className="text-sm font-medium text-slate-800">{t("dateRange")}</legend>
        <p id="filter-dates-hint" className="text-sm text-slate-600">
          {t("dateHint")}
        </p>
        <div className="mt-2 flex flex-wrap items-start gap-4">
          {(["from", "to"] as const).map((name) => (
            <TextField
              key={name}
              id={filterId(name)}
              name={name}
              type="date"
              label={t(name)}
              defaultValue={values[name] ?? ""}
              error={errors[name]}
              // Both dates share the hint above them.
              aria-describedby={["filter-dates-hint", errors[name] ? `${filterId(name)}-error` : null].filter(Boolean).join(" ")}
            />
          ))}
        </div>
      </fieldset>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit">{t("apply")}</Button>
        {hasFilters && (
          <Link href="/reports" className="text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
